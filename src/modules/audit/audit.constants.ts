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
  WhatsappSessionCreated = 'whatsapp_session.created',
  WhatsappSessionStarted = 'whatsapp_session.started',
  WhatsappSessionStopped = 'whatsapp_session.stopped',
  WhatsappSessionRestarted = 'whatsapp_session.restarted',
  WhatsappSessionDeleted = 'whatsapp_session.deleted',
  AlertResolved = 'alert.resolved',
}

export enum AuditEntityType {
  User = 'user',
  Organization = 'organization',
  Session = 'session',
  WhatsappSession = 'whatsapp_session',
  Alert = 'alert',
}
