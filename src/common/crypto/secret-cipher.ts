import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { secretsConfig } from 'src/config/secrets.config';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const FORMAT = 'v1';

export class SecretDecryptionError extends Error {}

/**
 * Encrypts secrets at rest (AES-256-GCM) with a key ring: `v1.<keyId>.<iv>.<tag>.<ciphertext>`, base64url parts.
 * The key id travels with the value, so adding a new key in front of the ring rotates without downtime.
 */
@Injectable()
export class SecretCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly currentKeyId: string;

  constructor(@Inject(secretsConfig.KEY) config: ConfigType<typeof secretsConfig>) {
    this.keys = new Map(config.keys.map(({ id, key }) => [id, key]));
    this.currentKeyId = config.keys[0].id;
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keyOf(this.currentKeyId), iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, this.currentKeyId, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  decrypt(sealed: string): string {
    const [format, keyId, iv, tag, ciphertext] = sealed.split('.');
    if (format !== FORMAT || !keyId || !iv || !tag || ciphertext === undefined) {
      throw new SecretDecryptionError('Not an encrypted secret');
    }
    try {
      const decipher = createDecipheriv(ALGORITHM, this.keyOf(keyId), Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch (error) {
      if (error instanceof SecretDecryptionError) throw error;
      throw new SecretDecryptionError('Secret could not be decrypted (wrong key or tampered value)');
    }
  }

  /** True when the value was sealed with an older key and should be re-encrypted. */
  needsRotation(sealed: string): boolean {
    return sealed.split('.')[1] !== this.currentKeyId;
  }

  private keyOf(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new SecretDecryptionError(`Unknown encryption key "${id}"`);
    return key;
  }
}
