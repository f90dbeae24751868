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
    ['an unknown owner', { owner: 'robot' }, 'owner'],
    ['an assignee that is neither a uuid, me nor none', { assigned_to: 'someone' }, 'assigned_to'],
    ['a malformed tag id', { tag_id: 'vip' }, 'tag_id'],
    ['a non-boolean urgent', { urgent: 'yes' }, 'urgent'],
    ['a non-boolean unread', { unread: '1' }, 'unread'],
    ['created_from after created_to', { created_from: '2026-11-30T00:00:00Z', created_to: '2026-11-01T00:00:00Z' }, 'created_to'],
    ['an unknown sort', { sort: 'name' }, 'sort'],
  ])('should answer VALIDATION_FAILED for %s', async (_label, query, field) => {
    await expect(pipe.transform(query, metadata)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field })] });
  });

  it('should accept a one-instant range', async () => {
    await expect(pipe.transform({ from: '2026-11-01T00:00:00Z', to: '2026-11-01T00:00:00Z' }, metadata)).resolves.toBeInstanceOf(ListConversationsQueryDto);
  });

  it('should read the workspace filters and default the sort to the latest activity', async () => {
    const tag = '4f2a6c8e-0b1d-4e3f-9a5b-7c9d1e3f5a7b';
    await expect(pipe.transform({ assigned_to: 'me', urgent: 'true', unread: 'false', tag_id: tag, owner: 'human' }, metadata)).resolves.toMatchObject({
      assigned_to: 'me',
      urgent: true,
      unread: false,
      tag_id: [tag],
      owner: 'human',
      sort: 'last_message_at',
    });
    await expect(pipe.transform({ assigned_to: 'none', sort: 'urgency' }, metadata)).resolves.toMatchObject({ assigned_to: 'none', sort: 'urgency' });
  });
});
