import { CATEGORY_ALIASES, KNOWLEDGE_IMPORT_MAX_BYTES, KNOWLEDGE_IMPORT_MAX_ITEMS, KnowledgeCategory } from '../../knowledge.constants';
import { KnowledgeErrorCode, KnowledgeException } from '../../knowledge.exceptions';

/** Where an item came from, for the error report: its index in a JSON array, or the line of a CSV/Markdown file. */
export type ItemRef = { item: number } | { line: number };

/** One item as read from the file, before validation; `errors` already rejects it (structure problems). */
export interface ParsedItem {
  ref: ItemRef;
  input: Record<string, unknown>;
  errors: string[];
}

/** Lower case, no accents, single spaces: `  Preços ` → `precos`. */
export function normalizeName(name: string): string {
  return name.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}

const CATEGORY_BY_NAME = new Map(
  Object.entries(CATEGORY_ALIASES).flatMap(([category, aliases]) => aliases.map((alias) => [alias, category as KnowledgeCategory])),
);

/** A category from its value or an alias (`Preços`, `convênios`, `FAQ`), or null. */
export function categoryFromName(name: string): KnowledgeCategory | null {
  return CATEGORY_BY_NAME.get(normalizeName(name)) ?? null;
}

/** The import's category input: a known name becomes its value; anything else is left for validation to refuse. */
export function resolveCategory(value: unknown): unknown {
  return typeof value === 'string' ? (categoryFromName(value) ?? value) : value;
}

export function invalidImport(message: string, details?: Record<string, unknown>): KnowledgeException {
  return new KnowledgeException(KnowledgeErrorCode.ImportInvalid, message, details);
}

export function assertImportSize(text: string): void {
  if (Buffer.byteLength(text) > KNOWLEDGE_IMPORT_MAX_BYTES) {
    throw new KnowledgeException(KnowledgeErrorCode.ImportTooLarge, `The import is larger than ${KNOWLEDGE_IMPORT_MAX_BYTES / 1024} KB`, {
      max_bytes: KNOWLEDGE_IMPORT_MAX_BYTES,
    });
  }
}

export function assertItemCount(count: number): void {
  if (count > KNOWLEDGE_IMPORT_MAX_ITEMS) {
    throw new KnowledgeException(KnowledgeErrorCode.ImportTooLarge, `The import has more than ${KNOWLEDGE_IMPORT_MAX_ITEMS} items`, {
      max_items: KNOWLEDGE_IMPORT_MAX_ITEMS,
      items: count,
    });
  }
}

/** JSON items: an array of objects shaped like `POST /knowledge`, given as an array or as the text of one. */
export function parseJsonItems(source: unknown): ParsedItem[] {
  let items = source;
  if (typeof source === 'string') {
    assertImportSize(source);
    try {
      items = JSON.parse(source) as unknown;
    } catch (error) {
      throw invalidImport(`The JSON could not be read: ${(error as Error).message}`);
    }
  }
  if (!Array.isArray(items)) throw invalidImport('The JSON must be an array of items');
  assertItemCount(items.length);
  return items.map((raw: unknown, index) =>
    typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? { ref: { item: index }, input: { ...(raw as Record<string, unknown>), category: resolveCategory((raw as Record<string, unknown>).category) }, errors: [] }
      : { ref: { item: index }, input: {}, errors: ['item must be an object with title, content and category'] },
  );
}
