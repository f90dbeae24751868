import { Check, Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { EngineKind, Persona } from 'src/modules/ai/engine/engine.types';

/** Postgres returns bigint as a string; budgets stay far below 2^53. */
const bigintAsNumber = {
  to: (value: number | null | undefined): number | null | undefined => value,
  from: (value: string | null): number | null => (value === null ? null : Number(value)),
};

/** One row per organization, created with defaults the first time the AI reads it. */
@Entity({ name: 'ai_settings' })
@Index('UQ_ai_settings_org', ['organizationId'], { unique: true })
@Check('CHK_ai_settings_engine', `"engine" IN ('offline', 'gemini')`)
@Check('CHK_ai_settings_tone', `"tone" IN ('friendly', 'formal')`)
@Check('CHK_ai_settings_debounce', `"debounce_ms" >= 0 AND "max_debounce_ms" >= "debounce_ms"`)
export class AiSettingsEntity extends TenantOwnedEntity {
  /** Off: the bot neither analyses nor answers; people handle every conversation. */
  @Column({ type: 'boolean', default: true }) enabled!: boolean;
  @Column({ type: 'varchar', length: 16 }) engine!: EngineKind;
  @Column({ type: 'varchar', length: 64 }) model!: string;
  @Column({ type: 'varchar', length: 40 }) botName!: string;
  @Column({ type: 'varchar', length: 16 }) tone!: Persona['tone'];
  @Column({ type: 'varchar', length: 500, nullable: true }) greeting!: string | null;
  @Column({ type: 'jsonb', default: () => `'[]'` }) disclaimers!: string[];
  @Column({ type: 'int' }) debounceMs!: number;
  @Column({ type: 'int' }) maxDebounceMs!: number;
  @Column({ type: 'int' }) humanIdleHandbackMinutes!: number;
  @Column({ type: 'int' }) maxModelCallsPerConversationPerDay!: number;
  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber }) monthlyTokenBudget!: number | null;
  @Column({ type: 'int' }) historyWindow!: number;
}
