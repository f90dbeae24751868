import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { Brackets, DataSource, EntityManager, In, Not, Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { findPage, Page } from 'src/common/pagination';
import { inOrganization } from 'src/common/tenancy/visible-to';
import { escapeLike } from 'src/database/escape-like';
import { isUniqueViolation } from 'src/database/pg-errors';
import { FieldChange } from 'src/modules/audit/audit-log.entity';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { diffChanges } from 'src/modules/audit/diff-changes';
import { ContactEntity, ContactSource, OptOutSource } from './contact.entity';
import { ContactErrorCode, ContactException } from './contacts.exceptions';
import { CreateContactDto, UpdateContactDto } from './dto/contact-input.dto';
import { ContactResponseDto } from './dto/contact-response.dto';
import { ListContactsQueryDto } from './dto/list-contacts-query.dto';
import { normalizePhone } from './phone-number';

const SORT_COLUMNS = { created_at: 'contact.created_at', name: 'contact.name', updated_at: 'contact.updated_at' } as const;
const PHONE_UNIQUE_INDEX = 'UQ_contacts_org_phone';
/** Fewer digits than this are more likely part of a name or a note than a phone fragment. */
const PHONE_SEARCH_MIN_DIGITS = 4;
// Clinical notes and free-form attributes stay out of the audit trail: it records that they changed, not what they say.
const OMITTED = '[omitted]';
const OMITTED_FIELDS = ['notes', 'custom_attributes'] as const;

type ContactFields = Pick<ContactEntity, 'name' | 'phone' | 'email' | 'birthDate' | 'notes' | 'customAttributes' | 'blocked' | 'optedOut'>;

/** Staff's management of their organization's patients. */
@Injectable()
export class ContactsService {
  constructor(
    @InjectRepository(ContactEntity) private readonly contacts: Repository<ContactEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** A live (not deleted) contact of the organization, for other modules; null when missing or elsewhere. */
  async findVisible(organizationId: string, id: string): Promise<ContactEntity | null> {
    if (!isUUID(id)) return null;
    return this.contacts.findOneBy({ id, organizationId });
  }

  /**
   * The patient asked to stop automated messages ("parar") or to receive them again ("voltar"), inside the
   * caller's transaction. Only a patient's opt-out is lifted by the patient: one set by staff stays.
   * Returns true when the state changed.
   */
  async setOptOutByPatient(manager: EntityManager, organizationId: string, contactId: string, optedOut: boolean): Promise<boolean> {
    const update = manager.createQueryBuilder().update(ContactEntity).where('id = :contactId AND organization_id = :organizationId', { contactId, organizationId });
    const result = optedOut
      ? await update.set({ optedOut: true, optedOutAt: () => 'now()', optOutSource: OptOutSource.Patient }).andWhere('opted_out = false').execute()
      : await update
          .set({ optedOut: false, optedOutAt: null, optOutSource: null })
          .andWhere('opted_out = true AND opt_out_source = :patient', { patient: OptOutSource.Patient })
          .execute();
    return (result.affected ?? 0) > 0;
  }

  /** The organization's live contacts among `ids`, in no particular order; unknown ids are skipped. */
  async findManyByIds(organizationId: string, ids: string[]): Promise<ContactEntity[]> {
    const valid = [...new Set(ids)].filter((id) => isUUID(id));
    if (valid.length === 0) return [];
    return this.contacts.findBy({ organizationId, id: In(valid) });
  }

  async list(actor: AuthUser, query: ListContactsQueryDto): Promise<Page<ContactResponseDto>> {
    // The query builder adds `deleted_at IS NULL`, which also lets Postgres use the partial trigram index.
    const qb = this.contacts.createQueryBuilder('contact').where('contact.organization_id = :org', { org: actor.organizationId });
    if (query.blocked !== undefined) qb.andWhere('contact.blocked = :blocked', { blocked: query.blocked });
    if (query.opted_out !== undefined) qb.andWhere('contact.opted_out = :optedOut', { optedOut: query.opted_out });
    if (query.search) qb.andWhere(searchCondition(query.search));
    const page = await findPage(qb, query, SORT_COLUMNS);
    return { ...page, items: page.items.map(ContactResponseDto.from) };
  }

  async findOne(actor: AuthUser, id: string): Promise<ContactResponseDto> {
    return ContactResponseDto.from(await this.getVisible(this.contacts, actor, id));
  }

  async create(actor: AuthUser, dto: CreateContactDto): Promise<ContactResponseDto> {
    const contact = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ContactEntity);
      const optedOut = dto.opted_out ?? false;
      const created = repository.create({
        organizationId: actor.organizationId,
        name: dto.name,
        phone: dto.phone,
        waChatId: null,
        lid: null,
        email: dto.email ?? null,
        birthDate: dto.birth_date ?? null,
        notes: dto.notes ?? null,
        customAttributes: dto.custom_attributes ?? {},
        blocked: dto.blocked ?? false,
        optedOut,
        optedOutAt: optedOut ? new Date() : null,
        optOutSource: optedOut ? OptOutSource.Staff : null,
        source: ContactSource.Manual,
      });
      await assertPhoneFree(repository, actor.organizationId, dto.phone);
      const saved = await this.writeUnique(() => repository.save(created));
      await this.record(manager, actor, AuditAction.ContactCreated, saved.id, contactChanges(null, saved));
      return saved;
    });
    return ContactResponseDto.from(contact);
  }

  async update(actor: AuthUser, id: string, dto: UpdateContactDto): Promise<ContactResponseDto> {
    const contact = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ContactEntity);
      const current = await this.getVisible(repository, actor, id, true);
      const before: ContactFields = { ...current };
      Object.assign(current, definedOnly({
        name: dto.name,
        phone: dto.phone,
        email: dto.email,
        birthDate: dto.birth_date,
        notes: dto.notes,
        customAttributes: dto.custom_attributes,
        blocked: dto.blocked,
      }));
      if (dto.opted_out !== undefined && dto.opted_out !== current.optedOut) {
        // Opting back in forgets who opted out and when; a new opt-out records staff, now.
        current.optedOut = dto.opted_out;
        current.optedOutAt = dto.opted_out ? new Date() : null;
        current.optOutSource = dto.opted_out ? OptOutSource.Staff : null;
      }
      const changes = contactChanges(before, current);
      if (Object.keys(changes).length === 0) return current;
      if (changes.phone && current.phone) await assertPhoneFree(repository, actor.organizationId, current.phone, id);
      const saved = await this.writeUnique(() => repository.save(current));
      await this.record(manager, actor, AuditAction.ContactUpdated, id, changes);
      return saved;
    });
    return ContactResponseDto.from(contact);
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ContactEntity);
      const contact = await this.getVisible(repository, actor, id, true);
      await repository.softDelete({ id: contact.id, organizationId: actor.organizationId });
      await this.record(manager, actor, AuditAction.ContactDeleted, id, null, { source: contact.source });
    });
  }

  private async getVisible(repository: Repository<ContactEntity>, actor: AuthUser, id: string, forUpdate = false): Promise<ContactEntity> {
    // Writes lock the row, so two edits of the same patient apply one after the other.
    const contact = await repository.findOne({
      where: inOrganization<ContactEntity>(actor, { id }),
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!contact) throw new ContactException(ContactErrorCode.NotFound, 'Contact not found');
    return contact;
  }

  // The partial unique index has the last word: WhatsApp may create the same patient between our check and write.
  private async writeUnique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error, PHONE_UNIQUE_INDEX)) throw phoneTaken();
      throw error;
    }
  }

  private record(
    manager: EntityManager,
    actor: AuthUser,
    action: AuditAction,
    entityId: string,
    changes: Record<string, FieldChange> | null,
    metadata?: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      { organizationId: actor.organizationId, actor, action, entityType: AuditEntityType.Contact, entityId, changes, metadata },
      manager,
    );
  }
}

