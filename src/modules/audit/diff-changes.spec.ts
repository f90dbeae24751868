import { diffChanges } from './diff-changes';

describe('diffChanges', () => {
  it('should list only the fields that changed, old and new', () => {
    expect(diffChanges({ name: 'Ana', role: 'secretary' }, { name: 'Ana', role: 'admin' })).toEqual({
      role: { old: 'secretary', new: 'admin' },
    });
  });

  it('should ignore fields that were not given', () => {
    expect(diffChanges({ name: 'Ana' }, { name: undefined })).toEqual({});
  });

  it('should never reveal a password value', () => {
    expect(diffChanges({ password: 'old-secret' }, { password: 'new-secret' })).toEqual({
      password: { old: '[redacted]', new: '[redacted]' },
    });
  });

  it('should compare dates by value', () => {
    const date = new Date('2026-01-01T00:00:00Z');
    expect(diffChanges({ at: date }, { at: new Date(date) })).toEqual({});
  });
});
