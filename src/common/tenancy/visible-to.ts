import { Brackets, FindOptionsWhere, IsNull, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { hasPermission, Permission } from 'src/common/auth/permissions';

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

type Assignable = { organizationId: string; assignedToId: string | null };

/** True when the caller sees only her own and unassigned work items (secretaries). */
export function seesOnlyOwnWork(actor: Pick<AuthUser, 'role'>): boolean {
  return !hasPermission(actor.role, Permission.ConversationsReadAll);
}

/**
 * `inOrganization`, plus for secretaries "assigned to me or unassigned": a secretary must not learn that
 * another secretary's item exists, so it is a 404 like any other out-of-scope id.
 */
export function visibleTo<T extends Assignable>(
  actor: Pick<AuthUser, 'organizationId' | 'userId' | 'role'>,
  where: FindOptionsWhere<T> = {},
): FindOptionsWhere<T> | FindOptionsWhere<T>[] {
  const scoped = inOrganization<T>(actor, where);
  if (!seesOnlyOwnWork(actor)) return scoped;
  return [
    { ...scoped, assignedToId: actor.userId } as FindOptionsWhere<T>,
    { ...scoped, assignedToId: IsNull() } as FindOptionsWhere<T>,
  ];
}

/** The same scope for a query builder whose alias has `organization_id` and `assigned_to_id`. */
export function scopeVisible<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  actor: Pick<AuthUser, 'organizationId' | 'userId' | 'role'>,
): SelectQueryBuilder<T> {
  qb.andWhere(`${alias}.organization_id = :scopeOrganizationId`, { scopeOrganizationId: actor.organizationId });
  if (seesOnlyOwnWork(actor)) {
    qb.andWhere(
      new Brackets((inner) =>
        inner.where(`${alias}.assigned_to_id = :scopeUserId`, { scopeUserId: actor.userId }).orWhere(`${alias}.assigned_to_id IS NULL`),
      ),
    );
  }
  return qb;
}
