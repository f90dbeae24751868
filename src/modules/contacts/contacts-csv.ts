import { CsvError, parse } from 'csv-parse/sync';
import { FieldError } from 'src/common/validation/validation';
import { ContactErrorCode, ContactException } from './contacts.exceptions';
import { CUSTOM_ATTRIBUTE_KEY_MAX_LENGTH, CUSTOM_ATTRIBUTES_MAX_KEYS } from './dto/contact-validators';

export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;

export type ImportedField = 'name' | 'phone' | 'email' | 'birth_date' | 'notes';

/** Header names (after `headerKey`) that mean each field; Brazilian spreadsheets usually come in Portuguese. */
const FIELD_ALIASES: Record<ImportedField, readonly string[]> = {
  name: ['name', 'nome', 'nome_completo', 'full_name', 'paciente'],
  phone: ['phone', 'telefone', 'celular', 'whatsapp', 'fone', 'tel', 'mobile', 'phone_number', 'numero'],
  email: ['email', 'e_mail', 'mail'],
  birth_date: ['birth_date', 'birthdate', 'date_of_birth', 'nascimento', 'data_nascimento', 'data_de_nascimento', 'dt_nascimento'],
  notes: ['notes', 'note', 'observacoes', 'observacao', 'obs', 'notas'],
};
const FIELD_BY_ALIAS = new Map(Object.entries(FIELD_ALIASES).flatMap(([field, aliases]) => aliases.map((alias) => [alias, field as ImportedField])));
const REQUIRED_FIELDS: readonly ImportedField[] = ['name', 'phone'];
const DELIMITERS = [';', ',', '\t'] as const;

type Column = { field: ImportedField } | { attribute: string } | null;

export interface ContactRowInput {
  name?: string;
  phone?: string;
  email?: string;
  birth_date?: string;
  notes?: string;
  custom_attributes: Record<string, string>;
}

/** One data row: its input for validation, or the structural errors that already reject it. */
export interface CsvContactRow {
  line: number;
  input: ContactRowInput;
  errors: FieldError[];
}

/** `Data de Nascimento` → `data_de_nascimento`, `E-mail` → `e_mail`, `Observações` → `observacoes`. */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * The delimiter the header row uses most, outside quotes. Brazilian Excel writes `;` (the comma is the decimal
 * separator there), most other tools `,`; a delimiter list in csv-parse would split `;` inside unquoted notes.
 */
export function detectDelimiter(csv: string): string {
  const headerLine = csv.split('\n').find((line) => line.trim().length > 0) ?? '';
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  const [best, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return count > 0 ? best : ',';
}

function invalidCsv(message: string, details?: Record<string, unknown>): ContactException {
  return new ContactException(ContactErrorCode.ImportInvalidCsv, message, details);
}

/** Maps each header cell to a field, a custom attribute or nothing (an unnamed column, e.g. a trailing `;`). */
export function mapColumns(header: string[]): Column[] {
  const seen = new Map<string, string>();
  const columns = header.map((raw): Column => {
    const name = raw.trim();
    if (name.length === 0) return null;
    const key = headerKey(name);
    const field = FIELD_BY_ALIAS.get(key);
    const identity = field ?? `attribute:${name.toLowerCase()}`;
    const earlier = seen.get(identity);
    if (earlier !== undefined) throw invalidCsv(`Columns "${earlier}" and "${name}" hold the same data`, { columns: [earlier, name] });
    seen.set(identity, name);
    if (field) return { field };
    if (name.length > CUSTOM_ATTRIBUTE_KEY_MAX_LENGTH) {
      throw invalidCsv(`Column names must be at most ${CUSTOM_ATTRIBUTE_KEY_MAX_LENGTH} characters`, { column: name.slice(0, 80) });
    }
    return { attribute: name };
  });
  const missing = REQUIRED_FIELDS.filter((field) => !columns.some((column) => column !== null && 'field' in column && column.field === field));
  if (missing.length > 0) throw invalidCsv(`The header must have the columns ${missing.join(' and ')}`, { missing });
  const attributes = columns.filter((column) => column !== null && 'attribute' in column).length;
  if (attributes > CUSTOM_ATTRIBUTES_MAX_KEYS) throw invalidCsv(`At most ${CUSTOM_ATTRIBUTES_MAX_KEYS} extra columns are allowed`, { extra_columns: attributes });
  return columns;
}

/** Spreadsheets write dates as DD/MM/YYYY in Brazil; anything else is left for validation to judge. */
export function toIsoDate(value: string): string {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  return match ? `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}` : value;
}

function toRow(columns: Column[], cells: string[], line: number): CsvContactRow {
  const input: ContactRowInput = { custom_attributes: {} };
  const extra = cells.slice(columns.length).filter((cell) => cell.length > 0);
  const errors = extra.length > 0 ? [{ field: 'row', errors: [`row has ${cells.length} cells but the header has ${columns.length}`] }] : [];
  columns.forEach((column, index) => {
    const value = cells[index] ?? '';
    if (column === null || value.length === 0) return;
    if ('attribute' in column) input.custom_attributes[column.attribute] = value;
    else input[column.field] = column.field === 'birth_date' ? toIsoDate(value) : value;
  });
  return { line, input, errors };
}

function parseRecords(csv: string): { record: string[]; info: { lines: number } }[] {
  try {
    return parse(csv, {
      delimiter: detectDelimiter(csv),
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) throw invalidCsv(`The CSV could not be read: ${error.message}`, { reason: error.code });
    throw error;
  }
}

/**
 * Reads an import file into rows keyed by the line they start on (header = line 1). Throws 413 past 2 MB or
 * 5,000 rows, 400 when the file or its header cannot be used at all; row problems are left to the caller.
 */
export function parseContactsCsv(csv: string): CsvContactRow[] {
  if (Buffer.byteLength(csv) > IMPORT_MAX_BYTES) {
    throw new ContactException(ContactErrorCode.ImportTooLarge, 'The CSV is larger than 2 MB', { max_bytes: IMPORT_MAX_BYTES });
  }
  // One line ending everywhere, so line numbers match what a spreadsheet shows.
  const records = parseRecords(csv.replace(/\r\n?/g, '\n'));
  if (records.length === 0) throw invalidCsv('The CSV is empty');
  const columns = mapColumns(records[0].record);
  const rows = records
    .slice(1)
    .filter(({ record }) => record.some((cell) => cell.length > 0))
    // info.lines is where the record ends; quoted cells may span lines.
    .map(({ record, info }) => toRow(columns, record, info.lines - record.join('').split('\n').length + 1));
  if (rows.length > IMPORT_MAX_ROWS) {
    throw new ContactException(ContactErrorCode.ImportTooLarge, `The CSV has more than ${IMPORT_MAX_ROWS} rows`, { max_rows: IMPORT_MAX_ROWS, rows: rows.length });
  }
  return rows;
}
