import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthUser } from 'src/common/auth/auth-user';
import { IS_PUBLIC_KEY, REQUIRED_PERMISSIONS_KEY } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { Role } from 'src/common/auth/role.enum';
import { PermissionsGuard } from './permissions.guard';

function context(metadata: Record<string, unknown>, user?: Partial<AuthUser>): ExecutionContext {
  const handler = () => undefined;
  for (const [key, value] of Object.entries(metadata)) Reflect.defineMetadata(key, value, handler);
  return {
    getHandler: () => handler,
    getClass: () => class {},
    switchToHttp: () => ({ getRequest: () => ({ user }) }),
  } as unknown as ExecutionContext;
}

describe(PermissionsGuard.name, () => {
  const sut = new PermissionsGuard(new Reflector());

  it('should let public routes through', () => {
    expect(sut.canActivate(context({ [IS_PUBLIC_KEY]: true }))).toBe(true);
  });

  it('should deny an authenticated route that declares no permission', () => {
    expect(() => sut.canActivate(context({}, { role: Role.Admin }))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('should allow a role that has every required permission', () => {
    expect(sut.canActivate(context({ [REQUIRED_PERMISSIONS_KEY]: [Permission.UsersWrite] }, { role: Role.Admin }))).toBe(true);
  });

  it('should deny a role that lacks one of them', () => {
    const ctx = context({ [REQUIRED_PERMISSIONS_KEY]: [Permission.UsersRead, Permission.UsersWrite] }, { role: Role.Viewer });
    expect(() => sut.canActivate(ctx)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('should keep platform permissions away from clinic admins', () => {
    const ctx = context({ [REQUIRED_PERMISSIONS_KEY]: [Permission.OrganizationsManage] }, { role: Role.Admin });
    expect(() => sut.canActivate(ctx)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
