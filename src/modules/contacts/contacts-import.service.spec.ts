import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { CsvContactRow } from './contacts-csv';
import { ContactsImportService, validateRows } from './contacts-import.service';

const organizationId = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';
const admin: AuthUser = { userId: 'acting-admin-id', organizationId, role: Role.Admin, jti: 'jti', sessionId: 'session-1', tokenExpiresAt: 1_900_000_000 };

function row(line: number, input: Partial<CsvContactRow['input']>, errors: CsvContactRow['errors'] = []): CsvContactRow {
  return { line, input: { custom_attributes: {}, ...input }, errors };
}

describe('validateRows', () => {
  it('should accept a valid row with its values normalised like POST /contacts', () => {
    const { accepted, errors } = validateRows([
      row(2, { name: ' Ana ', phone: '(11) 98765-4321', email: 'ANA@X.COM', birth_date: '1985-04-12', notes: 'nota', custom_attributes: { plano: 'Ouro' } }),
    ]);
    expect(errors).toEqual([]);
    expect(accepted).toEqual([
      { name: 'Ana', phone: '+5511987654321', email: 'ana@x.com', birth_date: '1985-04-12', notes: 'nota', custom_attributes: { plano: 'Ouro' } },
    ]);
  });

  it('should fill absent optional fields with null', () => {
    const { accepted } = validateRows([row(2, { name: 'Ana', phone: '11987654321' })]);
    expect(accepted).toEqual([{ name: 'Ana', phone: '+5511987654321', email: null, birth_date: null, notes: null, custom_attributes: {} }]);
  });

  it('should report every invalid field of a row under its line', () => {
    const { accepted, errors } = validateRows([row(7, { phone: '12', email: 'nope', birth_date: '2999-01-01' })]);
    expect(accepted).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0].row).toBe(7);
    expect(errors[0].errors.map((error) => error.field).sort()).toEqual(['birth_date', 'email', 'name', 'phone']);
  });

  it('should refuse an attribute value past the size limit', () => {
    const { errors } = validateRows([row(2, { name: 'Ana', phone: '11987654321', custom_attributes: { a: 'x'.repeat(9000) } })]);
    expect(errors).toEqual([{ row: 2, errors: [{ field: 'custom_attributes', errors: ['custom_attributes must be at most 8192 bytes as JSON'] }] }]);
  });

  it('should keep the first row of a phone however it is written and report the later ones', () => {
    const { accepted, errors } = validateRows([
      row(2, { name: 'Primeira', phone: '(11) 98765-4321' }),
      row(3, { name: 'Outra', phone: '11 3210-4567' }),
      row(5, { name: 'Segunda', phone: '+55 11 8765-4321' }),
    ]);
    expect(accepted.map((contact) => contact.name)).toEqual(['Primeira', 'Outra']);
    expect(errors).toEqual([{ row: 5, errors: [{ field: 'phone', errors: ['phone repeats row 2; only the first row of a phone is imported'] }] }]);
  });

  it('should let a later valid row win when the first row of a phone was invalid', () => {
    const { accepted, errors } = validateRows([row(2, { name: 'Ruim', phone: '11987654321', email: 'x' }), row(3, { name: 'Boa', phone: '11987654321' })]);
    expect(accepted.map((contact) => contact.name)).toEqual(['Boa']);
    expect(errors.map((error) => error.row)).toEqual([2]);
  });

  it('should pass structural errors through without validating the row', () => {
    const structural = [{ field: 'row', errors: ['row has 4 cells but the header has 3'] }];
    expect(validateRows([row(4, { name: 'Ana', phone: '11987654321' }, structural)])).toEqual({ accepted: [], errors: [{ row: 4, errors: structural }] });
  });
});

describe(ContactsImportService.name, () => {
  let sut: ContactsImportService;
  let query: jest.Mock;
  let audit: jest.Mocked<Pick<AuditService, 'record'>>;
  let manager: EntityManager;

  beforeEach(() => {
    query = jest.fn();
    manager = { query } as unknown as EntityManager;
    const dataSource = { transaction: jest.fn(async (work: (manager: EntityManager) => Promise<unknown>) => work(manager)) };
    audit = { record: jest.fn() };
    sut = new ContactsImportService(dataSource as unknown as DataSource, audit as unknown as AuditService);
  });

  it('should upsert the valid rows in one statement and count created, updated and unchanged', async () => {
    query.mockResolvedValue([{ created: true }, { created: false }]);
    const csv = 'nome;telefone;email\nAna;11987654321;\nBia;11987654322;bia@x.com\nCaio;11987654323;\nRuim;12;\n';

    const result = await sut.import(admin, { csv });

    expect(result).toEqual({
      total_rows: 4,
      created: 1,
      updated: 1,
      unchanged: 1,
      rejected: 1,
      errors: [{ row: 5, errors: [expect.objectContaining({ field: 'phone' })] }],
    });
    expect(query).toHaveBeenCalledTimes(1);
    const [sql, [org, payload]] = query.mock.calls[0] as [string, [string, string]];
    expect(sql).toContain('ON CONFLICT (organization_id, phone) WHERE deleted_at IS NULL AND phone IS NOT NULL');
    expect(org).toBe(organizationId);
    expect(JSON.parse(payload)).toEqual([
      { name: 'Ana', phone: '+5511987654321', email: null, birth_date: null, notes: null, custom_attributes: {} },
      { name: 'Bia', phone: '+5511987654322', email: 'bia@x.com', birth_date: null, notes: null, custom_attributes: {} },
      { name: 'Caio', phone: '+5511987654323', email: null, birth_date: null, notes: null, custom_attributes: {} },
    ]);
  });

  it('should audit the import with its counts but no row contents', async () => {
    query.mockResolvedValue([{ created: true }]);
    await sut.import(admin, { csv: 'name,phone\nAna,11987654321\n' });
    expect(audit.record).toHaveBeenCalledWith(
      {
        organizationId,
        actor: admin,
        action: AuditAction.ContactsImported,
        entityType: AuditEntityType.Contact,
        metadata: { total_rows: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 },
      },
      manager,
    );
  });

  it('should write nothing but the audit entry when every row is rejected', async () => {
    const result = await sut.import(admin, { csv: 'name,phone\nAna,1\n,11987654321\n' });
    expect(query).not.toHaveBeenCalled();
    expect(result).toMatchObject({ total_rows: 2, created: 0, updated: 0, unchanged: 0, rejected: 2 });
    expect(audit.record).toHaveBeenCalledTimes(1);
  });

  it('should refuse an unusable file before opening a transaction', async () => {
    await expect(sut.import(admin, { csv: 'nome;email\nAna;a@b.c\n' })).rejects.toMatchObject({ code: 'CONTACT_IMPORT_INVALID_CSV' });
    expect(query).not.toHaveBeenCalled();
    expect(audit.record).not.toHaveBeenCalled();
  });
});
