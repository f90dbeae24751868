import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { UserErrorCode, UserException } from './users.exceptions';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

// OWASP's argon2id baseline (19 MiB, 2 passes): about 20 ms here, slow for guessing, fine for logins.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordService {
  // Verified against when the email is unknown, so a miss costs as long as a wrong password.
  private readonly dummyHash = hash('robbot-timing-equaliser', ARGON2_OPTIONS);

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash ?? (await this.dummyHash), password);
    } catch {
      return false;
    }
  }

  /** ≥ 10 characters and not the account's email (nor its local part). */
  assertPolicy(password: string, email: string): void {
    const problems: string[] = [];
    if (password.length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters long`);
    if (password.length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters long`);
    const lowered = password.trim().toLowerCase();
    const normalisedEmail = email.trim().toLowerCase();
    if (lowered === normalisedEmail || lowered === normalisedEmail.split('@')[0]) problems.push('must not be your email');
    if (problems.length > 0) {
      throw new UserException(UserErrorCode.WeakPassword, `Password ${problems.join(' and ')}`, { field: 'password', errors: problems });
    }
  }
}
