import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { EnvironmentVariables, validateEnv } from './env.validation';

function schemaKeys(): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(EnvironmentVariables, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))].sort();
}

function exampleKeys(): Set<string> {
  const text = readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8');
  return new Set(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split('=')[0]),
  );
}

describe('validateEnv', () => {
  it('should list every schema key in .env.example', () => {
    const documented = exampleKeys();
    const missing = schemaKeys().filter((key) => !documented.has(key));
    expect(missing).toEqual([]);
  });

  it('should not document keys the schema does not know', () => {
    const known = new Set(schemaKeys());
    expect([...exampleKeys()].filter((key) => !known.has(key))).toEqual([]);
  });

  it('should apply defaults when the environment is empty', () => {
    const env = validateEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.APP_ROLE).toBe('all');
    expect(env.AI_PROVIDER).toBe('offline');
  });

  it('should convert numbers and booleans from strings', () => {
    const env = validateEnv({ PORT: '8080', TRUST_PROXY: 'true' });
    expect(env.PORT).toBe(8080);
    expect(env.TRUST_PROXY).toBe(true);
  });

  it('should name every bad variable in one error', () => {
    expect(() => validateEnv({ PORT: 'abc', APP_ROLE: 'cron', JWT_ACCESS_SECRET: 'short' })).toThrow(
      /PORT[\s\S]*APP_ROLE|APP_ROLE[\s\S]*PORT/,
    );
    try {
      validateEnv({ PORT: 'abc', APP_ROLE: 'cron', JWT_ACCESS_SECRET: 'short' });
    } catch (error) {
      const message = (error as Error).message;
      for (const key of ['PORT', 'APP_ROLE', 'JWT_ACCESS_SECRET']) expect(message).toContain(key);
    }
  });

  it('should refuse the development JWT secret and encryption key in production', () => {
    const productionKeys = `prod1:${Buffer.alloc(32, 7).toString('base64')}`;
    expect(() => validateEnv({ NODE_ENV: 'production' })).toThrow(/JWT_ACCESS_SECRET: must be set explicitly/);
    expect(() => validateEnv({ NODE_ENV: 'production' })).toThrow(/SECRETS_ENCRYPTION_KEYS: must be set explicitly/);
    expect(() => validateEnv({ NODE_ENV: 'production', SECRETS_ENCRYPTION_KEYS: productionKeys })).toThrow(/JWT_ACCESS_SECRET/);
    expect(validateEnv({ NODE_ENV: 'production', JWT_ACCESS_SECRET: 'p'.repeat(40), SECRETS_ENCRYPTION_KEYS: productionKeys }).NODE_ENV).toBe('production');
  });

  it('should refuse a malformed encryption key ring', () => {
    expect(() => validateEnv({ SECRETS_ENCRYPTION_KEYS: 'nocolon' })).toThrow(/SECRETS_ENCRYPTION_KEYS/);
    expect(() => validateEnv({ SECRETS_ENCRYPTION_KEYS: 'k1:c2hvcnQ=' })).toThrow(/SECRETS_ENCRYPTION_KEYS/);
  });

  it('should require a Gemini key only when the gemini provider is chosen', () => {
    expect(() => validateEnv({ AI_PROVIDER: 'gemini' })).toThrow(/GEMINI_API_KEY/);
    expect(validateEnv({ AI_PROVIDER: 'offline' }).GEMINI_API_KEY).toBeUndefined();
  });
});
