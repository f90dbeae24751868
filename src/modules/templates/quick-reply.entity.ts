import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';

/** A canned answer suggested to staff by context (e.g. agendamento) and keywords of the conversation at hand. */
@Entity({ name: 'quick_replies' })
// Unique per clinic ignoring case: an expression index, created by hand in the migration.
@Index('UQ_quick_replies_org_lower_trigger', { synchronize: false })
export class QuickReplyEntity extends TenantOwnedEntity {
  /** Short label staff type or pick, e.g. "horarios". */
  @Column({ type: 'varchar', length: 60 }) trigger!: string;
  @Column({ type: 'text' }) response!: string;
  /** Situations the reply fits, e.g. agendamento, financeiro. */
  @Column({ type: 'text', array: true }) contexts!: string[];
  /** Words of a patient's message that make the reply relevant, e.g. horário, sábado. */
  @Column({ type: 'text', array: true }) keywords!: string[];
}
