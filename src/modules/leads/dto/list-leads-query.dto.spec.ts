import { ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe } from 'src/common/validation/validation';
import { ListLeadsQueryDto } from './list-leads-query.dto';

const metadata: ArgumentMetadata = { type: 'query', metatype: ListLeadsQueryDto };

describe(ListLeadsQueryDto.name, () => {
  const pipe = createValidationPipe();

  it('should default to the newest leads, 20 a page', async () => {
    await expect(pipe.transform({}, metadata)).resolves.toMatchObject({ page: 1, limit: 20, sort: 'created_at', order: 'desc' });
  });

  it('should read status and source lists and numeric scores', async () => {
    await expect(pipe.transform({ status: 'READY,NEW', source: ['WHATSAPP', 'REFERRAL'], min_score: '40', max_score: '40' }, metadata)).resolves.toMatchObject({
      status: ['READY', 'NEW'],
      source: ['WHATSAPP', 'REFERRAL'],
      min_score: 40,
      max_score: 40,
    });
  });

  it('should accept a user id or "none" as assignee', async () => {
    await expect(pipe.transform({ assigned_to_id: 'none' }, metadata)).resolves.toMatchObject({ assigned_to_id: 'none' });
    const id = '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f';
    await expect(pipe.transform({ assigned_to_id: id }, metadata)).resolves.toMatchObject({ assigned_to_id: id });
  });

  it.each([
    ['an unknown status', { status: 'NEW,OPEN' }, 'status'],
    ['an unknown source', { source: 'TIKTOK' }, 'source'],
    ['a malformed assignee', { assigned_to_id: 'nobody' }, 'assigned_to_id'],
    ['an empty assignee', { assigned_to_id: '' }, 'assigned_to_id'],
    ['a fractional score', { min_score: '4.5' }, 'min_score'],
    ['a score above 100', { max_score: '101' }, 'max_score'],
    ['a negative score', { min_score: '-1' }, 'min_score'],
    ['a non-numeric score', { min_score: 'alto' }, 'min_score'],
    ['max_score below min_score', { min_score: '70', max_score: '40' }, 'max_score'],
    ['a non-date created_from', { created_from: 'ontem' }, 'created_from'],
    ['created_to before created_from', { created_from: '2026-11-30T00:00:00Z', created_to: '2026-11-01T00:00:00Z' }, 'created_to'],
    ['an unknown sort', { sort: 'name' }, 'sort'],
    ['an unknown order', { order: 'up' }, 'order'],
    ['an unknown parameter', { organization_id: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f' }, 'organization_id'],
  ])('should answer VALIDATION_FAILED for %s', async (_label, query, field) => {
    await expect(pipe.transform(query, metadata)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field })] });
  });
});
