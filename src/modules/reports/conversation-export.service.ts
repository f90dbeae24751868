import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AuthUser } from 'src/common/auth/auth-user';
import { csvRow } from './csv';
import { ConversationExportRepository, ExportFilters, ExportRow } from './conversation-export.repository';

/** Rows per query: large enough to amortise the round trip, small enough to keep memory flat. */
export const EXPORT_BATCH_SIZE = 1000;

export const EXPORT_COLUMNS = [
  'phone',
  'contact_name',
  'created_at',
  'status',
  'assigned_user_name',
  'assigned_user_email',
  'lead_status',
  'maturity_score',
] as const;

// Excel opens a BOM-less UTF-8 CSV as Windows-1252 and mangles "João" and "Clínica".
const UTF8_BOM = '\uFEFF';

export interface ConversationExport {
  filename: string;
  stream: Readable;
}

@Injectable()
export class ConversationExportService {
  constructor(private readonly repository: ConversationExportRepository) {}

  /**
   * The export as a pull stream: the next batch is read only when the client has taken the previous one, so
   * memory stays flat whatever the size. The first batch is read before answering, so a failing query is an
   * error response rather than a truncated download.
   */
  async exportCsv(actor: AuthUser, filters: ExportFilters, now = new Date()): Promise<ConversationExport> {
    const first = await this.repository.batch(actor, filters, null, EXPORT_BATCH_SIZE);
    return {
      filename: `conversas-${now.toISOString().slice(0, 10)}.csv`,
      stream: Readable.from(this.lines(actor, filters, first), { objectMode: false }),
    };
  }

  private async *lines(actor: AuthUser, filters: ExportFilters, first: ExportRow[]): AsyncGenerator<string> {
    yield UTF8_BOM + csvRow(EXPORT_COLUMNS);
    let batch = first;
    for (;;) {
      if (batch.length > 0) yield batch.map(toCsvLine).join('');
      if (batch.length < EXPORT_BATCH_SIZE) return;
      const last = batch[batch.length - 1];
      batch = await this.repository.batch(actor, filters, { createdAt: last.cursor_at, id: last.id }, EXPORT_BATCH_SIZE);
    }
  }
}

function toCsvLine(row: ExportRow): string {
  return csvRow([
    row.phone,
    row.contact_name,
    row.created_at.toISOString(),
    row.status,
    row.assigned_user_name,
    row.assigned_user_email,
    row.lead_status,
    row.lead_score,
  ]);
}
