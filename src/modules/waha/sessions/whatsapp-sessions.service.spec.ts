import { Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { AuditService } from 'src/modules/audit/audit.service';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { WahaClient } from '../client/waha.client';
import { WahaClientError, WahaTimeoutError, WahaUnreachableError } from '../client/waha.errors';
import { WhatsappSessionAlerts } from './whatsapp-session-alerts.service';
import { WhatsappSessionEntity } from './whatsapp-session.entity';
import { WhatsappSessionsService } from './whatsapp-sessions.service';

const organizationId = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';
const sessionId = '7d0c9a1e-2b3f-4c5d-8e9f-0a1b2c3d4e5f';
const name = '3f9a4c1e8d2b-main';
const admin: AuthUser = { userId: 'admin-id', organizationId, role: Role.Admin, jti: 'jti', sessionId: 's', tokenExpiresAt: 1_900_000_000 };
const updatedRow = { id: sessionId, organization_id: organizationId, name, display_name: 'Recepção' };

interface UpdateBuilderMock {
  update: jest.Mock;
  set: jest.Mock;
  where: jest.Mock;
  andWhere: jest.Mock;
  returning: jest.Mock;
  setParameters: jest.Mock;
  execute: jest.Mock;
}

/** The update query builder chain, recording what it was given and answering `raw` rows. */
function updateBuilder(raw: unknown[]): UpdateBuilderMock {
  const builder: UpdateBuilderMock = {
    update: jest.fn(() => builder),
    set: jest.fn(() => builder),
    where: jest.fn(() => builder),
    andWhere: jest.fn(() => builder),
    returning: jest.fn(() => builder),
    setParameters: jest.fn(() => builder),
    execute: jest.fn(async () => ({ raw, affected: raw.length })),
  };
  return builder;
}

function sessionFactory(overrides: Partial<WhatsappSessionEntity> = {}): WhatsappSessionEntity {
  return Object.assign(new WhatsappSessionEntity(), { id: sessionId, organizationId, name, displayName: null, status: 'SCAN_QR_CODE', restartAttempts: 0, createdAt: new Date(), ...overrides });
}

describe(WhatsappSessionsService.name, () => {
  let sut: WhatsappSessionsService;
  let repository: { createQueryBuilder: jest.Mock; findOneBy: jest.Mock; update: jest.Mock };
  let waha: jest.Mocked<Pick<WahaClient, 'getSession' | 'getQrImage' | 'getQrRaw' | 'startSession'>>;
  let alerts: jest.Mocked<Pick<WhatsappSessionAlerts, 'resolveSession' | 'reflectStatus'>>;
  let queues: jest.Mocked<Pick<QueueService, 'enqueue'>>;
  let audit: jest.Mocked<Pick<AuditService, 'record'>>;

  beforeEach(() => {
    repository = { createQueryBuilder: jest.fn(), findOneBy: jest.fn(), update: jest.fn() };
    waha = { getSession: jest.fn(), getQrImage: jest.fn(), getQrRaw: jest.fn(), startSession: jest.fn() };
    alerts = { resolveSession: jest.fn(), reflectStatus: jest.fn() };
    queues = { enqueue: jest.fn() };
    audit = { record: jest.fn() };
    sut = new WhatsappSessionsService(
      repository as unknown as Repository<WhatsappSessionEntity>,
      waha as unknown as WahaClient,
      audit as unknown as AuditService,
      alerts as unknown as WhatsappSessionAlerts,
      queues as unknown as QueueService,
    );
  });

  describe('applyStatusEvent', () => {
    const at = new Date('2026-11-22T12:00:00.000Z');

    it('should only apply an event newer than the stored status', async () => {
      const builder = updateBuilder([updatedRow]);
      repository.createQueryBuilder.mockReturnValue(builder);

      await sut.applyStatusEvent(sessionId, 'SCAN_QR_CODE', null, at);

      expect(builder.where).toHaveBeenCalledWith('id = :id AND deleted_at IS NULL', { id: sessionId });
      expect(builder.andWhere).toHaveBeenCalledWith('(status_changed_at IS NULL OR status_changed_at < :at)', { at });
      expect(builder.set).toHaveBeenCalledWith({ status: 'SCAN_QR_CODE', statusChangedAt: at });
    });

    it('should do nothing else when the event is older than what we hold', async () => {
      repository.createQueryBuilder.mockReturnValue(updateBuilder([]));

      await sut.applyStatusEvent(sessionId, 'FAILED', null, at);

      expect(alerts.reflectStatus).not.toHaveBeenCalled();
      expect(queues.enqueue).not.toHaveBeenCalled();
    });

    it('should store the paired account, restore the restart budget and resolve the alert on WORKING', async () => {
      const builder = updateBuilder([updatedRow]);
      repository.createQueryBuilder.mockReturnValue(builder);

      await sut.applyStatusEvent(sessionId, 'WORKING', { id: '551132104567@c.us', pushName: 'Clínica' }, at);

      expect(builder.set).toHaveBeenCalledWith({
        status: 'WORKING',
        statusChangedAt: at,
        meId: '551132104567@c.us',
        mePushName: 'Clínica',
        restartAttempts: 0,
        nextRestartAt: null,
      });
      expect(alerts.resolveSession).toHaveBeenCalledWith({ id: sessionId, organizationId, name, displayName: 'Recepção' });
    });

    it('should raise the alert and enqueue a check of that session on FAILED', async () => {
      repository.createQueryBuilder.mockReturnValue(updateBuilder([updatedRow]));

      await sut.applyStatusEvent(sessionId, 'FAILED', null, at);

      expect(alerts.reflectStatus).toHaveBeenCalledWith(expect.objectContaining({ id: sessionId, organizationId }), 'FAILED');
      expect(queues.enqueue).toHaveBeenCalledWith(
        JobName.CheckWhatsappSessions,
        { organizationId, sessionId },
        expect.objectContaining({ jobId: `check-session-${sessionId}`, removeOnComplete: true }),
      );
    });
  });

  describe('getQr', () => {
    beforeEach(() => {
      repository.createQueryBuilder.mockImplementation(() => updateBuilder([]));
    });

    it('should refuse with WHATSAPP_SESSION_ALREADY_CONNECTED when WAHA says the number works', async () => {
      repository.findOneBy.mockResolvedValueOnce(sessionFactory()).mockResolvedValueOnce(sessionFactory({ status: 'WORKING' }));
      waha.getSession.mockResolvedValue({ name, status: 'WORKING' });

      await expect(sut.getQr(admin, name, 'image')).rejects.toMatchObject({ code: 'WHATSAPP_SESSION_ALREADY_CONNECTED' });
      expect(waha.getQrImage).not.toHaveBeenCalled();
    });

    it('should answer WHATSAPP_SESSION_NOT_PAIRING with the status WAHA named in its 422', async () => {
      repository.findOneBy.mockResolvedValue(sessionFactory({ status: 'STARTING' }));
      waha.getSession.mockResolvedValue({ name, status: 'STARTING' });
      waha.getQrRaw.mockRejectedValue(new WahaClientError({ operation: 'getQrRaw', status: 422, sessionStatus: 'STOPPED' }));

      await expect(sut.getQr(admin, name, 'raw')).rejects.toMatchObject({ code: 'WHATSAPP_SESSION_NOT_PAIRING', details: { status: 'STOPPED' } });
    });

    it('should answer the QR bytes while WAHA waits for a scan', async () => {
      repository.findOneBy.mockResolvedValue(sessionFactory());
      waha.getSession.mockResolvedValue({ name, status: 'SCAN_QR_CODE' });
      waha.getQrImage.mockResolvedValue(Buffer.from('png'));

      await expect(sut.getQr(admin, name, 'image')).resolves.toEqual({ format: 'image', png: Buffer.from('png') });
    });

    it('should look the session up in the caller’s organization only', async () => {
      repository.findOneBy.mockResolvedValue(null);

      await expect(sut.getQr(admin, name, 'image')).rejects.toMatchObject({ code: 'WHATSAPP_SESSION_NOT_FOUND' });
      expect(repository.findOneBy).toHaveBeenCalledWith({ name, organizationId });
      expect(waha.getSession).not.toHaveBeenCalled();
    });

    it('should answer 502 WAHA_UNAVAILABLE, not a 500, when WAHA times out', async () => {
      repository.findOneBy.mockResolvedValue(sessionFactory());
      waha.getSession.mockRejectedValue(new WahaTimeoutError({ operation: 'getSession' }, 2_000));

      await expect(sut.getQr(admin, name, 'image')).rejects.toMatchObject({ code: 'WAHA_UNAVAILABLE', status: 502 });
    });
  });

  describe('act', () => {
    it('should not audit an action WAHA never carried out', async () => {
      repository.findOneBy.mockResolvedValue(sessionFactory());
      waha.startSession.mockRejectedValue(new WahaUnreachableError({ operation: 'startSession' }, 'ECONNREFUSED'));

      await expect(sut.act(admin, name, 'start')).rejects.toMatchObject({ code: 'WAHA_UNAVAILABLE' });
      expect(audit.record).not.toHaveBeenCalled();
    });

    it('should store WAHA’s answer and give the monitor its restart budget back on start', async () => {
      const session = sessionFactory({ status: 'STOPPED', restartAttempts: 4 });
      repository.findOneBy.mockResolvedValueOnce(session).mockResolvedValueOnce(sessionFactory({ status: 'STARTING' }));
      repository.createQueryBuilder.mockReturnValue(updateBuilder([]));
      waha.startSession.mockResolvedValue({ name, status: 'STARTING' });

      const response = await sut.act(admin, name, 'start');

      expect(response.status).toBe('STARTING');
      expect(repository.update).toHaveBeenCalledWith({ id: sessionId }, { restartAttempts: 0, nextRestartAt: null });
      expect(audit.record).toHaveBeenCalledWith(
        expect.objectContaining({ action: 'whatsapp_session.started', changes: { status: { old: 'STOPPED', new: 'STARTING' } } }),
      );
    });
  });
});
