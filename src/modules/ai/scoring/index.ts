export { hasBookingIntent } from './booking-intent';
export { mergeLeadFacts, NO_LEAD_FACTS } from './lead-facts';
export { bandFor, LEAD_BAND_THRESHOLDS, scoreLead } from './lead-score';
export * from './lead-score.types';
