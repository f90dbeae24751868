import { Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { wahaConfig } from 'src/config/waha.config';
import { AlertSeverity, AlertType } from 'src/modules/alerts/alert.entity';
import { AlertsService } from 'src/modules/alerts/alerts.service';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { WahaClient } from '../client/waha.client';
import { WahaClientError, WahaServerError, WahaUnreachableError } from '../client/waha.errors';
import { WahaSessionInfo } from '../client/waha.types';
import { WhatsappSessionAlerts } from './whatsapp-session-alerts.service';
import { WhatsappSessionMonitorService } from './whatsapp-session-monitor.service';
import { WhatsappSessionEntity } from './whatsapp-session.entity';
import { WhatsappSessionsService } from './whatsapp-sessions.service';

const orgA = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';
const orgB = '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f';
const platformOrg = '00000000-0000-4000-8000-000000000001';
const MAX_RESTARTS = 3;

function sessionFactory(overrides: Partial<WhatsappSessionEntity> = {}): WhatsappSessionEntity {
  return Object.assign(new WhatsappSessionEntity(), {
    id: 'session-1',
    organizationId: orgA,
    name: '3f9a4c1e8d2b-main',
    displayName: 'Recepção',
    status: 'WORKING',
    statusChangedAt: null,
    meId: null,
    mePushName: null,
    restartAttempts: 0,
    nextRestartAt: null,
    lastCheckedAt: null,
    ...overrides,
  });
}

function info(name: string, status: string): WahaSessionInfo {
  return { name, status, me: status === 'WORKING' ? { id: '551132104567@c.us', pushName: 'Clínica' } : null };
}

describe(WhatsappSessionMonitorService.name, () => {
  let sut: WhatsappSessionMonitorService;
  let sessions: jest.Mocked<Pick<WhatsappSessionsService, 'findLive' | 'recordWahaState'>>;
  let waha: jest.Mocked<Pick<WahaClient, 'getSession' | 'restartSession' | 'ping'>>;
  let alerts: jest.Mocked<Pick<AlertsService, 'raise' | 'resolveByKey'>>;
  let queues: jest.Mocked<Pick<QueueService, 'schedule'>>;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    sessions = { findLive: jest.fn(), recordWahaState: jest.fn() };
    sessions.recordWahaState.mockImplementation(async (session) => session);
    waha = { getSession: jest.fn(), restartSession: jest.fn(), ping: jest.fn() };
    alerts = { raise: jest.fn().mockResolvedValue(true), resolveByKey: jest.fn().mockResolvedValue(false) };
    queues = { schedule: jest.fn() };
    const organizations = { getPlatformOrganizationId: jest.fn().mockResolvedValue(platformOrg) };
    const config = { ...wahaConfig(), sessionCheckIntervalMs: 300_000, maxRestartAttempts: MAX_RESTARTS } as ConfigType<typeof wahaConfig>;
    sut = new WhatsappSessionMonitorService(
      sessions as unknown as WhatsappSessionsService,
      waha as unknown as WahaClient,
      new WhatsappSessionAlerts(alerts as unknown as AlertsService, organizations as unknown as OrganizationsService),
      queues as unknown as QueueService,
      config,
    );
  });

  function raisedKeys(): Array<[string, string, AlertType, AlertSeverity]> {
    return alerts.raise.mock.calls.map(([organizationId, alert]) => [organizationId, alert.dedupeKey, alert.type, alert.severity]);
  }

  describe('onApplicationBootstrap', () => {
    it('should schedule the repeatable check at the configured interval', async () => {
      await sut.onApplicationBootstrap();
      expect(queues.schedule).toHaveBeenCalledWith(JobName.CheckWhatsappSessions, {}, 300_000);
    });
  });

  describe('check', () => {
    it('should restart a FAILED session, count the attempt and raise the down alert', async () => {
      const session = sessionFactory({ status: 'FAILED', restartAttempts: 1, nextRestartAt: new Date(Date.now() - 1_000) });
      sessions.findLive.mockResolvedValue([session]);
      waha.getSession.mockResolvedValue(info(session.name, 'FAILED'));
      waha.restartSession.mockResolvedValue(info(session.name, 'STARTING'));

      const summary = await sut.check({});

      expect(waha.restartSession).toHaveBeenCalledWith(session.name);
      expect(summary).toEqual({ checked: 1, restarted: 1, unavailable: 0 });
      // Counted before WAHA is asked; the next one waits 1 min × 2^1.
      const [, , checkedAt, budget] = sessions.recordWahaState.mock.calls[0];
      expect(budget).toEqual({ lastCheckedAt: checkedAt, restartAttempts: 2, nextRestartAt: new Date(checkedAt.getTime() + 120_000) });
      expect(sessions.recordWahaState).toHaveBeenLastCalledWith(session, info(session.name, 'STARTING'), expect.any(Date));
      expect(raisedKeys()).toEqual([[orgA, 'session-down:session-1', AlertType.WhatsappSessionDown, AlertSeverity.Critical]]);
    });

    it('should not restart before next_restart_at', async () => {
      const session = sessionFactory({ status: 'FAILED', restartAttempts: 1, nextRestartAt: new Date(Date.now() + 60_000) });
      sessions.findLive.mockResolvedValue([session]);
      waha.getSession.mockResolvedValue(info(session.name, 'FAILED'));

      await sut.check({});

      expect(waha.restartSession).not.toHaveBeenCalled();
      expect(alerts.raise).toHaveBeenCalledTimes(1);
    });

    it('should stop restarting once the attempts are spent but keep the alert open', async () => {
      const session = sessionFactory({ status: 'FAILED', restartAttempts: MAX_RESTARTS });
      sessions.findLive.mockResolvedValue([session]);
      waha.getSession.mockResolvedValue(info(session.name, 'FAILED'));

      const summary = await sut.check({});

      expect(waha.restartSession).not.toHaveBeenCalled();
      expect(summary.restarted).toBe(0);
      expect(alerts.raise).toHaveBeenCalledWith(
        orgA,
        expect.objectContaining({
          dedupeKey: 'session-down:session-1',
          details: expect.objectContaining({ automatic_restarts_exhausted: true, restart_attempts: MAX_RESTARTS }),
        }),
      );
      expect(alerts.resolveByKey).not.toHaveBeenCalledWith(orgA, 'session-down:session-1');
    });

    it('should resolve the alert and restore the restart budget when the session works again', async () => {
      const session = sessionFactory({ status: 'FAILED', restartAttempts: 2 });
      sessions.findLive.mockResolvedValue([session]);
      waha.getSession.mockResolvedValue(info(session.name, 'WORKING'));

      await sut.check({});

      expect(sessions.recordWahaState).toHaveBeenCalledWith(
        session,
        info(session.name, 'WORKING'),
        expect.any(Date),
        expect.objectContaining({ restartAttempts: 0, nextRestartAt: null }),
      );
      expect(alerts.resolveByKey).toHaveBeenCalledWith(orgA, 'session-down:session-1');
      expect(alerts.raise).not.toHaveBeenCalled();
      // WAHA answered: any unreachable alert closes, on the platform and for the clinic.
      expect(alerts.resolveByKey).toHaveBeenCalledWith(platformOrg, 'waha-unreachable');
      expect(alerts.resolveByKey).toHaveBeenCalledWith(orgA, 'waha-unreachable');
    });

    it('should warn that a session waiting for its QR needs pairing, without restarting it', async () => {
      const session = sessionFactory();
      sessions.findLive.mockResolvedValue([session]);
      waha.getSession.mockResolvedValue(info(session.name, 'SCAN_QR_CODE'));

      await sut.check({});

      expect(waha.restartSession).not.toHaveBeenCalled();
      expect(raisedKeys()).toEqual([[orgA, 'session-down:session-1', AlertType.WhatsappSessionDown, AlertSeverity.Warning]]);
    });

    it('should treat STOPPED as down but leave it stopped', async () => {
      const session = sessionFactory();
      sessions.findLive.mockResolvedValue([session]);
      waha.getSession.mockResolvedValue(info(session.name, 'STOPPED'));

      await sut.check({});

      expect(waha.restartSession).not.toHaveBeenCalled();
      expect(raisedKeys()).toEqual([[orgA, 'session-down:session-1', AlertType.WhatsappSessionDown, AlertSeverity.Critical]]);
    });

    it('should raise "missing in WAHA" when WAHA does not know the session, leaving its status alone', async () => {
      const session = sessionFactory();
      sessions.findLive.mockResolvedValue([session]);
      waha.getSession.mockRejectedValue(new WahaClientError({ operation: 'getSession', status: 404, wahaMessage: 'Session not found' }));

      await sut.check({});

      expect(sessions.recordWahaState).toHaveBeenCalledWith(session, null, expect.any(Date), { lastCheckedAt: expect.any(Date) });
      expect(alerts.raise).toHaveBeenCalledWith(orgA, expect.objectContaining({ dedupeKey: 'session-down:session-1', details: expect.objectContaining({ reason: 'missing_in_waha' }) }));
    });

    it('should raise one platform alert plus one per clinic when WAHA is unreachable, and stop asking', async () => {
      sessions.findLive.mockResolvedValue([sessionFactory(), sessionFactory({ id: 'session-2', organizationId: orgB, name: '9c1d2e3f4a5b-main' })]);
      waha.getSession.mockRejectedValue(new WahaUnreachableError({ operation: 'getSession' }, 'ECONNREFUSED'));

      const summary = await sut.check({});

      expect(waha.getSession).toHaveBeenCalledTimes(1);
      expect(summary).toEqual({ checked: 1, restarted: 0, unavailable: 2 });
      expect(raisedKeys()).toEqual([
        [platformOrg, 'waha-unreachable', AlertType.WahaUnreachable, AlertSeverity.Critical],
        [orgA, 'waha-unreachable', AlertType.WahaUnreachable, AlertSeverity.Critical],
        [orgB, 'waha-unreachable', AlertType.WahaUnreachable, AlertSeverity.Critical],
      ]);
      expect(sessions.recordWahaState).not.toHaveBeenCalled();
      expect(alerts.resolveByKey).not.toHaveBeenCalled();
    });

    it('should keep checking the others when one session fails, without resolving the platform alert', async () => {
      const broken = sessionFactory();
      const healthy = sessionFactory({ id: 'session-2', organizationId: orgB, name: '9c1d2e3f4a5b-main' });
      sessions.findLive.mockResolvedValue([broken, healthy]);
      waha.getSession.mockImplementation(async (name) => {
        if (name === broken.name) throw new WahaServerError({ operation: 'getSession', status: 500 });
        return info(name, 'WORKING');
      });

      const summary = await sut.check({});

      expect(summary).toEqual({ checked: 2, restarted: 0, unavailable: 1 });
      expect(alerts.raise).toHaveBeenCalledWith(platformOrg, expect.objectContaining({ type: AlertType.WahaUnreachable }));
      expect(alerts.raise).toHaveBeenCalledWith(orgA, expect.objectContaining({ type: AlertType.WahaUnreachable }));
      expect(alerts.resolveByKey).toHaveBeenCalledWith(orgB, 'waha-unreachable');
      expect(alerts.resolveByKey).not.toHaveBeenCalledWith(platformOrg, 'waha-unreachable');
    });

    it('should survive an unexpected error on one session', async () => {
      const first = sessionFactory();
      const second = sessionFactory({ id: 'session-2', name: '3f9a4c1e8d2b-second' });
      sessions.findLive.mockResolvedValue([first, second]);
      waha.getSession.mockResolvedValue(info(first.name, 'WORKING'));
      sessions.recordWahaState.mockRejectedValueOnce(new Error('deadlock'));

      await expect(sut.check({})).resolves.toMatchObject({ checked: 2 });

      expect(alerts.resolveByKey).toHaveBeenCalledWith(orgA, 'session-down:session-2');
    });

    it('should ping WAHA to settle the platform alert when there is no session at all', async () => {
      sessions.findLive.mockResolvedValue([]);

      await sut.check({});

      expect(waha.ping).toHaveBeenCalled();
      expect(alerts.resolveByKey).toHaveBeenCalledWith(platformOrg, 'waha-unreachable');
    });

    it('should check only the session it is given', async () => {
      sessions.findLive.mockResolvedValue([]);
      await sut.check({ organizationId: orgA, sessionId: 'session-1' });
      expect(sessions.findLive).toHaveBeenCalledWith({ organizationId: orgA, sessionId: 'session-1' });
      expect(waha.ping).not.toHaveBeenCalled();
    });
  });
});
