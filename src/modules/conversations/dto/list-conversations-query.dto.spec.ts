import { ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe } from 'src/common/validation/validation';
import { ListConversationsQueryDto } from './list-conversations-query.dto';

const metadata: ArgumentMetadata = { type: 'query', metatype: ListConversationsQueryDto };

describe(ListConversationsQueryDto.name, () => {
  const pipe = createValidationPipe();

  it('should read a comma list, repeated values and a mix of both as one de-duplicated list', async () => {
    await expect(pipe.transform({ status: 'ACTIVE,WAITING_SECRETARY' }, metadata)).resolves.toMatchObject({ status: ['ACTIVE', 'WAITING_SECRETARY'] });
    await expect(pipe.transform({ status: ['ACTIVE', 'CLOSED,ACTIVE'] }, metadata)).resolves.toMatchObject({ status: ['ACTIVE', 'CLOSED'] });
  });

  it('should default to the first page of 20', async () => {
    await expect(pipe.transform({}, metadata)).resolves.toMatchObject({ page: 1, limit: 20 });
  });

  it.each([
    ['an unknown status', { status: 'ACTIVE,OPEN' }, 'status'],
    ['an empty status', { status: '' }, 'status'],
    ['a malformed session id', { session_id: '42' }, 'session_id'],
    ['a malformed contact id', { contact_id: 'x' }, 'contact_id'],
    ['a non-date from', { from: 'yesterday' }, 'from'],
    ['from after to', { from: '2026-11-30T00:00:00Z', to: '2026-11-01T00:00:00Z' }, 'to'],
    ['an out-of-range limit', { limit: '101' }, 'limit'],
  ])('should answer VALIDATION_FAILED for %s', async (_label, query, field) => {
    await expect(pipe.transform(query, metadata)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field })] });
  });

  it('should accept a one-instant range', async () => {
    await expect(pipe.transform({ from: '2026-11-01T00:00:00Z', to: '2026-11-01T00:00:00Z' }, metadata)).resolves.toBeInstanceOf(ListConversationsQueryDto);
  });
});
