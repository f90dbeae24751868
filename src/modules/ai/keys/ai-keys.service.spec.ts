import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Repository } from 'typeorm';
import { SecretCipher } from 'src/common/crypto/secret-cipher';
import { AuditService } from 'src/modules/audit/audit.service';
import { AiApiKeyEntity } from './ai-api-key.entity';
import { KeyStateStore } from './ai-key-state.store';
import { AiKeysService } from './ai-keys.service';

const oldMaster = { id: 'old', key: randomBytes(32) };
const newMaster = { id: 'new', key: randomBytes(32) };

describe(AiKeysService.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  describe('rotateSecrets', () => {
    it('should re-seal, batch by batch, only the values sealed with an older master key', async () => {
      const before = new SecretCipher({ keys: [oldMaster] });
      const cipher = new SecretCipher({ keys: [newMaster, oldMaster] });
      const lost = new SecretCipher({ keys: [{ id: 'gone', key: randomBytes(32) }] });
      const rows = [
        { id: '00000000-0000-4000-8000-000000000001', apiKeyEncrypted: before.encrypt('key-one') },
        { id: '00000000-0000-4000-8000-000000000002', apiKeyEncrypted: cipher.encrypt('key-two') },
        { id: '00000000-0000-4000-8000-000000000003', apiKeyEncrypted: lost.encrypt('key-three') },
        { id: '00000000-0000-4000-8000-000000000004', apiKeyEncrypted: before.encrypt('key-four') },
      ];
      const batches = [rows.slice(0, 2), rows.slice(2), []];
      const queryBuilder = {
        select: jest.fn().mockReturnThis(),
        where: jest.fn().mockReturnThis(),
        orderBy: jest.fn().mockReturnThis(),
        limit: jest.fn().mockReturnThis(),
        getMany: jest.fn(async () => batches.shift()),
      };
      const keys = { createQueryBuilder: jest.fn(() => queryBuilder), update: jest.fn().mockResolvedValue({ affected: 1 }) };
      const sut = new AiKeysService(keys as unknown as Repository<AiApiKeyEntity>, cipher, {} as KeyStateStore, {} as AuditService);

      await expect(sut.rotateSecrets()).resolves.toBe(2);

      expect(queryBuilder.where).toHaveBeenLastCalledWith('key.id > :lastId', { lastId: rows[3].id });
      expect(keys.update).toHaveBeenCalledTimes(2);
      for (const [index, row] of [[0, rows[0]], [1, rows[3]]] as const) {
        const [where, change] = keys.update.mock.calls[index] as [Partial<AiApiKeyEntity>, Partial<AiApiKeyEntity>];
        expect(where).toEqual({ id: row.id, apiKeyEncrypted: row.apiKeyEncrypted });
        expect(cipher.needsRotation(change.apiKeyEncrypted as string)).toBe(false);
      }
      expect(cipher.decrypt((keys.update.mock.calls[1] as [unknown, { apiKeyEncrypted: string }])[1].apiKeyEncrypted)).toBe('key-four');
    });
  });
});
