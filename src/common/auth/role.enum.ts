export enum Role {
  SuperAdmin = 'super_admin',
  Admin = 'admin',
  Secretary = 'secretary',
  Viewer = 'viewer',
}

/** Roles an organization admin may give; super_admin is a platform role and never assignable through the API. */
export const CLINIC_ROLES = [Role.Admin, Role.Secretary, Role.Viewer] as const;
export type ClinicRole = (typeof CLINIC_ROLES)[number];
