import { Repository } from 'typeorm';
import { SecretCipher } from 'src/common/crypto/secret-cipher';
import { AiApiKeyEntity } from './ai-api-key.entity';

/**
 * Seals a key again with the newest master key. Conditional on the old sealed value, so two processes
 * re-sealing at once (lazy use and a rotation sweep) never overwrite each other. True when this call wrote.
 */
export async function resealKey(
  keys: Repository<AiApiKeyEntity>,
  cipher: SecretCipher,
  row: Pick<AiApiKeyEntity, 'id' | 'apiKeyEncrypted'>,
  apiKey: string = cipher.decrypt(row.apiKeyEncrypted),
): Promise<boolean> {
  const result = await keys.update({ id: row.id, apiKeyEncrypted: row.apiKeyEncrypted }, { apiKeyEncrypted: cipher.encrypt(apiKey) });
  return (result.affected ?? 0) > 0;
}