// Checked first because TypeORM logs every failed query with its parameters, and a phone number must not reach the logs.
async function assertPhoneFree(repository: Repository<ContactEntity>, organizationId: string, phone: string, exceptId?: string): Promise<void> {
  const taken = await repository.existsBy({ organizationId, phone, ...(exceptId ? { id: Not(exceptId) } : {}) });
  if (taken) throw phoneTaken();
}

function phoneTaken(): ContactException {
  return new ContactException(ContactErrorCode.PhoneTaken, 'Another patient of this organization has this phone number');
}

/**
 * Name or phone, case-insensitive and wildcard-safe. A query with enough digits is taken as a phone fragment
 * and matched on its digits alone, since phones are stored as E.164 (`(11) 98765` finds `+5511987654321`).
 */
function searchCondition(search: string): Brackets {
  const digits = search.replace(/\D/g, '');
  const exact = normalizePhone(search);
  return new Brackets((where) => {
    where.where('contact.name ILIKE :search', { search: `%${escapeLike(search)}%` });
    where.orWhere('contact.phone ILIKE :search');
    if (digits.length >= PHONE_SEARCH_MIN_DIGITS) where.orWhere('contact.phone LIKE :digits', { digits: `%${digits}%` });
    // A full number typed without the ninth digit or country code still finds the patient.
    if (exact) where.orWhere('contact.phone = :exact', { exact });
  });
}

/** What the audit trail records of a create (`before` null: the non-empty fields) or an update (the changed ones). */
export function contactChanges(before: ContactFields | null, after: ContactFields): Record<string, FieldChange> {
  const next = auditedFields(after);
  const changes = before
    ? diffChanges(auditedFields(before), next)
    : diffChanges({}, Object.fromEntries(Object.entries(next).filter(([, value]) => !isEmpty(value))));
  for (const field of OMITTED_FIELDS) if (changes[field]) changes[field] = { old: OMITTED, new: OMITTED };
  return changes;
}

function auditedFields(contact: ContactFields): Record<string, unknown> {
  return {
    name: contact.name,
    phone: contact.phone,
    email: contact.email,
    birth_date: contact.birthDate,
    blocked: contact.blocked,
    opted_out: contact.optedOut,
    notes: contact.notes,
    custom_attributes: contact.customAttributes,
  };
}

function isEmpty(value: unknown): boolean {
  return value === null || (typeof value === 'object' && Object.keys(value).length === 0);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
