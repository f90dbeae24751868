import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { CsvContactRow, parseContactsCsv } from './contacts-csv';
import { CreateContactDto } from './dto/contact-input.dto';
import { ImportContactsDto, ImportContactsResultDto, ImportRowErrorDto } from './dto/import-contacts.dto';

/** A valid row, ready for the database. */
export interface ImportedContact {
  name: string;
  phone: string;
  email: string | null;
  birth_date: string | null;
  notes: string | null;
  custom_attributes: Record<string, unknown>;
}

export interface ValidatedRows {
  accepted: ImportedContact[];
  errors: ImportRowErrorDto[];
}

/**
 * One statement for the whole file. A phone that already belongs to a live contact of the organization fills
 * only that contact's empty fields (custom attributes only when it has none); the WHERE skips rows with nothing
 * to fill, so RETURNING lists created (xmax = 0) and really updated rows, and the rest were unchanged.
 */
const UPSERT_SQL = `
  INSERT INTO contacts (organization_id, name, phone, email, birth_date, notes, custom_attributes, source)
  SELECT $1, r.name, r.phone, r.email, r.birth_date, r.notes, r.custom_attributes, 'import'
  FROM jsonb_to_recordset($2::jsonb) AS r(name text, phone text, email text, birth_date date, notes text, custom_attributes jsonb)
  ON CONFLICT (organization_id, phone) WHERE deleted_at IS NULL AND phone IS NOT NULL
  DO UPDATE SET
    name = COALESCE(contacts.name, EXCLUDED.name),
    email = COALESCE(contacts.email, EXCLUDED.email),
    birth_date = COALESCE(contacts.birth_date, EXCLUDED.birth_date),
    notes = COALESCE(contacts.notes, EXCLUDED.notes),
    custom_attributes = CASE WHEN contacts.custom_attributes = '{}'::jsonb THEN EXCLUDED.custom_attributes ELSE contacts.custom_attributes END,
    updated_at = now()
  WHERE (contacts.name IS NULL AND EXCLUDED.name IS NOT NULL)
     OR (contacts.email IS NULL AND EXCLUDED.email IS NOT NULL)
     OR (contacts.birth_date IS NULL AND EXCLUDED.birth_date IS NOT NULL)
     OR (contacts.notes IS NULL AND EXCLUDED.notes IS NOT NULL)
     OR (contacts.custom_attributes = '{}'::jsonb AND EXCLUDED.custom_attributes <> '{}'::jsonb)
  RETURNING (xmax = 0) AS created`;

/** Imports a clinic's patient spreadsheet in one transaction: good rows are kept, bad ones reported by line. */
@Injectable()
export class ContactsImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async import(actor: AuthUser, dto: ImportContactsDto): Promise<ImportContactsResultDto> {
    const rows = parseContactsCsv(dto.csv);
    const { accepted, errors } = validateRows(rows);
    return this.dataSource.transaction(async (manager) => {
      const written = accepted.length > 0 ? await this.upsert(manager, actor.organizationId, accepted) : { created: 0, updated: 0 };
      const counts = {
        total_rows: rows.length,
        created: written.created,
        updated: written.updated,
        unchanged: accepted.length - written.created - written.updated,
        rejected: errors.length,
      };
      await this.audit.record(
        { organizationId: actor.organizationId, actor, action: AuditAction.ContactsImported, entityType: AuditEntityType.Contact, metadata: counts },
        manager,
      );
      return { ...counts, errors };
    });
  }

  private async upsert(manager: EntityManager, organizationId: string, contacts: ImportedContact[]): Promise<{ created: number; updated: number }> {
    const written: { created: boolean }[] = await manager.query(UPSERT_SQL, [organizationId, JSON.stringify(contacts)]);
    const created = written.filter((row) => row.created).length;
    return { created, updated: written.length - created };
  }
}

/**
 * Validates each row with the rules of `POST /contacts`. Within the file the first valid row of a phone wins;
 * later ones are reported, since one statement cannot both insert and update the same contact.
 */
export function validateRows(rows: CsvContactRow[]): ValidatedRows {
  const accepted: ImportedContact[] = [];
  const errors: ImportRowErrorDto[] = [];
  const firstLineOfPhone = new Map<string, number>();
  for (const row of rows) {
    if (row.errors.length > 0) {
      errors.push({ row: row.line, errors: row.errors });
      continue;
    }
    const dto = plainToInstance(CreateContactDto, row.input);
    const invalid = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
    if (invalid.length > 0) {
      errors.push({ row: row.line, errors: invalid.map((error) => ({ field: error.property, errors: Object.values(error.constraints ?? {}) })) });
      continue;
    }
    const first = firstLineOfPhone.get(dto.phone);
    if (first !== undefined) {
      errors.push({ row: row.line, errors: [{ field: 'phone', errors: [`phone repeats row ${first}; only the first row of a phone is imported`] }] });
      continue;
    }
    firstLineOfPhone.set(dto.phone, row.line);
    accepted.push({
      name: dto.name,
      phone: dto.phone,
      email: dto.email ?? null,
      birth_date: dto.birth_date ?? null,
      notes: dto.notes ?? null,
      custom_attributes: dto.custom_attributes ?? {},
    });
  }
  return { accepted, errors };
}
