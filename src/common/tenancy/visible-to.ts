import { FindOptionsWhere } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';

/**
 * Scopes a TypeORM `where` to the caller's organization. Out-of-scope rows simply do not match,
 * so a miss answers 404 whether the row is missing or another clinic's: existence never leaks.
 */
export function inOrganization<T extends { organizationId: string }>(
  actor: Pick<AuthUser, 'organizationId'>,
  where: FindOptionsWhere<T> = {},
): FindOptionsWhere<T> {
  return { ...where, organizationId: actor.organizationId } as FindOptionsWhere<T>;
}
