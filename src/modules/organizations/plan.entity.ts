import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum PlanCode {
  Free = 'free',
  Starter = 'starter',
  Professional = 'professional',
  Enterprise = 'enterprise',
}

/** Limits are null when unlimited. Rows are seeded by migration; plans change by migration too. */
@Entity({ name: 'plans' })
export class PlanEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 }) code!: PlanCode;
  @Column({ type: 'varchar', length: 64 }) name!: string;
  @Column({ type: 'int', nullable: true }) maxUsers!: number | null;
  @Column({ type: 'int', nullable: true }) maxWhatsappNumbers!: number | null;
  @Column({ type: 'int', nullable: true }) monthlyInboundMessages!: number | null;
  @Column({ type: 'bigint', nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  monthlyAiTokens!: number | null;
  @Column({ type: 'int' }) sortOrder!: number;
}
