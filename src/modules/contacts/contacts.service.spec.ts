import { DataSource, EntityManager, In, Not, QueryFailedError, Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { ContactEntity, ContactSource, OptOutSource } from './contact.entity';
import { contactChanges, ContactsService } from './contacts.service';

const organizationId = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';
const contactId = '5b0c7a2e-1f3d-4c8a-9e6b-2d4f6a8c0e12';
const otherId = '7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a';
const admin: AuthUser = { userId: 'acting-admin-id', organizationId, role: Role.Admin, jti: 'jti', sessionId: 'session-1', tokenExpiresAt: 1_900_000_000 };
const optedOutAt = new Date('2026-02-01T10:00:00Z');

function contactFactory(overrides: Partial<ContactEntity> = {}): ContactEntity {
  return Object.assign(new ContactEntity(), {
    id: contactId,
    organizationId,
    name: 'Maria da Silva',
    phone: '+5511987654321',
    waChatId: null,
    lid: null,
    email: null,
    birthDate: null,
    notes: null,
    customAttributes: {},
    blocked: false,
    optedOut: false,
    optedOutAt: null,
    optOutSource: null,
    source: ContactSource.Manual,
    deletedAt: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  });
}

function uniqueViolation(constraint: string): QueryFailedError {
  return new QueryFailedError('INSERT INTO contacts', [], Object.assign(new Error('duplicate key'), { code: '23505', constraint }));
}

type ContactRepositoryMock = jest.Mocked<Pick<Repository<ContactEntity>, 'findOneBy' | 'findBy' | 'findOne' | 'existsBy' | 'create' | 'save' | 'softDelete'>>;

function mockContactRepository(): ContactRepositoryMock {
  const repository: ContactRepositoryMock = {
    findOneBy: jest.fn(),
    findBy: jest.fn(),
    findOne: jest.fn(),
    existsBy: jest.fn().mockResolvedValue(false),
    create: jest.fn(),
    save: jest.fn(),
    softDelete: jest.fn(),
  };
  repository.create.mockImplementation((fields) => Object.assign(new ContactEntity(), fields));
  repository.save.mockImplementation(async (contact) =>
    Object.assign(new ContactEntity(), { id: contactId, createdAt: new Date(), updatedAt: new Date() }, contact),
  );
  return repository;
}

describe(ContactsService.name, () => {
  let sut: ContactsService;
  let contacts: ContactRepositoryMock;
  /** What the transaction's EntityManager hands out for ContactEntity. */
  let managed: ContactRepositoryMock;
  let manager: EntityManager;
  let audit: jest.Mocked<Pick<AuditService, 'record'>>;

  beforeEach(() => {
    contacts = mockContactRepository();
    managed = mockContactRepository();
    manager = { getRepository: jest.fn(() => managed) } as unknown as EntityManager;
    const dataSource = { transaction: jest.fn(async (work: (manager: EntityManager) => Promise<unknown>) => work(manager)) };
    audit = { record: jest.fn() };
    sut = new ContactsService(contacts as unknown as Repository<ContactEntity>, dataSource as unknown as DataSource, audit as unknown as AuditService);
  });

  describe('findVisible', () => {
    it('should look the contact up within the organization', async () => {
      const contact = contactFactory();
      contacts.findOneBy.mockResolvedValue(contact);
      await expect(sut.findVisible(organizationId, contactId)).resolves.toBe(contact);
      expect(contacts.findOneBy).toHaveBeenCalledWith({ id: contactId, organizationId });
    });

    it('should answer null for an id that is not a uuid, without a query', async () => {
      await expect(sut.findVisible(organizationId, 'not-a-uuid')).resolves.toBeNull();
      expect(contacts.findOneBy).not.toHaveBeenCalled();
    });
  });

  describe('findManyByIds', () => {
    it('should query each valid id once, within the organization', async () => {
      contacts.findBy.mockResolvedValue([]);
      await sut.findManyByIds(organizationId, [contactId, contactId, 'junk', otherId]);
      expect(contacts.findBy).toHaveBeenCalledWith({ organizationId, id: In([contactId, otherId]) });
    });

    it('should answer an empty list without a query when no id is usable', async () => {
      await expect(sut.findManyByIds(organizationId, [])).resolves.toEqual([]);
      await expect(sut.findManyByIds(organizationId, ['junk'])).resolves.toEqual([]);
      expect(contacts.findBy).not.toHaveBeenCalled();
    });
  });

  describe('findOne', () => {
    it('should throw CONTACT_NOT_FOUND when the id is outside the actor’s organization', async () => {
      contacts.findOne.mockResolvedValue(null);
      await expect(sut.findOne(admin, contactId)).rejects.toMatchObject({ code: 'CONTACT_NOT_FOUND' });
      expect(contacts.findOne).toHaveBeenCalledWith({ where: { id: contactId, organizationId } });
    });
  });

  describe('create', () => {
    const dto = { name: 'Maria da Silva', phone: '+5511987654321' };

    it('should create a manual contact in the actor’s organization and audit it', async () => {
      const response = await sut.create(admin, { ...dto, custom_attributes: { plano: 'Ouro' } });
      expect(managed.save).toHaveBeenCalledWith(
        expect.objectContaining({ organizationId, source: ContactSource.Manual, optedOut: false, optedOutAt: null, optOutSource: null, customAttributes: { plano: 'Ouro' } }),
      );
      expect(response).toMatchObject({ id: contactId, phone: '+5511987654321', lid: null, wa_chat_id: null, email: null });
      expect(audit.record).toHaveBeenCalledWith(
        expect.objectContaining({ action: AuditAction.ContactCreated, entityType: AuditEntityType.Contact, entityId: contactId, organizationId }),
        manager,
      );
    });

    it('should stamp an opt-out made by staff', async () => {
      const response = await sut.create(admin, { ...dto, opted_out: true });
      expect(response).toMatchObject({ opted_out: true, opt_out_source: OptOutSource.Staff, opted_out_at: expect.any(String) });
    });

    it('should throw CONTACT_PHONE_TAKEN when the organization already has the phone', async () => {
      managed.existsBy.mockResolvedValue(true);
      await expect(sut.create(admin, dto)).rejects.toMatchObject({ code: 'CONTACT_PHONE_TAKEN' });
      expect(managed.existsBy).toHaveBeenCalledWith({ organizationId, phone: dto.phone });
      expect(managed.save).not.toHaveBeenCalled();
    });

    it('should throw CONTACT_PHONE_TAKEN when the phone was taken between the check and the insert', async () => {
      managed.save.mockRejectedValue(uniqueViolation('UQ_contacts_org_phone'));
      await expect(sut.create(admin, dto)).rejects.toMatchObject({ code: 'CONTACT_PHONE_TAKEN' });
      expect(audit.record).not.toHaveBeenCalled();
    });

    it('should let other unique violations through', async () => {
      managed.save.mockRejectedValue(uniqueViolation('UQ_contacts_org_lid'));
      await expect(sut.create(admin, dto)).rejects.toBeInstanceOf(QueryFailedError);
    });
  });

  describe('update', () => {
    it('should lock the contact within the organization and throw CONTACT_NOT_FOUND when it is not there', async () => {
      managed.findOne.mockResolvedValue(null);
      await expect(sut.update(admin, contactId, { name: 'X' })).rejects.toMatchObject({ code: 'CONTACT_NOT_FOUND' });
      expect(managed.findOne).toHaveBeenCalledWith({ where: { id: contactId, organizationId }, lock: { mode: 'pessimistic_write' } });
    });

    it('should stamp a staff opt-out', async () => {
      managed.findOne.mockResolvedValue(contactFactory());
      const response = await sut.update(admin, contactId, { opted_out: true });
      expect(response).toMatchObject({ opted_out: true, opt_out_source: OptOutSource.Staff, opted_out_at: expect.any(String) });
    });

    it('should clear when and by whom on opting back in', async () => {
      managed.findOne.mockResolvedValue(contactFactory({ optedOut: true, optedOutAt, optOutSource: OptOutSource.Patient }));
      const response = await sut.update(admin, contactId, { opted_out: false });
      expect(response).toMatchObject({ opted_out: false, opted_out_at: null, opt_out_source: null });
    });

    it('should keep the original opt-out when it is sent again', async () => {
      managed.findOne.mockResolvedValue(contactFactory({ optedOut: true, optedOutAt, optOutSource: OptOutSource.Patient }));
      const response = await sut.update(admin, contactId, { opted_out: true, name: 'Outro Nome' });
      expect(response).toMatchObject({ opted_out_at: optedOutAt.toISOString(), opt_out_source: OptOutSource.Patient, name: 'Outro Nome' });
    });

    it('should neither save nor audit when nothing changes', async () => {
      managed.findOne.mockResolvedValue(contactFactory());
      await sut.update(admin, contactId, { name: 'Maria da Silva', blocked: false });
      expect(managed.save).not.toHaveBeenCalled();
      expect(audit.record).not.toHaveBeenCalled();
    });

    it('should check a new phone against the other contacts only', async () => {
      managed.findOne.mockResolvedValue(contactFactory());
      managed.existsBy.mockResolvedValue(true);
      await expect(sut.update(admin, contactId, { phone: '+5511912345678' })).rejects.toMatchObject({ code: 'CONTACT_PHONE_TAKEN' });
      expect(managed.existsBy).toHaveBeenCalledWith({ organizationId, phone: '+5511912345678', id: Not(contactId) });
    });

    it('should clear nullable fields sent as null and audit the change', async () => {
      managed.findOne.mockResolvedValue(contactFactory({ email: 'a@b.com', notes: 'segredo' }));
      const response = await sut.update(admin, contactId, { email: null, notes: null });
      expect(response).toMatchObject({ email: null, notes: null });
      expect(audit.record).toHaveBeenCalledWith(
        expect.objectContaining({
          action: AuditAction.ContactUpdated,
          entityId: contactId,
          changes: { email: { old: 'a@b.com', new: null }, notes: { old: '[omitted]', new: '[omitted]' } },
        }),
        manager,
      );
    });
  });

  describe('remove', () => {
    it('should soft delete the contact within the organization and audit it', async () => {
      managed.findOne.mockResolvedValue(contactFactory());
      await sut.remove(admin, contactId);
      expect(managed.softDelete).toHaveBeenCalledWith({ id: contactId, organizationId });
      expect(audit.record).toHaveBeenCalledWith(expect.objectContaining({ action: AuditAction.ContactDeleted, entityId: contactId }), manager);
    });

    it('should throw CONTACT_NOT_FOUND for a missing or already deleted contact', async () => {
      managed.findOne.mockResolvedValue(null);
      await expect(sut.remove(admin, contactId)).rejects.toMatchObject({ code: 'CONTACT_NOT_FOUND' });
      expect(managed.softDelete).not.toHaveBeenCalled();
    });
  });
});

describe('contactChanges', () => {
  it('should list the non-empty fields of a new contact, omitting the values of notes and attributes', () => {
    const changes = contactChanges(null, contactFactory({ notes: 'Alergia', customAttributes: { plano: 'Ouro' } }));
    expect(changes).toEqual({
      name: { old: null, new: 'Maria da Silva' },
      phone: { old: null, new: '+5511987654321' },
      blocked: { old: null, new: false },
      opted_out: { old: null, new: false },
      notes: { old: '[omitted]', new: '[omitted]' },
      custom_attributes: { old: '[omitted]', new: '[omitted]' },
    });
  });

  it('should list only what an update changed', () => {
    expect(contactChanges(contactFactory(), contactFactory({ blocked: true, birthDate: '1985-04-12' }))).toEqual({
      blocked: { old: false, new: true },
      birth_date: { old: null, new: '1985-04-12' },
    });
  });
});
