import { CsvError, parse } from 'csv-parse/sync';
import { assertImportSize, assertItemCount, invalidImport, normalizeName, ParsedItem, resolveCategory } from './import-source';

type Field = 'title' | 'content' | 'category' | 'tags' | 'active';

const FIELD_ALIASES: Record<Field, readonly string[]> = {
  title: ['title', 'titulo', 'pergunta', 'question', 'assunto'],
  content: ['content', 'conteudo', 'resposta', 'answer', 'texto', 'text'],
  category: ['category', 'categoria'],
  tags: ['tags', 'tag', 'etiquetas', 'palavras chave'],
  active: ['active', 'ativo', 'ativa'],
};
const FIELD_BY_ALIAS = new Map(Object.entries(FIELD_ALIASES).flatMap(([field, aliases]) => aliases.map((alias) => [alias, field as Field])));
const REQUIRED: readonly Field[] = ['title', 'content', 'category'];
const TRUE_WORDS = new Set(['true', 'sim', 'yes', '1', 's', 'y']);
const FALSE_WORDS = new Set(['false', 'nao', 'no', '0', 'n']);

/** `;` when the header has more of them than commas (Brazilian Excel), else `,`. */
function delimiterOf(csv: string): string {
  const header = csv.split('\n').find((line) => line.trim().length > 0) ?? '';
  const count = (char: string): number => header.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function mapHeader(header: string[]): (Field | null)[] {
  const columns = header.map((cell) => FIELD_BY_ALIAS.get(normalizeName(cell)) ?? null);
  const missing = REQUIRED.filter((field) => !columns.includes(field));
  if (missing.length > 0) throw invalidImport(`The CSV header must have the columns ${missing.join(', ')}`, { missing });
  const repeated = columns.filter((field, index) => field !== null && columns.indexOf(field) !== index);
  if (repeated.length > 0) throw invalidImport(`The CSV header names ${repeated[0]} twice`, { repeated });
  return columns;
}

function activeValue(cell: string): boolean | string {
  const word = normalizeName(cell);
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return cell;
}

function toItem(columns: (Field | null)[], cells: string[], line: number): ParsedItem {
  const input: Record<string, unknown> = {};
  const errors: string[] = [];
  columns.forEach((field, index) => {
    const cell = (cells[index] ?? '').trim();
    if (field === null || cell.length === 0) return;
    if (field === 'tags') input.tags = cell.split(/[;,|]/).map((tag) => tag.trim()).filter((tag) => tag.length > 0);
    else if (field === 'active') input.active = activeValue(cell);
    else if (field === 'category') input.category = resolveCategory(cell);
    else input[field] = cell;
  });
  if (typeof input.active === 'string') errors.push('active must be sim/não, true/false or 1/0');
  if (cells.slice(columns.length).some((cell) => cell.trim().length > 0)) errors.push(`row has ${cells.length} cells but the header has ${columns.length}`);
  return { ref: { line }, input, errors };
}

/** Reads a CSV with a header (title, content, category; optional tags, active; Portuguese names too) into items keyed by line. */
export function parseCsvItems(csv: string): ParsedItem[] {
  assertImportSize(csv);
  const text = csv.replace(/\r\n?/g, '\n');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter: delimiterOf(text), bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) throw invalidImport(`The CSV could not be read: ${error.message}`, { reason: error.code });
    throw error;
  }
  if (records.length === 0) throw invalidImport('The CSV is empty');
  const columns = mapHeader(records[0].record);
  const rows = records
    .slice(1)
    .filter(({ record }) => record.some((cell) => cell.trim().length > 0))
    // info.lines is where a record ends; quoted cells may span lines.
    .map(({ record, info }) => toItem(columns, record, info.lines - record.join('').split('\n').length + 1));
  assertItemCount(rows.length);
  return rows;
}
