import 'reflect-metadata';
import { DataSource, EntityManager } from 'typeorm';
import { authConfig } from 'src/config/auth.config';
import { databaseConfig } from 'src/config/database.config';
import { Role } from 'src/common/auth/role.enum';
import { buildTypeOrmOptions } from 'src/database/typeorm.options';
import { OrganizationEntity, OrganizationStatus } from 'src/modules/organizations/organization.entity';
import { PlanCode } from 'src/modules/organizations/plan.entity';
import { PasswordService } from 'src/modules/users/password.service';
import { UserEntity } from 'src/modules/users/user.entity';
import { seedDemoClinicKnowledge } from './demo-clinic';

export const DEMO_CLINIC_NAME = 'Clínica Exemplo';
const PLATFORM_NAME = 'Robbot Platform';

export const DEMO_USERS: ReadonlyArray<{ name: string; email: string; role: Role }> = [
  { name: 'Dra. Helena Prado', email: 'admin@clinicaexemplo.com.br', role: Role.Admin },
  { name: 'Ana Souza', email: 'ana@clinicaexemplo.com.br', role: Role.Secretary },
  { name: 'Bruno Lima', email: 'bruno@clinicaexemplo.com.br', role: Role.Secretary },
  { name: 'Carla Dias', email: 'carla@clinicaexemplo.com.br', role: Role.Viewer },
];

async function upsertOrganization(manager: EntityManager, fields: Partial<OrganizationEntity>, isPlatform: boolean): Promise<OrganizationEntity> {
  const repository = manager.getRepository(OrganizationEntity);
  const existing = isPlatform ? await repository.findOneBy({ isPlatform: true }) : await repository.findOneBy({ name: fields.name, isPlatform: false });
  return existing ?? repository.save(repository.create({ ...fields, isPlatform, status: OrganizationStatus.Active }));
}

/** Creates the user, or resets its role, password and active flag so the documented logins always work. */
async function upsertUser(manager: EntityManager, organizationId: string, user: { name: string; email: string; role: Role }, passwordHash: string): Promise<void> {
  const repository = manager.getRepository(UserEntity);
  const existing = await repository.findOneBy({ email: user.email });
  if (existing) {
    if (existing.organizationId !== organizationId) throw new Error(`${user.email} belongs to another organization; refusing to move it`);
    await repository.update({ id: existing.id }, { role: user.role, isActive: true, passwordHash });
    return;
  }
  await repository.insert(repository.create({ ...user, organizationId, passwordHash, isActive: true, passwordChangedAt: new Date() }));
}

export async function seedDemo(dataSource: DataSource): Promise<void> {
  const auth = authConfig();
  const passwords = new PasswordService();
  const [superAdminHash, demoHash] = await Promise.all([passwords.hash(auth.superAdminPassword), passwords.hash(auth.demoUserPassword)]);
  await dataSource.transaction(async (manager) => {
    const platform = await upsertOrganization(manager, { name: PLATFORM_NAME, plan: PlanCode.Enterprise }, true);
    await upsertUser(manager, platform.id, { name: 'Robbot Super Admin', email: auth.superAdminEmail.toLowerCase(), role: Role.SuperAdmin }, superAdminHash);
    const clinic = await upsertOrganization(manager, { name: DEMO_CLINIC_NAME, plan: PlanCode.Professional }, false);
    for (const user of DEMO_USERS) await upsertUser(manager, clinic.id, user, demoHash);
    await seedDemoClinicKnowledge(manager, clinic.id);
  });
}

async function main(): Promise<void> {
  const dataSource = await new DataSource(buildTypeOrmOptions(databaseConfig())).initialize();
  try {
    await seedDemo(dataSource);
    const auth = authConfig();
    console.log(`Demo data ready.\n  super admin: ${auth.superAdminEmail} (SUPER_ADMIN_PASSWORD)`);
    for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(11)} ${user.email} (DEMO_USER_PASSWORD)`);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
