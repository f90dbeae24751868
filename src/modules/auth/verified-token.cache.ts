import { AccessTokenClaims } from 'src/common/auth/auth-user';

const DEFAULT_CAPACITY = 10_000;

/**
 * Claims of access tokens whose signature this process has already verified, until they expire. The same
 * token comes back on every request of a session, and the HMAC check was the largest single cost of an
 * authenticated request. Only signature work is skipped: revocation and user state are checked every time.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, AccessTokenClaims>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  get(token: string, nowSeconds = Date.now() / 1000): AccessTokenClaims | undefined {
    const claims = this.entries.get(token);
    if (!claims) return undefined;
    if (claims.exp <= nowSeconds) {
      this.entries.delete(token);
      return undefined;
    }
    return claims;
  }

  remember(token: string, claims: AccessTokenClaims): void {
    if (this.entries.has(token)) return;
    // Maps iterate in insertion order: the first key is the oldest entry.
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, claims);
  }
}
