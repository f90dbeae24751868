import { ConversationStatus } from './conversation.entity';
import { totalStrategy } from './conversation-totals';

describe('totalStrategy', () => {
  const TAG = '0d2b4f6a-8c1e-4a3c-9e5b-7d9f1b3d5a71';

  it('should sum the tally when every filter is a tallied column', () => {
    expect(totalStrategy({}, true)).toBe('tally');
    expect(totalStrategy({ status: [ConversationStatus.Active], owner: 'human' as never, urgent: true, assigned_to: 'me', session_id: TAG }, false)).toBe('tally');
  });

  it('should count rows for dates, a contact or the unread filter', () => {
    expect(totalStrategy({ from: '2026-11-01T00:00:00Z' }, true)).toBe('rows');
    expect(totalStrategy({ created_to: '2026-11-01T00:00:00Z' }, true)).toBe('rows');
    expect(totalStrategy({ contact_id: TAG }, true)).toBe('rows');
    expect(totalStrategy({ unread: false }, true)).toBe('rows');
  });

  it('should count tags from the tag index only for a whole-clinic view with no other filter', () => {
    expect(totalStrategy({ tag_id: [TAG] }, true)).toBe('tag');
    expect(totalStrategy({ tag_id: [TAG], status: [] }, true)).toBe('tag');
    expect(totalStrategy({ tag_id: [TAG] }, false)).toBe('rows');
    expect(totalStrategy({ tag_id: [TAG], urgent: false }, true)).toBe('rows');
    expect(totalStrategy({ tag_id: [TAG], status: [ConversationStatus.Closed] }, true)).toBe('rows');
  });
});
