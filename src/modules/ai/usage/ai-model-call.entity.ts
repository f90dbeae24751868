import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ConversationEntity } from 'src/modules/conversations/conversation.entity';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { ProviderErrorKind } from 'src/modules/ai/keys/classify-provider-error';

export enum ModelCallFeature {
  Reply = 'reply',
  Analysis = 'analysis',
  Embedding = 'embedding',
  Summary = 'summary',
  Transcription = 'transcription',
}

export enum ModelCallOutcome {
  Ok = 'ok',
  Error = 'error',
  Timeout = 'timeout',
  InvalidOutput = 'invalid_output',
  CacheHit = 'cache_hit',
}

/** Provider of answers that needed no model (rules engine); recorded so rates have a full denominator. */
export const OFFLINE_PROVIDER = 'offline';

const numericAsNumber = {
  to: (value: number | undefined): number | undefined => value,
  from: (value: string | null): number => Number(value ?? 0),
};

/** One model call (or an answer that avoided one): the ledger behind cost, limits and the stats endpoint. */
@Entity({ name: 'ai_model_calls' })
@Index('IDX_ai_model_calls_org_created', ['organizationId', 'createdAt']) // stats and the monthly budget
@Index('IDX_ai_model_calls_org_conversation_created', ['organizationId', 'conversationId', 'createdAt']) // daily cap
@Check('CHK_ai_model_calls_feature', `"feature" IN ('reply', 'analysis', 'embedding', 'summary', 'transcription')`)
@Check('CHK_ai_model_calls_outcome', `"outcome" IN ('ok', 'error', 'timeout', 'invalid_output', 'cache_hit')`)
export class AiModelCallEntity extends TenantOwnedEntity {
  @Column({ type: 'uuid', nullable: true }) conversationId!: string | null;

  // The ledger outlives a conversation: its cost still counts towards the month.
  @ManyToOne(() => ConversationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  @Column({ type: 'varchar', length: 16 }) feature!: ModelCallFeature;
  @Column({ type: 'varchar', length: 32 }) provider!: string;
  @Column({ type: 'varchar', length: 64 }) model!: string;
  @Column({ type: 'varchar', length: 32, nullable: true }) promptVersion!: string | null;
  @Column({ type: 'int', default: 0 }) inputTokens!: number;
  @Column({ type: 'int', default: 0 }) outputTokens!: number;
  @Column({ type: 'numeric', precision: 14, scale: 8, default: 0, transformer: numericAsNumber }) costUsd!: number;
  @Column({ type: 'int', default: 0 }) latencyMs!: number;
  @Column({ type: 'varchar', length: 16 }) outcome!: ModelCallOutcome;
  @Column({ type: 'varchar', length: 16, nullable: true }) errorKind!: ProviderErrorKind | null;
}
