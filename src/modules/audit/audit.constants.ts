/** Audit actions: `<entity>.<verb>`, stable strings the dashboard filters on. */
export enum AuditAction {
  LoginSucceeded = 'auth.login_succeeded',
  LoginFailed = 'auth.login_failed',
  Logout = 'auth.logout',
  LogoutAll = 'auth.logout_all',
  RefreshReuseDetected = 'auth.refresh_reuse_detected',
  Registered = 'auth.registered',
  UserCreated = 'user.created',
  UserUpdated = 'user.updated',
  UserDeleted = 'user.deleted',
  PasswordChanged = 'user.password_changed',
  OrganizationCreated = 'organization.created',
  OrganizationUpdated = 'organization.updated',
  OrganizationSuspended = 'organization.suspended',
  OrganizationReactivated = 'organization.reactivated',
}

export enum AuditEntityType {
  User = 'user',
  Organization = 'organization',
  Session = 'session',
}
