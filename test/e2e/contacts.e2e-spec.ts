import { randomInt, randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Response, Test } from 'supertest';
import { bearer, http, PREFIX, Session } from '../support/api';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { createClinic, createMember } from '../support/factories';

const CONTACTS = `${PREFIX}/contacts`;
const IMPORT = `${CONTACTS}/import`;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface ContactBody {
  id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  birth_date: string | null;
  notes: string | null;
  custom_attributes: Record<string, unknown>;
  blocked: boolean;
  opted_out: boolean;
  opted_out_at: string | null;
  opt_out_source: string | null;
  source: string;
  updated_at: string;
}

/** A São Paulo mobile in E.164 and as a patient would type it. */
function mobile(): { e164: string; typed: string } {
  const local = String(randomInt(10_000_000, 100_000_000));
  return { e164: `+55119${local}`, typed: `(11) 9${local.slice(0, 4)}-${local.slice(4)}` };
}

function idsOf(response: Response): string[] {
  return (response.body.items as ContactBody[]).map((contact) => contact.id);
}

function tomorrow(): string {
  return new Date(Date.now() + 2 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

describe('Contacts (e2e)', () => {
  let app: NestFastifyApplication;

  withTestApp((created) => (app = created));

  function addContact(session: Session, fields: Record<string, unknown> = {}): Test {
    return http(app)
      .post(CONTACTS)
      .set(...bearer(session))
      .send({ name: 'Maria da Silva', phone: mobile().typed, ...fields });
  }

  async function addContactOk(session: Session, fields: Record<string, unknown> = {}): Promise<ContactBody> {
    const response = await addContact(session, fields);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
    return response.body as ContactBody;
  }

  function getContact(session: Session, id: string): Test {
    return http(app).get(`${CONTACTS}/${id}`).set(...bearer(session));
  }

  function patchContact(session: Session, id: string, body: Record<string, unknown>): Test {
    return http(app).patch(`${CONTACTS}/${id}`).set(...bearer(session)).send(body);
  }

  function list(session: Session, query: Record<string, string | number> = {}): Test {
    return http(app).get(CONTACTS).query(query).set(...bearer(session));
  }

  function importCsv(session: Session, csv: string): Test {
    return http(app).post(IMPORT).set(...bearer(session)).send({ csv });
  }

  describe('POST /contacts', () => {
    it('should create a patient with the phone in E.164 and answer every public field', async () => {
      const { admin } = await createClinic(app);
      const phone = mobile();
      const response = await addContact(admin, {
        name: '  Ana Souza ',
        phone: phone.typed,
        email: 'Ana.Souza@Email.COM',
        birth_date: '1985-04-12',
        notes: 'Prefere manhã.',
        custom_attributes: { convenio: 'Unimed', consultas: 3, retorno: true, indicacao: null },
      }).expect(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        name: 'Ana Souza',
        phone: phone.e164,
        wa_chat_id: null,
        lid: null,
        email: 'ana.souza@email.com',
        birth_date: '1985-04-12',
        notes: 'Prefere manhã.',
        custom_attributes: { convenio: 'Unimed', consultas: 3, retorno: true, indicacao: null },
        blocked: false,
        opted_out: false,
        opted_out_at: null,
        opt_out_source: null,
        source: 'manual',
        created_at: expect.stringMatching(ISO_DATE),
        updated_at: expect.stringMatching(ISO_DATE),
      });
      await getContact(admin, response.body.id).expect(200, response.body);
    });

    it('should record when and that staff opted the patient out', async () => {
      const { admin } = await createClinic(app);
      const contact = await addContactOk(admin, { opted_out: true, blocked: true });
      expect(contact).toMatchObject({ opted_out: true, opt_out_source: 'staff', blocked: true, opted_out_at: expect.stringMatching(ISO_DATE) });
    });

    it('should audit the creation without copying the notes', async () => {
      const { admin } = await createClinic(app);
      const contact = await addContactOk(admin, { notes: 'Alergia a dipirona' });
      const logs = await http(app).get(`${PREFIX}/audit-logs`).query({ entity_id: contact.id }).set(...bearer(admin)).expect(200);
      expect(logs.body.items).toEqual([
        expect.objectContaining({
          action: 'contact.created',
          entity_type: 'contact',
          changes: expect.objectContaining({ name: { old: null, new: 'Maria da Silva' }, notes: { old: '[omitted]', new: '[omitted]' } }),
        }),
      ]);
    });

    it.each([
      ['an empty body', {}, ['name', 'phone']],
      ['an unknown field', { organization_id: randomUUID() }, ['organization_id']],
      ['an impossible phone', { phone: '+55 00 98765-4321' }, ['phone']],
      ['letters as phone', { phone: 'maria@x.com' }, ['phone']],
      ['a malformed email', { email: 'not-an-email' }, ['email']],
      ['a future birth date', { birth_date: tomorrow() }, ['birth_date']],
      ['a birth date that does not exist', { birth_date: '1990-02-30' }, ['birth_date']],
      ['a birth date in another format', { birth_date: '12/04/1985' }, ['birth_date']],
      ['notes over 5000 characters', { notes: 'x'.repeat(5001) }, ['notes']],
      ['a nested custom attribute', { custom_attributes: { plano: { nome: 'Ouro' } } }, ['custom_attributes']],
      ['an array as custom attributes', { custom_attributes: ['a'] }, ['custom_attributes']],
      ['custom attributes with 51 keys', { custom_attributes: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])) }, ['custom_attributes']],
      ['a custom attribute key over 64 characters', { custom_attributes: { ['k'.repeat(65)]: 1 } }, ['custom_attributes']],
      ['custom attributes over 8 KB', { custom_attributes: { a: 'x'.repeat(4100), b: 'y'.repeat(4100) } }, ['custom_attributes']],
      ['a null name', { name: null }, ['name']],
      ['a name over 120 characters', { name: 'n'.repeat(121) }, ['name']],
      ['a non-boolean flag', { blocked: 'yes' }, ['blocked']],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_label, fields, invalid) => {
      const { admin } = await createClinic(app);
      const body = Object.keys(fields).length === 0 ? {} : { name: 'Maria', phone: mobile().typed, ...fields };
      expectInvalidFields(await http(app).post(CONTACTS).set(...bearer(admin)).send(body), invalid);
    });

    it('should answer 409 CONTACT_PHONE_TAKEN for the same phone written differently', async () => {
      const { admin } = await createClinic(app);
      await addContactOk(admin, { phone: '(11) 98765-4321' });
      expectError(await addContact(admin, { phone: '+5511987654321' }), 409, 'CONTACT_PHONE_TAKEN');
      expectError(await addContact(admin, { phone: '55 11 8765-4321' }), 409, 'CONTACT_PHONE_TAKEN');
    });

    it('should let another clinic have a patient with the same phone, without revealing anything', async () => {
      const clinicA = await createClinic(app);
      const clinicB = await createClinic(app);
      const phone = mobile();
      const first = await addContactOk(clinicA.admin, { phone: phone.typed });
      const second = await addContactOk(clinicB.admin, { phone: phone.e164 });
      expect(second.phone).toBe(first.phone);
      expect(second.id).not.toBe(first.id);
    });

    it('should free the phone of a deleted patient for a new one', async () => {
      const { admin } = await createClinic(app);
      const phone = mobile();
      const old = await addContactOk(admin, { phone: phone.typed });
      await http(app).delete(`${CONTACTS}/${old.id}`).set(...bearer(admin)).expect(204);
      const fresh = await addContactOk(admin, { phone: phone.e164 });
      expect(fresh.id).not.toBe(old.id);
    });
  });

  describe('GET /contacts', () => {
    async function roster(): Promise<{ admin: Session; contacts: Record<string, ContactBody> }> {
      const { admin } = await createClinic(app);
      const contacts = {
        beatriz: await addContactOk(admin, { name: 'Beatriz Almeida', phone: '(21) 99876-5432' }),
        carlos: await addContactOk(admin, { name: 'Carlos Pereira', phone: '+55 11 98765-4321', blocked: true }),
        daniela: await addContactOk(admin, { name: 'Daniela 100% Rocha', phone: '+1 (415) 555-2671', opted_out: true }),
        eduardo: await addContactOk(admin, { name: 'Eduardo Lima', phone: '(31) 3210-4567' }),
      };
      return { admin, contacts };
    }

    it('should paginate newest first, answering total and pages', async () => {
      const { admin, contacts } = await roster();
      const first = await list(admin, { limit: 3 }).expect(200);
      expect(first.body).toMatchObject({ total: 4, page: 1, limit: 3, pages: 2 });
      expect(idsOf(first)).toEqual([contacts.eduardo.id, contacts.daniela.id, contacts.carlos.id]);
      const second = await list(admin, { limit: 3, page: 2 }).expect(200);
      expect(idsOf(second)).toEqual([contacts.beatriz.id]);
    });

    it('should sort by name ascending', async () => {
      const { admin } = await roster();
      const response = await list(admin, { sort: 'name', order: 'asc' }).expect(200);
      expect((response.body.items as ContactBody[]).map((contact) => contact.name)).toEqual([
        'Beatriz Almeida',
        'Carlos Pereira',
        'Daniela 100% Rocha',
        'Eduardo Lima',
      ]);
    });

    it('should filter by blocked and opted_out', async () => {
      const { admin, contacts } = await roster();
      expect(idsOf(await list(admin, { blocked: 'true' }).expect(200))).toEqual([contacts.carlos.id]);
      expect(idsOf(await list(admin, { opted_out: 'true' }).expect(200))).toEqual([contacts.daniela.id]);
      const neither = await list(admin, { blocked: 'false', opted_out: 'false', sort: 'name', order: 'asc' }).expect(200);
      expect(idsOf(neither)).toEqual([contacts.beatriz.id, contacts.eduardo.id]);
    });

    it('should search part of the name ignoring case, and treat wildcards literally', async () => {
      const { admin, contacts } = await roster();
      expect(idsOf(await list(admin, { search: 'ALMEI' }).expect(200))).toEqual([contacts.beatriz.id]);
      expect(idsOf(await list(admin, { search: '100%' }).expect(200))).toEqual([contacts.daniela.id]);
      expect((await list(admin, { search: '%' }).expect(200)).body.total).toBe(1);
      expect((await list(admin, { search: '_' }).expect(200)).body.total).toBe(0);
    });

    it.each([
      ['a formatted fragment', '98765-4321', 'carlos'],
      ['a spaced fragment', '99876 543', 'beatriz'],
      ['the E.164 prefix', '+55 31', 'eduardo'],
      ['a foreign number', '(415) 555', 'daniela'],
      ['a full number without the ninth digit', '11 8765-4321', 'carlos'],
    ] as const)('should find a patient by %s of the phone', async (_label, search, who) => {
      const { admin, contacts } = await roster();
      expect(idsOf(await list(admin, { search }).expect(200))).toEqual([contacts[who].id]);
    });

    it('should leave out deleted patients', async () => {
      const { admin, contacts } = await roster();
      await http(app).delete(`${CONTACTS}/${contacts.carlos.id}`).set(...bearer(admin)).expect(204);
      const response = await list(admin).expect(200);
      expect(response.body.total).toBe(3);
      expect(idsOf(response)).not.toContain(contacts.carlos.id);
      expect((await list(admin, { search: 'Carlos' }).expect(200)).body.total).toBe(0);
    });

    it.each([
      ['limit=0', { limit: 0 }, 'limit'],
      ['limit=101', { limit: 101 }, 'limit'],
      ['blocked=maybe', { blocked: 'maybe' }, 'blocked'],
      ['sort=phone', { sort: 'phone' }, 'sort'],
      ['an empty search', { search: '  ' }, 'search'],
      ['an unknown parameter', { organization_id: randomUUID() }, 'organization_id'],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_label, query, field) => {
      const { admin } = await createClinic(app);
      expectInvalidFields(await list(admin, query), [field]);
    });
  });

  describe('GET /contacts/:id', () => {
    it('should answer 400 VALIDATION_FAILED for a malformed id', async () => {
      const { admin } = await createClinic(app);
      expectInvalidFields(await getContact(admin, 'not-a-uuid'), ['id']);
    });

    it('should answer 404 CONTACT_NOT_FOUND for an unknown id', async () => {
      const { admin } = await createClinic(app);
      expectError(await getContact(admin, randomUUID()), 404, 'CONTACT_NOT_FOUND');
    });
  });

  describe('PATCH /contacts/:id', () => {
    it('should change fields, normalise the phone, clear nullable ones and move updated_at', async () => {
      const { admin } = await createClinic(app);
      const contact = await addContactOk(admin, { email: 'velho@email.com', notes: 'antiga' });
      const phone = mobile();
      const response = await patchContact(admin, contact.id, { name: 'Nome Novo', phone: phone.typed, email: null, notes: null, custom_attributes: { convenio: 'SulAmérica' } }).expect(200);
      expect(response.body).toMatchObject({ id: contact.id, name: 'Nome Novo', phone: phone.e164, email: null, notes: null, custom_attributes: { convenio: 'SulAmérica' } });
      expect(Date.parse(response.body.updated_at)).toBeGreaterThan(Date.parse(contact.updated_at));
      await getContact(admin, contact.id).expect(200, response.body);
    });

    it('should stamp an opt-out by staff and clear it when the patient opts back in', async () => {
      const { admin } = await createClinic(app);
      const contact = await addContactOk(admin);
      const out = await patchContact(admin, contact.id, { opted_out: true }).expect(200);
      expect(out.body).toMatchObject({ opted_out: true, opt_out_source: 'staff', opted_out_at: expect.stringMatching(ISO_DATE) });
      const again = await patchContact(admin, contact.id, { opted_out: true, name: 'Outro' }).expect(200);
      expect(again.body.opted_out_at).toBe(out.body.opted_out_at);
      const back = await patchContact(admin, contact.id, { opted_out: false }).expect(200);
      expect(back.body).toMatchObject({ opted_out: false, opt_out_source: null, opted_out_at: null });
    });

    it('should answer 409 CONTACT_PHONE_TAKEN when the new phone is another patient’s', async () => {
      const { admin } = await createClinic(app);
      const taken = await addContactOk(admin, { phone: '(11) 98765-4321' });
      const contact = await addContactOk(admin);
      expectError(await patchContact(admin, contact.id, { phone: '11987654321' }), 409, 'CONTACT_PHONE_TAKEN');
      expect((await getContact(admin, contact.id).expect(200)).body.phone).toBe(contact.phone);
      await patchContact(admin, taken.id, { phone: '+55 (11) 98765-4321' }).expect(200);
    });

    it.each([
      ['a null name', { name: null }, 'name'],
      ['a null phone', { phone: null }, 'phone'],
      ['a null flag', { blocked: null }, 'blocked'],
      ['null custom attributes', { custom_attributes: null }, 'custom_attributes'],
      ['a bad phone', { phone: '12' }, 'phone'],
      ['an unknown field', { source: 'import' }, 'source'],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_label, body, field) => {
      const { admin } = await createClinic(app);
      const contact = await addContactOk(admin);
      expectInvalidFields(await patchContact(admin, contact.id, body), [field]);
    });

    it('should answer 400 for a malformed id and 404 for an unknown one', async () => {
      const { admin } = await createClinic(app);
      expectInvalidFields(await patchContact(admin, 'nope', { name: 'X' }), ['id']);
      expectError(await patchContact(admin, randomUUID(), { name: 'X' }), 404, 'CONTACT_NOT_FOUND');
    });
  });

  describe('DELETE /contacts/:id', () => {
    it('should hide the patient and answer 404 afterwards', async () => {
      const { admin } = await createClinic(app);
      const contact = await addContactOk(admin);
      await http(app).delete(`${CONTACTS}/${contact.id}`).set(...bearer(admin)).expect(204);
      expectError(await getContact(admin, contact.id), 404, 'CONTACT_NOT_FOUND');
      expectError(await patchContact(admin, contact.id, { name: 'X' }), 404, 'CONTACT_NOT_FOUND');
      expectError(await http(app).delete(`${CONTACTS}/${contact.id}`).set(...bearer(admin)), 404, 'CONTACT_NOT_FOUND');
      expect(idsOf(await list(admin).expect(200))).not.toContain(contact.id);
    });

    it('should answer 400 VALIDATION_FAILED for a malformed id', async () => {
      const { admin } = await createClinic(app);
      expectInvalidFields(await http(app).delete(`${CONTACTS}/123`).set(...bearer(admin)), ['id']);
    });
  });

  describe('cross-organization isolation', () => {
    it('should hide, and refuse to change or delete, another clinic’s patients', async () => {
      const clinicA = await createClinic(app);
      const { admin: adminB } = await createClinic(app);
      const contact = await addContactOk(clinicA.admin, { name: 'Paciente Sigilosa' });

      expect((await list(adminB, { search: 'Sigilosa' }).expect(200)).body.total).toBe(0);
      expect((await list(adminB, { search: contact.phone ?? '' }).expect(200)).body.total).toBe(0);
      expectError(await getContact(adminB, contact.id), 404, 'CONTACT_NOT_FOUND');
      expectError(await patchContact(adminB, contact.id, { name: 'Invadido' }), 404, 'CONTACT_NOT_FOUND');
      expectError(await http(app).delete(`${CONTACTS}/${contact.id}`).set(...bearer(adminB)), 404, 'CONTACT_NOT_FOUND');

      await getContact(clinicA.admin, contact.id).expect(200, contact);
    });
  });

  describe('permissions', () => {
    it('should answer 401 without a token', async () => {
      expectError(await http(app).get(CONTACTS), 401, 'UNAUTHENTICATED');
      expectError(await http(app).post(CONTACTS).send({ name: 'X', phone: mobile().typed }), 401, 'UNAUTHENTICATED');
      expectError(await http(app).post(IMPORT).send({ csv: 'name,phone\n' }), 401, 'UNAUTHENTICATED');
    });

    it('should let a viewer read patients but not create, change, delete or import them', async () => {
      const { admin } = await createClinic(app);
      const viewer = await createMember(app, admin, 'viewer');
      const contact = await addContactOk(admin);
      await list(viewer).expect(200);
      await getContact(viewer, contact.id).expect(200);
      expectError(await addContact(viewer), 403, 'FORBIDDEN');
      expectError(await patchContact(viewer, contact.id, { name: 'Mudado' }), 403, 'FORBIDDEN');
      expectError(await http(app).delete(`${CONTACTS}/${contact.id}`).set(...bearer(viewer)), 403, 'FORBIDDEN');
      expectError(await importCsv(viewer, `name,phone\nAna,${mobile().typed}\n`), 403, 'FORBIDDEN');
      await getContact(admin, contact.id).expect(200, contact);
    });

    it('should let a secretary create and change patients but not delete or import them', async () => {
      const { admin } = await createClinic(app);
      const secretary = await createMember(app, admin, 'secretary');
      const contact = await addContactOk(secretary);
      await patchContact(secretary, contact.id, { notes: 'Ligar à tarde' }).expect(200);
      expectError(await http(app).delete(`${CONTACTS}/${contact.id}`).set(...bearer(secretary)), 403, 'FORBIDDEN');
      expectError(await importCsv(secretary, `name,phone\nAna,${mobile().typed}\n`), 403, 'FORBIDDEN');
      await getContact(admin, contact.id).expect(200);
    });
  });

  describe('POST /contacts/import', () => {
    it('should keep the good rows and report the bad ones by line', async () => {
      const { admin } = await createClinic(app);
      const [ana, bia] = [mobile(), mobile()];
      const csv = [
        'name,phone,email,birth_date,notes,convenio',
        `Ana Lima,${ana.typed},ana@email.com,1990-01-31,,Unimed`,
        'Sem Telefone,12,,,,',
        `Email Ruim,${mobile().typed},nao-e-email,,,`,
        `"Bia, a filha",${bia.e164},,${tomorrow()},,`,
        `Bia Souza,${bia.e164},,,,`,
        `,${mobile().typed},,,,`,
      ].join('\n');
      const response = await importCsv(admin, csv).expect(200);
      expect(response.body).toEqual({
        total_rows: 6,
        created: 2,
        updated: 0,
        unchanged: 0,
        rejected: 4,
        errors: [
          { row: 3, errors: [{ field: 'phone', errors: [expect.stringContaining('valid phone number')] }] },
          { row: 4, errors: [{ field: 'email', errors: ['email must be an email'] }] },
          { row: 5, errors: [{ field: 'birth_date', errors: ['birth_date must not be in the future'] }] },
          { row: 7, errors: [expect.objectContaining({ field: 'name' })] },
        ],
      });
      const imported = await list(admin, { sort: 'name', order: 'asc' }).expect(200);
      expect(imported.body.items).toEqual([
        expect.objectContaining({ name: 'Ana Lima', phone: ana.e164, email: 'ana@email.com', birth_date: '1990-01-31', notes: null, custom_attributes: { convenio: 'Unimed' }, source: 'import' }),
        expect.objectContaining({ name: 'Bia Souza', phone: bia.e164, custom_attributes: {}, source: 'import' }),
      ]);
    });

    it('should read a Brazilian Excel file: BOM, semicolons, Portuguese headers, DD/MM/YYYY and quoted lines', async () => {
      const { admin } = await createClinic(app);
      const phone = mobile();
      const csv = [
        '\ufeffNome;Telefone;E-mail;Data de Nascimento;Observações;Convênio',
        `Joana D'Arc;${phone.typed};JOANA@EMAIL.COM;05/03/1978;"Alergia; asma`,
        `prefere tarde";Bradesco Saúde`,
        '',
        `Zé;+55 21 3456-7890;;;;`,
      ].join('\r\n');
      const response = await importCsv(admin, csv).expect(200);
      expect(response.body).toMatchObject({ total_rows: 2, created: 2, rejected: 0, errors: [] });
      const found = await list(admin, { search: 'Joana' }).expect(200);
      expect(found.body.items).toEqual([
        expect.objectContaining({
          phone: phone.e164,
          email: 'joana@email.com',
          birth_date: '1978-03-05',
          notes: 'Alergia; asma\nprefere tarde',
          custom_attributes: { Convênio: 'Bradesco Saúde' },
        }),
      ]);
    });

    it('should import a phone repeated in the file once, from its first row, and report the others', async () => {
      const { admin } = await createClinic(app);
      const phone = mobile();
      const csv = `nome;telefone\nPrimeira;${phone.typed}\nOutra;${mobile().typed}\nSegunda;${phone.e164}\n`;
      const response = await importCsv(admin, csv).expect(200);
      expect(response.body).toMatchObject({
        total_rows: 3,
        created: 2,
        rejected: 1,
        errors: [{ row: 4, errors: [{ field: 'phone', errors: [expect.stringContaining('repeats row 2')] }] }],
      });
      expect((await list(admin, { search: phone.e164 }).expect(200)).body.items).toEqual([expect.objectContaining({ name: 'Primeira' })]);
    });

    it('should only fill the empty fields of a patient who already has the phone', async () => {
      const { admin } = await createClinic(app);
      const phone = mobile();
      const existing = await addContactOk(admin, { name: 'Nome da Recepção', phone: phone.typed, notes: 'nota da equipe' });
      const csv = `name,phone,email,notes,plano\nNome da Planilha,${phone.e164},novo@email.com,nota da planilha,Ouro\n`;
      const first = await importCsv(admin, csv).expect(200);
      expect(first.body).toMatchObject({ total_rows: 1, created: 0, updated: 1, unchanged: 0, rejected: 0 });
      const after = await getContact(admin, existing.id).expect(200);
      expect(after.body).toMatchObject({
        name: 'Nome da Recepção',
        notes: 'nota da equipe',
        email: 'novo@email.com',
        custom_attributes: { plano: 'Ouro' },
        source: 'manual',
      });
      const again = await importCsv(admin, csv).expect(200);
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    });

    it('should import into the caller’s clinic only, even for a phone another clinic has', async () => {
      const clinicA = await createClinic(app);
      const clinicB = await createClinic(app);
      const phone = mobile();
      const theirs = await addContactOk(clinicA.admin, { phone: phone.typed });
      const response = await importCsv(clinicB.admin, `name,phone,email\nOutra Pessoa,${phone.e164},x@email.com\n`).expect(200);
      expect(response.body).toMatchObject({ created: 1, updated: 0 });
      await getContact(clinicA.admin, theirs.id).expect(200, theirs);
    });

    it('should audit the import with its counts', async () => {
      const { admin } = await createClinic(app);
      await importCsv(admin, `name,phone\nAna,${mobile().typed}\nRuim,1\n`).expect(200);
      const logs = await http(app).get(`${PREFIX}/audit-logs`).query({ action: 'contact.imported' }).set(...bearer(admin)).expect(200);
      expect(logs.body.items).toEqual([
        expect.objectContaining({ entity_type: 'contact', metadata: { total_rows: 2, created: 1, updated: 0, unchanged: 0, rejected: 1 } }),
      ]);
    });

    it.each([
      ['no phone column', 'name,email\nAna,a@b.com\n'],
      ['two phone columns', 'nome;telefone;celular\nAna;11987654321;11987654322\n'],
      ['an empty file', '\n\n'],
      ['an unclosed quote', 'name,phone\n"Ana,11987654321\n'],
    ])('should answer 400 CONTACT_IMPORT_INVALID_CSV for %s', async (_label, csv) => {
      const { admin } = await createClinic(app);
      expectError(await importCsv(admin, csv), 400, 'CONTACT_IMPORT_INVALID_CSV');
    });

    it('should answer 413 CONTACT_IMPORT_TOO_LARGE past 5,000 rows, importing nothing', async () => {
      const { admin } = await createClinic(app);
      const rows = Array.from({ length: 5001 }, (_, i) => `P${i},+55119${String(10_000_000 + i)}`);
      const response = await importCsv(admin, ['name,phone', ...rows].join('\n'));
      expectError(response, 413, 'CONTACT_IMPORT_TOO_LARGE');
      expect(response.body.details).toMatchObject({ max_rows: 5000 });
      expect((await list(admin).expect(200)).body.total).toBe(0);
    });

    it.each([
      ['a missing csv', {}, 'csv'],
      ['an empty csv', { csv: '' }, 'csv'],
      ['an unknown field', { csv: 'name,phone\n', mode: 'replace' }, 'mode'],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_label, body, field) => {
      const { admin } = await createClinic(app);
      expectInvalidFields(await http(app).post(IMPORT).set(...bearer(admin)).send(body), [field]);
    });

    it('should refuse a CSV sent as text/csv, since the API speaks JSON only', async () => {
      const { admin } = await createClinic(app);
      const response = await http(app).post(IMPORT).set(...bearer(admin)).set('Content-Type', 'text/csv').send('name,phone\n');
      expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });
  });
});
