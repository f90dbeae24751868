import { afterRestart, isRestartDue, restartDelayMs, sessionHealth, WAHA_SESSION_NAME_PATTERN, wahaSessionName } from './whatsapp-session.rules';

const organizationId = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';
const MINUTE = 60_000;

describe('whatsapp-session.rules', () => {
  describe(wahaSessionName.name, () => {
    it('should prefix the label with the first 12 hex digits of the organization id', () => {
      expect(wahaSessionName(organizationId, 'main')).toBe('3f9a4c1e8d2b-main');
    });

    it('should give two clinics different names for the same label', () => {
      const other = '3f9a4c1e-0000-4a51-9c3e-7b1d2e4f5a60';
      expect(wahaSessionName(organizationId, 'main')).not.toBe(wahaSessionName(other, 'main'));
    });

    it('should stay within WAHA’s name rule for the longest label', () => {
      const name = wahaSessionName(organizationId, 'a'.repeat(30));
      expect(name).toMatch(WAHA_SESSION_NAME_PATTERN);
      expect(name.length).toBeLessThanOrEqual(54);
    });

    it.each(['', 'Main', 'a b', 'x'.repeat(31), 'ré', 'a_b'])('should refuse the label %p', (label) => {
      expect(() => wahaSessionName(organizationId, label)).toThrow(/Invalid session label/);
    });
  });

  describe(restartDelayMs.name, () => {
    it('should double from one minute per attempt', () => {
      expect([0, 1, 2, 3, 4, 5].map(restartDelayMs)).toEqual([1, 2, 4, 8, 16, 32].map((minutes) => minutes * MINUTE));
    });

    it('should never wait more than an hour', () => {
      expect(restartDelayMs(6)).toBe(60 * MINUTE);
      expect(restartDelayMs(40)).toBe(60 * MINUTE);
    });
  });

  describe(isRestartDue.name, () => {
    const now = new Date('2026-11-22T12:00:00Z');

    it('should restart a session never restarted before', () => {
      expect(isRestartDue({ restartAttempts: 0, nextRestartAt: null }, now, 5)).toBe(true);
    });

    it('should wait until next_restart_at', () => {
      expect(isRestartDue({ restartAttempts: 2, nextRestartAt: new Date(now.getTime() + 1) }, now, 5)).toBe(false);
      expect(isRestartDue({ restartAttempts: 2, nextRestartAt: now }, now, 5)).toBe(true);
    });

    it('should stop once the attempts are spent', () => {
      expect(isRestartDue({ restartAttempts: 5, nextRestartAt: null }, now, 5)).toBe(false);
    });
  });

  describe(afterRestart.name, () => {
    it('should count the attempt and schedule the next one after the backoff', () => {
      const now = new Date('2026-11-22T12:00:00Z');
      expect(afterRestart({ restartAttempts: 2, nextRestartAt: null }, now)).toEqual({
        restartAttempts: 3,
        nextRestartAt: new Date(now.getTime() + 4 * MINUTE),
      });
    });
  });

  describe(sessionHealth.name, () => {
    it.each([
      ['WORKING', 'working'],
      ['FAILED', 'down'],
      ['STOPPED', 'down'],
      ['SCAN_QR_CODE', 'needs-pairing'],
      ['PASSKEY_REQUIRED', 'needs-pairing'],
      ['STARTING', 'transient'],
    ])('should read %s as %s', (status, health) => {
      expect(sessionHealth(status)).toBe(health);
    });
  });
});
