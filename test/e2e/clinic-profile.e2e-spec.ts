import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from 'supertest';
import { bearer, http, PREFIX, Session } from '../support/api';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { createClinic, createMember } from '../support/factories';

const PROFILE = `${PREFIX}/clinic-profile`;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function fullProfile(): Record<string, unknown> {
  return {
    name: '  Clínica Sorriso  ',
    address: 'Rua Augusta, 100 - Consolação, São Paulo - SP',
    phone: '(11) 3000-0000',
    email: 'Contato@Sorriso.com.br',
    business_hours: {
      weekly: [
        { weekday: 6, intervals: [{ start: '08:00', end: '12:00' }] },
        { weekday: 1, intervals: [{ start: '13:00', end: '19:00' }, { start: '08:00', end: '12:00' }] },
      ],
      exceptions: [{ date: '2026-12-24', intervals: [{ start: '08:00', end: '12:00' }], reason: 'Véspera de Natal' }],
      holidays: [{ date: '2026-12-25', name: 'Natal' }],
    },
    accepted_insurances: ['Unimed', 'Amil'],
    services: [{ name: 'Limpeza dental', description: 'Com flúor.', price_cents: 18000, duration_minutes: 45 }, { name: 'Implante' }],
  };
}

describe('Clinic profile (e2e)', () => {
  let app: NestFastifyApplication;

  withTestApp((created) => (app = created));

  const getProfile = (session: Session): Test => http(app).get(PROFILE).set(...bearer(session));
  const putProfile = (session: Session, body: Record<string, unknown>): Test => http(app).put(PROFILE).set(...bearer(session)).send(body);

  describe('GET /clinic-profile', () => {
    it('should answer an empty profile named after the organization before one is saved', async () => {
      const clinic = await createClinic(app, { name: 'Clínica Vazia' });
      const response = await getProfile(clinic.admin).expect(200);
      expect(response.body).toEqual({
        name: 'Clínica Vazia',
        address: null,
        phone: null,
        email: null,
        timezone: 'America/Sao_Paulo',
        business_hours: { weekly: [], exceptions: [], holidays: [] },
        accepted_insurances: [],
        services: [],
        open_now: false,
        next_opening_at: null,
        knowledge_version: 0,
        updated_at: null,
      });
    });

    it('should let every clinic member read it', async () => {
      const { admin } = await createClinic(app);
      await putProfile(admin, fullProfile()).expect(200);
      for (const role of ['secretary', 'viewer'] as const) {
        const member = await createMember(app, admin, role);
        expect((await getProfile(member).expect(200)).body.name).toBe('Clínica Sorriso');
      }
    });

    it('should answer 401 without a token', async () => {
      expectError(await http(app).get(PROFILE), 401, 'UNAUTHENTICATED');
      expectError(await http(app).put(PROFILE).send(fullProfile()), 401, 'UNAUTHENTICATED');
    });
  });

  describe('PUT /clinic-profile', () => {
    it('should store the profile normalised (trimmed, sorted) and answer it', async () => {
      const { admin } = await createClinic(app);
      const response = await putProfile(admin, fullProfile()).expect(200);
      expect(response.body).toEqual({
        name: 'Clínica Sorriso',
        address: 'Rua Augusta, 100 - Consolação, São Paulo - SP',
        phone: '(11) 3000-0000',
        email: 'contato@sorriso.com.br',
        timezone: 'America/Sao_Paulo',
        business_hours: {
          weekly: [
            { weekday: 1, intervals: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '19:00' }] },
            { weekday: 6, intervals: [{ start: '08:00', end: '12:00' }] },
          ],
          exceptions: [{ date: '2026-12-24', intervals: [{ start: '08:00', end: '12:00' }], reason: 'Véspera de Natal' }],
          holidays: [{ date: '2026-12-25', name: 'Natal' }],
        },
        accepted_insurances: ['Unimed', 'Amil'],
        services: [
          { name: 'Limpeza dental', description: 'Com flúor.', price_cents: 18000, duration_minutes: 45 },
          { name: 'Implante', description: null, price_cents: null, duration_minutes: null },
        ],
        open_now: expect.any(Boolean),
        next_opening_at: expect.stringMatching(ISO_DATE),
        knowledge_version: 1,
        updated_at: expect.stringMatching(ISO_DATE),
      });
      // open_now and next_opening_at depend on the moment of the request.
      const { open_now: _openNow, next_opening_at: _nextOpening, ...stored } = response.body as Record<string, unknown>;
      expect((await getProfile(admin).expect(200)).body).toMatchObject(stored);
    });

    it('should bump the version and audit only when something changed', async () => {
      const { admin } = await createClinic(app);
      await putProfile(admin, fullProfile()).expect(200);
      expect((await putProfile(admin, fullProfile()).expect(200)).body.knowledge_version).toBe(1);
      const changed = await putProfile(admin, { ...fullProfile(), phone: '(11) 3111-1111', accepted_insurances: ['Unimed'] }).expect(200);
      expect(changed.body.knowledge_version).toBe(2);
      const logs = await http(app).get(`${PREFIX}/audit-logs`).query({ action: 'clinic_profile.updated' }).set(...bearer(admin)).expect(200);
      expect(logs.body.items).toHaveLength(2);
      expect(logs.body.items[0]).toMatchObject({
        entity_type: 'clinic_profile',
        changes: { phone: { old: '(11) 3000-0000', new: '(11) 3111-1111' }, accepted_insurances: { old: ['Unimed', 'Amil'], new: ['Unimed'] } },
      });
    });

    it('should clear left-out fields but keep the time zone, and change the organization’s time zone when given', async () => {
      const { admin } = await createClinic(app);
      await putProfile(admin, fullProfile()).expect(200);
      const cleared = await putProfile(admin, { name: 'Clínica Sorriso', business_hours: { weekly: [] } }).expect(200);
      expect(cleared.body).toMatchObject({ address: null, accepted_insurances: [], services: [], timezone: 'America/Sao_Paulo', open_now: false, next_opening_at: null });
      const moved = await putProfile(admin, { name: 'Clínica Sorriso', business_hours: { weekly: [] }, timezone: 'America/Manaus' }).expect(200);
      expect(moved.body).toMatchObject({ timezone: 'America/Manaus', knowledge_version: cleared.body.knowledge_version + 1 });
      expect((await http(app).get(`${PREFIX}/organizations/me`).set(...bearer(admin)).expect(200)).body.timezone).toBe('America/Manaus');
    });

    it('should say whether the clinic is open now by its hours', async () => {
      const { admin } = await createClinic(app);
      const always = { weekly: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, intervals: [{ start: '00:00', end: '24:00' }] })) };
      const before = Date.now();
      const response = await putProfile(admin, { name: 'Clínica 24 horas', business_hours: always }).expect(200);
      expect(response.body.open_now).toBe(true);
      expect(Date.parse(response.body.next_opening_at)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(response.body.next_opening_at)).toBeLessThanOrEqual(Date.now());
    });

    it.each([
      ['a malformed time', { weekly: [{ weekday: 1, intervals: [{ start: '8h', end: '12:00' }] }] }, 'business_hours.weekly.0.intervals.0.start'],
      ['an interval ending before it starts', { weekly: [{ weekday: 1, intervals: [{ start: '13:00', end: '12:00' }] }] }, 'business_hours.weekly.0.intervals'],
      [
        'overlapping intervals',
        { weekly: [{ weekday: 1, intervals: [{ start: '08:00', end: '12:00' }, { start: '11:59', end: '13:00' }] }] },
        'business_hours.weekly.0.intervals',
      ],
      ['an interval crossing midnight', { weekly: [{ weekday: 5, intervals: [{ start: '22:00', end: '02:00' }] }] }, 'business_hours.weekly.0.intervals'],
      ['weekday 7', { weekly: [{ weekday: 7, intervals: [] }] }, 'business_hours.weekly.0.weekday'],
      ['a repeated weekday', { weekly: [{ weekday: 1, intervals: [] }, { weekday: 1, intervals: [] }] }, 'business_hours.weekly'],
      ['an impossible holiday date', { weekly: [], holidays: [{ date: '2026-02-30', name: 'X' }] }, 'business_hours.holidays.0.date'],
      ['an exception without intervals list', { weekly: [], exceptions: [{ date: '2026-12-24' }] }, 'business_hours.exceptions.0.intervals'],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_label, hours, field) => {
      const { admin } = await createClinic(app);
      expectInvalidFields(await putProfile(admin, { name: 'Clínica', business_hours: hours }), [field]);
    });

    it('should explain what is wrong with the hours', async () => {
      const { admin } = await createClinic(app);
      const response = await putProfile(admin, {
        name: 'Clínica',
        business_hours: { weekly: [{ weekday: 1, intervals: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '14:00' }] }] },
      });
      expect(response.body.details).toContainEqual({ field: 'business_hours.weekly.0.intervals', errors: ['intervals 08:00–12:00 and 11:00–14:00 overlap'] });
    });

    it.each([
      ['an unknown time zone', { timezone: 'America/Atlantida' }, 'timezone'],
      ['a negative price', { services: [{ name: 'Limpeza', price_cents: -100 }] }, 'services.0.price_cents'],
      ['a price in reais with cents', { services: [{ name: 'Limpeza', price_cents: 180.5 }] }, 'services.0.price_cents'],
      ['a repeated insurance', { accepted_insurances: ['Unimed', 'UNIMED'] }, 'accepted_insurances'],
      ['a malformed email', { email: 'contato' }, 'email'],
      ['no business hours', { business_hours: undefined }, 'business_hours'],
      ['an unknown field', { organization_id: '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60' }, 'organization_id'],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_label, fields, field) => {
      const { admin } = await createClinic(app);
      expectInvalidFields(await putProfile(admin, { ...fullProfile(), ...fields }), [field]);
    });

    it('should refuse secretaries and viewers (403) and leave the profile alone', async () => {
      const { admin } = await createClinic(app);
      await putProfile(admin, fullProfile()).expect(200);
      for (const role of ['secretary', 'viewer'] as const) {
        const member = await createMember(app, admin, role);
        expectError(await putProfile(member, { ...fullProfile(), name: 'Invasão' }), 403, 'FORBIDDEN');
      }
      expect((await getProfile(admin).expect(200)).body).toMatchObject({ name: 'Clínica Sorriso', knowledge_version: 1 });
    });

    it('should keep each clinic’s profile to itself', async () => {
      const clinicA = await createClinic(app);
      const clinicB = await createClinic(app, { name: 'Clínica B' });
      await putProfile(clinicA.admin, fullProfile()).expect(200);
      const other = await getProfile(clinicB.admin).expect(200);
      expect(other.body).toMatchObject({ name: 'Clínica B', address: null, accepted_insurances: [], knowledge_version: 0 });
    });
  });
});
