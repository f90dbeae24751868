import { Role } from 'src/common/auth/role.enum';
import { UserEntity } from 'src/modules/users/user.entity';

/** An active admin as loaded from the database; override what a test cares about. */
export function userEntityFactory(overrides: Partial<UserEntity> = {}): UserEntity {
  return Object.assign(new UserEntity(), {
    id: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
    organizationId: '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60',
    name: 'Ana Souza',
    email: 'ana@clinic.com',
    passwordHash: '$argon2id$stored-hash',
    role: Role.Admin,
    isActive: true,
    tokenVersion: 0,
    lastLoginAt: null,
    passwordChangedAt: null,
    deletedAt: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  });
}
