import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { scopeVisible } from 'src/common/tenancy/visible-to';
import { ExportConversationsQueryDto } from './dto/export-conversations-query.dto';

type Actor = Pick<AuthUser, 'organizationId' | 'userId' | 'role'>;
export type ExportFilters = Pick<ExportConversationsQueryDto, 'start_date' | 'end_date' | 'status'>;

/** Where the previous batch stopped: created_at as text (microseconds; a JS Date would drop them) and id. */
export interface ExportCursor {
  createdAt: string;
  id: string;
}

export interface ExportRow {
  cursor_at: string;
  id: string;
  created_at: Date;
  status: string;
  phone: string | null;
  contact_name: string | null;
  assigned_user_name: string | null;
  assigned_user_email: string | null;
  lead_status: string | null;
  lead_score: number | null;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Read-only SQL across conversations, contacts, users and leads (layers 3–5), which is why it lives in a
 * layer-6 module rather than in any of them.
 */
@Injectable()
export class ConversationExportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Up to `size` conversations after `cursor`, oldest first; walks IDX_conversations_org_created. */
  async batch(actor: Actor, filters: ExportFilters, cursor: ExportCursor | null, size: number): Promise<ExportRow[]> {
    const qb = this.dataSource.createQueryBuilder().from('conversations', 'c');
    scopeVisible(qb, 'c', actor);
    if (filters.status?.length) qb.andWhere('c.status IN (:...statuses)', { statuses: filters.status });
    // A bare date is a day of the clinic's calendar (its time zone); a date-time with an offset is an instant.
    const clinicMidnight = (date: string): string =>
      `(CAST(${date} AS date)::timestamp AT TIME ZONE (SELECT o.timezone FROM organizations o WHERE o.id = :clinicId))`;
    if (filters.start_date) {
      const start = DATE_ONLY.test(filters.start_date) ? clinicMidnight(':start') : 'CAST(:start AS timestamptz)';
      qb.andWhere(`c.created_at >= ${start}`, { start: filters.start_date, clinicId: actor.organizationId });
    }
    if (filters.end_date) {
      // A bare date means "through that day"; a date-time is matched at millisecond precision like the list.
      const end = DATE_ONLY.test(filters.end_date) ? clinicMidnight("CAST(:end AS date) + 1") : "CAST(:end AS timestamptz) + interval '1 millisecond'";
      qb.andWhere(`c.created_at < ${end}`, { end: filters.end_date, clinicId: actor.organizationId });
    }
    if (cursor) {
      qb.andWhere('(c.created_at, c.id) > (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))', { afterAt: cursor.createdAt, afterId: cursor.id });
    }
    const [pageSql, parameters] = qb
      .select(['c.id AS id', 'c.organization_id AS organization_id', 'c.contact_id AS contact_id', 'c.assigned_to_id AS assigned_to_id'])
      .addSelect(['c.created_at AS created_at', 'c.status AS status'])
      .addSelect(`to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursor_at')
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(size)
      .getQueryAndParameters();
    return (await this.dataSource.query(withDetails(pageSql), parameters)) as ExportRow[];
  }
}

// The open lead wins over closed ones, then the newest: "the conversation's current lead".
function withDetails(pageSql: string): string {
  return `SELECT page.id, page.created_at, page.status, page.cursor_at, ct.phone, ct.name AS contact_name,
      u.name AS assigned_user_name, u.email AS assigned_user_email, lead.status AS lead_status, lead.score AS lead_score
    FROM (${pageSql}) page
    JOIN contacts ct ON ct.id = page.contact_id AND ct.organization_id = page.organization_id
    LEFT JOIN users u ON u.id = page.assigned_to_id AND u.organization_id = page.organization_id
    LEFT JOIN LATERAL (
      SELECT l.status, l.score FROM leads l
      WHERE l.organization_id = page.organization_id AND l.conversation_id = page.id AND l.deleted_at IS NULL
      ORDER BY l.status IN ('CONVERTED', 'LOST'), l.created_at DESC
      LIMIT 1
    ) lead ON true
    ORDER BY page.created_at, page.id`;
}
