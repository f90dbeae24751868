import { Check, Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';

export type BenchKind = 'auth' | 'quota';

/** A Gemini API key an organization brought; the value is sealed with `SecretCipher` and never leaves the server. */
@Entity({ name: 'ai_api_keys' })
@Index('UQ_ai_api_keys_org_fingerprint', ['organizationId', 'fingerprint'], { unique: true })
@Index('IDX_ai_api_keys_org_created', ['organizationId', 'createdAt'])
@Check('CHK_ai_api_keys_last_failure_kind', `"last_failure_kind" IN ('auth', 'quota')`)
export class AiApiKeyEntity extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 60, nullable: true }) label!: string | null;
  @Column({ type: 'text' }) apiKeyEncrypted!: string;
  /** SHA-256 of the key, so the same key cannot be added twice without decrypting every row. */
  @Column({ type: 'varchar', length: 64 }) fingerprint!: string;
  @Column({ type: 'varchar', length: 4 }) last4!: string;
  @Column({ type: 'timestamptz', nullable: true }) lastUsedAt!: Date | null;
  /** Mirrors the Redis bench for the dashboard; Redis is what `acquire` reads. */
  @Column({ type: 'timestamptz', nullable: true }) benchedUntil!: Date | null;
  /** Auth and quota failures since the key last worked. */
  @Column({ type: 'int', default: 0 }) failureCount!: number;
  @Column({ type: 'varchar', length: 8, nullable: true }) lastFailureKind!: BenchKind | null;
  @Column({ type: 'timestamptz', nullable: true }) lastFailureAt!: Date | null;
}
