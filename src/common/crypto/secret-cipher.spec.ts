import { randomBytes } from 'node:crypto';
import { SecretCipher, SecretDecryptionError } from './secret-cipher';

const keyA = { id: 'a', key: randomBytes(32) };
const keyB = { id: 'b', key: randomBytes(32) };

describe(SecretCipher.name, () => {
  it('should round-trip a secret and never store the plaintext', () => {
    const sut = new SecretCipher({ keys: [keyA] });
    const sealed = sut.encrypt('my-hmac-key');
    expect(sealed).not.toContain('my-hmac-key');
    expect(sut.decrypt(sealed)).toBe('my-hmac-key');
  });

  it('should use a fresh iv each time', () => {
    const sut = new SecretCipher({ keys: [keyA] });
    expect(sut.encrypt('x')).not.toBe(sut.encrypt('x'));
  });

  it('should still read values sealed with an older key after rotation', () => {
    const sealedWithA = new SecretCipher({ keys: [keyA] }).encrypt('old');
    const rotated = new SecretCipher({ keys: [keyB, keyA] });
    expect(rotated.decrypt(sealedWithA)).toBe('old');
    expect(rotated.needsRotation(sealedWithA)).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt('new'))).toBe(false);
  });

  it('should reject a tampered value', () => {
    const sut = new SecretCipher({ keys: [keyA] });
    const parts = sut.encrypt('secret').split('.');
    parts[4] = Buffer.from('other').toString('base64url');
    expect(() => sut.decrypt(parts.join('.'))).toThrow(SecretDecryptionError);
  });

  it('should reject a value sealed with a key that left the ring', () => {
    const sealed = new SecretCipher({ keys: [keyB] }).encrypt('x');
    expect(() => new SecretCipher({ keys: [keyA] }).decrypt(sealed)).toThrow(/Unknown encryption key/);
  });

  it('should reject garbage', () => {
    expect(() => new SecretCipher({ keys: [keyA] }).decrypt('plain')).toThrow(SecretDecryptionError);
  });
});
