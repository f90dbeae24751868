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
  /** Change a visible conversation's status (close, reopen, transfer…). */
  ConversationsUpdate = 'conversations:update',
  /** Assign or unassign anyone's conversation; without it (secretaries) only one's own can be unassigned or transferred. */
  ConversationsAssign = 'conversations:assign',
  /** Take an unassigned conversation; unassign or transfer one's own. */
  ConversationsClaim = 'conversations:claim',
  /** Download the conversation CSV export (scoped like the list). */
  ConversationsExport = 'conversations:export',
  TagsManage = 'tags:manage',
  /** Tag and untag the conversations the caller can see. */
  ConversationTagsWrite = 'conversation-tags:write',
  /** Write internal notes; editing or deleting is the author's alone unless the caller has NotesManageAll. */
  NotesWrite = 'notes:write',
  NotesManageAll = 'notes:manage-all',
  TemplatesRead = 'templates:read',
  TemplatesManage = 'templates:manage',
  QuickRepliesRead = 'quick-replies:read',
  QuickRepliesManage = 'quick-replies:manage',
  /** Change leads the caller can see (status, notes, assignee, appointment), log interactions, merge duplicates. */
  LeadsWrite = 'leads:write',
  LeadsDelete = 'leads:delete',
  LeadsRestore = 'leads:restore',
  /** One's own notifications (every clinic user has it). */
  NotificationsRead = 'notifications:read',
  DepartmentsRead = 'departments:read',
  DepartmentsManage = 'departments:manage',
  /** The assignment rule, other users' availability, and routing items to departments by hand. */
  AssignmentManage = 'assignment:manage',
}

const SELF_SERVICE = [Permission.ProfileRead, Permission.ProfileWrite, Permission.SessionsManage, Permission.PlansRead, Permission.NotificationsRead];

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
  Permission.TemplatesRead,
  Permission.QuickRepliesRead,
  Permission.DepartmentsRead,
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
  Permission.ConversationsUpdate,
  Permission.ConversationsClaim,
  Permission.ConversationsExport,
  Permission.ConversationTagsWrite,
  Permission.NotesWrite,
  Permission.TemplatesRead,
  Permission.QuickRepliesRead,
  Permission.LeadsWrite,
  Permission.DepartmentsRead,
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
  Permission.ConversationsUpdate,
  Permission.ConversationsAssign,
  Permission.ConversationsClaim,
  Permission.ConversationsExport,
  Permission.TagsManage,
  Permission.ConversationTagsWrite,
  Permission.NotesWrite,
  Permission.NotesManageAll,
  Permission.TemplatesManage,
  Permission.QuickRepliesManage,
  Permission.LeadsWrite,
  Permission.LeadsDelete,
  Permission.LeadsRestore,
  Permission.DepartmentsManage,
  Permission.AssignmentManage,
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
