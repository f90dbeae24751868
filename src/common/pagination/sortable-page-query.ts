import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { Page, PageQueryDto, toPage } from './page-query.dto';

export type SortOrder = 'asc' | 'desc';

export interface SortablePageQuery<F extends string> extends PageQueryDto {
  sort: F;
  order: SortOrder;
}

/**
 * A page query that also sorts by one of `fields` (whitelisted, so no column name comes from the client).
 * `class ListUsersQueryDto extends SortablePageQueryDto(['created_at', 'name'], 'created_at') { … }`
 */
export function SortablePageQueryDto<F extends string>(fields: readonly F[], defaultField: F) {
  class SortableQuery extends PageQueryDto {
    @ApiPropertyOptional({ enum: fields, default: defaultField, example: defaultField })
    @IsOptional()
    @IsIn(fields)
    sort: F = defaultField;

    @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc', example: 'desc' })
    @IsOptional()
    @IsIn(['asc', 'desc'])
    order: SortOrder = 'desc';
  }
  return SortableQuery;
}

/**
 * Sorts a list query by the whitelisted column, with the row id as tie-breaker so pages stay stable when sort
 * values repeat, and limits it to one page.
 */
export function pageOf<T extends ObjectLiteral, F extends string>(
  qb: SelectQueryBuilder<T>,
  query: SortablePageQuery<F>,
  columns: Record<F, string>,
): SelectQueryBuilder<T> {
  const direction = query.order === 'asc' ? 'ASC' : 'DESC';
  return qb.orderBy(columns[query.sort], direction).addOrderBy(`${qb.alias}.id`, direction).offset(query.offset).limit(query.limit);
}

/** Runs a list query for one page (`pageOf`) and counts every matching row. */
export async function findPage<T extends ObjectLiteral, F extends string>(
  qb: SelectQueryBuilder<T>,
  query: SortablePageQuery<F>,
  columns: Record<F, string>,
): Promise<Page<T>> {
  const [rows, total] = await pageOf(qb, query, columns).getManyAndCount();
  return toPage(rows, total, query);
}
