import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { BusinessHours } from '../business-hours/business-hours.types';

/** A service the clinic offers, as patients ask about it. */
export interface ClinicService {
  name: string;
  description: string | null;
  /** In BRL cents; null = price on request. */
  priceCents: number | null;
  durationMinutes: number | null;
}

/**
 * What the front desk tells patients about the clinic: one row per organization. The time zone is the
 * organization's own. The row also carries the knowledge version, bumped on every profile or knowledge change,
 * so it may exist (empty) before an admin ever saves the profile.
 */
@Entity({ name: 'clinic_profiles' })
@Index('UQ_clinic_profiles_org', ['organizationId'], { unique: true })
export class ClinicProfileEntity extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 120, nullable: true }) name!: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) address!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) phone!: string | null;
  @Column({ type: 'varchar', length: 254, nullable: true }) email!: string | null;
  /** `BusinessHours` without the time zone; missing lists mean none. */
  @Column({ type: 'jsonb', default: () => `'{}'` }) businessHours!: Partial<Omit<BusinessHours, 'timezone'>>;
  @Column({ type: 'jsonb', default: () => `'[]'` }) acceptedInsurances!: string[];
  @Column({ type: 'jsonb', default: () => `'[]'` }) services!: ClinicService[];
  @Column({ type: 'int', default: 0 }) knowledgeVersion!: number;
}
