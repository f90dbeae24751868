import { PasswordService } from './password.service';

describe(PasswordService.name, () => {
  const sut = new PasswordService();

  describe('assertPolicy', () => {
    it('should accept a long password unrelated to the email', () => {
      expect(() => sut.assertPolicy('correct horse battery', 'ana@clinic.com')).not.toThrow();
    });

    it('should reject a password shorter than 10 characters', () => {
      expect(() => sut.assertPolicy('short1234', 'ana@clinic.com')).toThrow(expect.objectContaining({ code: 'USER_WEAK_PASSWORD' }));
    });

    it('should reject the email itself whatever its case', () => {
      expect(() => sut.assertPolicy('Ana.Souza@Clinic.com', 'ana.souza@clinic.com')).toThrow(
        expect.objectContaining({ code: 'USER_WEAK_PASSWORD' }),
      );
    });

    it('should reject the email local part', () => {
      expect(() => sut.assertPolicy('ana.souza.lima', 'ana.souza.lima@clinic.com')).toThrow(/must not be your email/);
    });
  });

  describe('hash and verify', () => {
    it('should verify the right password and reject a wrong one', async () => {
      const hashed = await sut.hash('correct horse battery');
      expect(hashed).toMatch(/^\$argon2id\$/);
      await expect(sut.verify(hashed, 'correct horse battery')).resolves.toBe(true);
      await expect(sut.verify(hashed, 'wrong horse battery')).resolves.toBe(false);
    });

    it('should answer false, not throw, for a missing or corrupt hash', async () => {
      await expect(sut.verify(null, 'anything at all')).resolves.toBe(false);
      await expect(sut.verify('not-a-hash', 'anything at all')).resolves.toBe(false);
    });
  });
});
