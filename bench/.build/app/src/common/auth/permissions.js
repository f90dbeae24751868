"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ROLE_PERMISSIONS = exports.Permission = void 0;
exports.hasPermission = hasPermission;
const role_enum_1 = require("./role.enum");
var Permission;
(function (Permission) {
    Permission["OrganizationsManage"] = "organizations:manage";
    Permission["PlansRead"] = "plans:read";
    Permission["OrganizationRead"] = "organization:read";
    Permission["OrganizationUpdate"] = "organization:update";
    Permission["UsersRead"] = "users:read";
    Permission["UsersWrite"] = "users:write";
    Permission["ProfileRead"] = "profile:read";
    Permission["ProfileWrite"] = "profile:write";
    Permission["SessionsManage"] = "sessions:manage";
    Permission["AuditRead"] = "audit:read";
    Permission["AuditReadAll"] = "audit:read-all";
    Permission["WhatsappSessionsRead"] = "whatsapp-sessions:read";
    Permission["WhatsappSessionsManage"] = "whatsapp-sessions:manage";
    Permission["AlertsRead"] = "alerts:read";
    Permission["AlertsReadAll"] = "alerts:read-all";
    Permission["AlertsManage"] = "alerts:manage";
    Permission["ContactsRead"] = "contacts:read";
    Permission["ContactsWrite"] = "contacts:write";
    Permission["ContactsDelete"] = "contacts:delete";
    Permission["ContactsImport"] = "contacts:import";
    Permission["ConversationsRead"] = "conversations:read";
    Permission["ConversationsReadAll"] = "conversations:read-all";
    Permission["MessagesSend"] = "messages:send";
    Permission["QueueManage"] = "queue:manage";
})(Permission || (exports.Permission = Permission = {}));
const SELF_SERVICE = [Permission.ProfileRead, Permission.ProfileWrite, Permission.SessionsManage, Permission.PlansRead];
const CLINIC_READ_PERMISSIONS = new Set([
    ...SELF_SERVICE,
    Permission.OrganizationRead,
    Permission.UsersRead,
    Permission.WhatsappSessionsRead,
    Permission.ContactsRead,
    Permission.ConversationsRead,
    Permission.ConversationsReadAll,
]);
const SECRETARY_PERMISSIONS = new Set([
    ...SELF_SERVICE,
    Permission.OrganizationRead,
    Permission.ContactsRead,
    Permission.ContactsWrite,
    Permission.ConversationsRead,
    Permission.MessagesSend,
]);
const CLINIC_PERMISSIONS = new Set([
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
]);
const PLATFORM_PERMISSIONS = new Set([
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
exports.ROLE_PERMISSIONS = {
    [role_enum_1.Role.SuperAdmin]: PLATFORM_PERMISSIONS,
    [role_enum_1.Role.Admin]: CLINIC_PERMISSIONS,
    [role_enum_1.Role.Secretary]: SECRETARY_PERMISSIONS,
    [role_enum_1.Role.Viewer]: CLINIC_READ_PERMISSIONS,
};
function hasPermission(role, permission) {
    return exports.ROLE_PERMISSIONS[role].has(permission);
}
//# sourceMappingURL=permissions.js.map