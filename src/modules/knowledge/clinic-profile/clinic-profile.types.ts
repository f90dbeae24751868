import { BusinessHours } from '../business-hours/business-hours.types';
import { ClinicService } from './clinic-profile.entity';

export type { ClinicService } from './clinic-profile.entity';

/** Everything the front desk knows about the clinic itself, for other modules (the AI prompt, the dashboard). */
export interface ClinicProfile {
  organizationId: string;
  /** The profile's name, else the organization's. */
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  /** The organization's IANA time zone (also in `businessHours.timezone`). */
  timezone: string;
  /** The organization's BCP 47 locale, e.g. `pt-BR`. */
  locale: string;
  businessHours: BusinessHours;
  acceptedInsurances: string[];
  services: ClinicService[];
  knowledgeVersion: number;
  /** Null until an admin first saves the profile. */
  updatedAt: Date | null;
}
