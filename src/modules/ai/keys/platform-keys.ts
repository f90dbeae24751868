import { createHash } from 'node:crypto';

export interface PlatformKey {
  /** Stable across processes and restarts without revealing the key: bench state is shared by id. */
  id: string;
  apiKey: string;
}

export function fingerprintOf(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex');
}

/** GEMINI_API_KEY plus GEMINI_API_KEYS (comma-separated), trimmed and without duplicates, in that order. */
export function parsePlatformKeys(single: string | undefined, list: string | undefined): PlatformKey[] {
  const values = [single ?? '', ...(list ?? '').split(',')].map((value) => value.trim()).filter((value) => value.length > 0);
  return [...new Set(values)].map((apiKey) => ({ id: `platform-${fingerprintOf(apiKey).slice(0, 16)}`, apiKey }));
}
