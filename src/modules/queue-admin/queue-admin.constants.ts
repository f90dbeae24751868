/** Where Bull Board is served: outside the /api/v1 prefix, so the browser can navigate to it directly. */
export const BOARD_ROUTE = '/admin/queues';
/** HttpOnly cookie carrying the access JWT for the board (a browser navigation cannot send a bearer header). */
export const BOARD_COOKIE = 'robbot_board_token';

// Bull Board's UI loads only its own bundles plus Google Fonts; its inline <style> and style attributes need
// 'unsafe-inline' for styles (scripts stay 'self' only: its config block is JSON, which is never executed).
export const BOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline' https://fonts.googleapis.com; " +
  "font-src 'self' https://fonts.gstatic.com; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'";

export const MONITOR_QUEUES_EVERY_MS = 60_000;
/** A backlog this many times the threshold is critical rather than a warning. */
export const CRITICAL_BACKLOG_FACTOR = 10;

export const MAX_RETRY_JOB_IDS = 1_000;
export const MAX_JOB_ID_LENGTH = 200;
/** Ids looked up in parallel when retrying by id, so a 1,000-id request never opens 7,000 commands at once. */
export const RETRY_LOOKUP_BATCH = 50;
/** Failed jobs removed per `clean` call, so one DELETE never holds a huge id list in memory. */
export const CLEAN_BATCH = 1_000;
