import { Role } from './role.enum';

/** Every action the API guards. Code checks permissions, never role names. */
export enum Permission {
  OrganizationsManage = 'organizations:manage',
  PlansRead = 'plans:read',
  OrganizationRead = 'organization:read',
  OrganizationUpdate = 'organization:update',
  UsersRead = 'users:read',
  UsersWrite = 'users:write',
  ProfileRead = 'profile:read',
  ProfileWrite = 'profile:write',
  SessionsManage = 'sessions:manage',
  AuditRead = 'audit:read',
  AuditReadAll = 'audit:read-all',
}

const SELF_SERVICE = [Permission.ProfileRead, Permission.ProfileWrite, Permission.SessionsManage, Permission.PlansRead];

const CLINIC_READ_PERMISSIONS = new Set<Permission>([...SELF_SERVICE, Permission.OrganizationRead, Permission.UsersRead]);

const SECRETARY_PERMISSIONS = new Set<Permission>([...SELF_SERVICE, Permission.OrganizationRead]);

const CLINIC_PERMISSIONS = new Set<Permission>([
  ...CLINIC_READ_PERMISSIONS,
  Permission.OrganizationUpdate,
  Permission.UsersWrite,
  Permission.AuditRead,
]);

const PLATFORM_PERMISSIONS = new Set<Permission>([
  ...SELF_SERVICE,
  Permission.OrganizationRead,
  Permission.OrganizationsManage,
  Permission.AuditRead,
  Permission.AuditReadAll,
]);

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  [Role.SuperAdmin]: PLATFORM_PERMISSIONS,
  [Role.Admin]: CLINIC_PERMISSIONS,
  [Role.Secretary]: SECRETARY_PERMISSIONS,
  [Role.Viewer]: CLINIC_READ_PERMISSIONS,
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}
