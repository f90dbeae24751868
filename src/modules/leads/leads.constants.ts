/** Where a lead came from. A varchar + CHECK: new channels will be added. */
export enum LeadSource {
  Whatsapp = 'WHATSAPP',
  Website = 'WEBSITE',
  Instagram = 'INSTAGRAM',
  Referral = 'REFERRAL',
  Other = 'OTHER',
}

/** How far along the way to an appointment the patient is. */
export enum LeadStatus {
  New = 'NEW',
  Engaged = 'ENGAGED',
  Interested = 'INTERESTED',
  Ready = 'READY',
  Scheduled = 'SCHEDULED',
  Converted = 'CONVERTED',
  Lost = 'LOST',
}

/** A lead in one of these is finished; the conversation may open a new one. */
export const CLOSED_LEAD_STATUSES: readonly LeadStatus[] = [LeadStatus.Converted, LeadStatus.Lost];

// Literal unions rather than enums, so the AI module's `LeadScore` is assignable without leads importing it.
export const LEAD_SCORE_BANDS = ['cold', 'warm', 'hot'] as const;
export type LeadScoreBand = (typeof LEAD_SCORE_BANDS)[number];

export const LEAD_SCORE_FACTORS = ['intent', 'completeness', 'engagement', 'recency', 'objections'] as const;
export type LeadScoreFactor = (typeof LEAD_SCORE_FACTORS)[number];

export const MIN_LEAD_SCORE = 0;
export const MAX_LEAD_SCORE = 100;

export interface LeadScoreReason {
  factor: LeadScoreFactor;
  /** Signed contribution to the score. */
  points: number;
  detail: string;
}

/** What the scoring function returns; structurally the AI module's `LeadScore`. */
export interface LeadScoreInput {
  /** Integer, 0..100. */
  score: number;
  band: LeadScoreBand;
  reasons: LeadScoreReason[];
}

/** What the AI extracted about the patient's request; absent or null means "not said". */
export interface LeadFacts {
  patientName?: string | null;
  procedure?: string | null;
  preferredTime?: string | null;
  intent?: string | null;
}

/** Column limits of the fact columns; longer extractions are cut rather than rejected. */
export const LEAD_FACT_MAX_LENGTH = {
  patientName: 120,
  procedure: 200,
  preferredTime: 120,
  intent: 40,
} as const satisfies Record<keyof LeadFacts, number>;

/** How staff reached the patient; SYSTEM entries record changes to the lead and are never posted by hand. */
export enum LeadInteractionType {
  Note = 'NOTE',
  Call = 'CALL',
  Email = 'EMAIL',
  Whatsapp = 'WHATSAPP',
  System = 'SYSTEM',
}

export const USER_INTERACTION_TYPES = [LeadInteractionType.Note, LeadInteractionType.Call, LeadInteractionType.Email, LeadInteractionType.Whatsapp] as const;
export type UserInteractionType = (typeof USER_INTERACTION_TYPES)[number];

/** The lead fields whose edits the history and the LeadUpdated event name. */
export enum LeadField {
  Status = 'status',
  LostReason = 'lost_reason',
  Notes = 'notes',
  AssignedToId = 'assigned_to_id',
  AppointmentAt = 'appointment_at',
  Deleted = 'deleted',
  MergedFrom = 'merged_from',
}
