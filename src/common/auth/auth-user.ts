import { Role } from './role.enum';

/** The authenticated caller, built from a verified access token and the user's current state. */
export interface AuthUser {
  userId: string;
  organizationId: string;
  /** The user's current role (re-read per request, so a demotion applies at once). */
  role: Role;
  /** Access token id, revocable on logout. */
  jti: string;
  /** The login session (refresh-token family) the token belongs to. */
  sessionId: string;
  /** Access token expiry, seconds since the epoch. */
  tokenExpiresAt: number;
  /**
   * The user's cached state exactly as the auth guard read it for this request (owned and typed by the
   * users module), so a handler that needs it does not read the cache a second time.
   */
  readonly cachedState?: unknown;
}

/** Claims of our access JWT. */
export interface AccessTokenClaims {
  sub: string;
  org: string;
  role: Role;
  jti: string;
  /** Session id: the refresh-token family, so revoking a session also stops its live access tokens. */
  sid: string;
  /** The user's token version when issued; a password change or logout-all bumps it. */
  ver: number;
  iat: number;
  exp: number;
}
