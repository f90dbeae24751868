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
  WhatsappSessionsRead = 'whatsapp-sessions:read',
  WhatsappSessionsManage = 'whatsapp-sessions:manage',
  AlertsRead = 'alerts:read',
  AlertsReadAll = 'alerts:read-all',
  AlertsManage = 'alerts:manage',
  ContactsRead = 'contacts:read',
  ContactsWrite = 'contacts:write',
  ContactsDelete = 'contacts:delete',
  ContactsImport = 'contacts:import',
  ConversationsRead = 'conversations:read',
  /** Without it (secretaries), only conversations assigned to the caller and the unassigned queue are visible. */
  ConversationsReadAll = 'conversations:read-all',
  MessagesSend = 'messages:send',
  QueueManage = 'queue:manage',
  LeadsRead = 'leads:read',
  /** Without it (secretaries), only leads assigned to the caller and unassigned ones are visible. */
  LeadsReadAll = 'leads:read-all',
  AiRead = 'ai:read',
  AiManage = 'ai:manage',
  KnowledgeRead = 'knowledge:read',
  KnowledgeManage = 'knowledge:manage',
}

const SELF_SERVICE = [Permission.ProfileRead, Permission.ProfileWrite, Permission.SessionsManage, Permission.PlansRead];

const CLINIC_READ_PERMISSIONS = new Set<Permission>([
  ...SELF_SERVICE,
  Permission.OrganizationRead,
  Permission.UsersRead,
  Permission.WhatsappSessionsRead,
  Permission.ContactsRead,
  Permission.ConversationsRead,
  Permission.ConversationsReadAll,
  Permission.LeadsRead,
  Permission.LeadsReadAll,
  Permission.KnowledgeRead,
]);

// Conversations are further scoped for secretaries: hers and the unassigned queue.
const SECRETARY_PERMISSIONS = new Set<Permission>([
  ...SELF_SERVICE,
  Permission.OrganizationRead,
  Permission.ContactsRead,
  Permission.ContactsWrite,
  Permission.ConversationsRead,
  Permission.MessagesSend,
  Permission.LeadsRead,
  Permission.KnowledgeRead,
]);

const CLINIC_PERMISSIONS = new Set<Permission>([
  ...CLINIC_READ_PERMISSIONS,
  Permission.OrganizationUpdate,
  Permission.UsersWrite,
  Permission.AuditRead,
  Permission.WhatsappSessionsManage,
  Permission.AlertsRead,
  Permission.AlertsManage,
  Permission.ContactsWrite,
  Permission.ContactsDelete,
  Permission.ContactsImport,
  Permission.MessagesSend,
  Permission.AiRead,
  Permission.AiManage,
  Permission.KnowledgeManage,
]);

const PLATFORM_PERMISSIONS = new Set<Permission>([
  ...SELF_SERVICE,
  Permission.OrganizationRead,
  Permission.OrganizationsManage,
  Permission.AuditRead,
  Permission.AuditReadAll,
  Permission.AlertsRead,
  Permission.AlertsReadAll,
  Permission.AlertsManage,
  Permission.QueueManage,
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
