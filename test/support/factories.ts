import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer, http, login, loginSuperAdmin, PREFIX, Session, TEST_PASSWORD, uniqueEmail } from './api';

export interface Clinic {
  organizationId: string;
  admin: Session;
}

/** A fresh clinic with its admin logged in, created the way a super admin would. */
export async function createClinic(app: NestFastifyApplication, options: { plan?: string; name?: string } = {}): Promise<Clinic> {
  const superAdmin = await loginSuperAdmin(app);
  const email = uniqueEmail('admin');
  const response = await http(app)
    .post(`${PREFIX}/organizations`)
    .set(...bearer(superAdmin))
    .send({ name: options.name ?? `Clínica ${email.slice(6, 14)}`, plan: options.plan ?? 'professional', admin: { name: 'Admin Teste', email, password: TEST_PASSWORD } });
  if (response.status !== 201) throw new Error(`createClinic failed: ${response.status} ${JSON.stringify(response.body)}`);
  const admin = await login(app, email, TEST_PASSWORD);
  return { organizationId: (response.body as { organization: { id: string } }).organization.id, admin };
}

/** Adds a user with `role` to the admin's clinic and logs them in. */
export async function createMember(app: NestFastifyApplication, admin: Session, role: 'admin' | 'secretary' | 'viewer'): Promise<Session> {
  const email = uniqueEmail(role);
  const response = await http(app)
    .post(`${PREFIX}/users`)
    .set(...bearer(admin))
    .send({ name: `Pessoa ${role}`, email, password: TEST_PASSWORD, role });
  if (response.status !== 201) throw new Error(`createMember failed: ${response.status} ${JSON.stringify(response.body)}`);
  return login(app, email, TEST_PASSWORD);
}

/** A clinic with two secretaries and a viewer, and another clinic: the cast of every scoping test. */
export interface Team {
  clinic: Clinic;
  secretary: Session;
  otherSecretary: Session;
  viewer: Session;
  otherClinic: Clinic;
}

export async function createTeam(app: NestFastifyApplication): Promise<Team> {
  const clinic = await createClinic(app);
  return {
    clinic,
    secretary: await createMember(app, clinic.admin, 'secretary'),
    otherSecretary: await createMember(app, clinic.admin, 'secretary'),
    viewer: await createMember(app, clinic.admin, 'viewer'),
    otherClinic: await createClinic(app),
  };
}
