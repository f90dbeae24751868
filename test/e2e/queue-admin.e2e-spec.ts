import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { BOARD_COOKIE, BOARD_CSP } from 'src/modules/queue-admin/queue-admin.constants';
import { QueueMonitorService } from 'src/modules/queue-admin/queue-monitor.service';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { QueueName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { bearer, http, loginSuperAdmin, PREFIX, Session } from '../support/api';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { Clinic, createClinic, createMember } from '../support/factories';
import { waitFor } from '../support/wait-for';

// Other e2e files may run at the same time on the same Redis prefix, so these tests only retry and delete
// failed jobs of the monitoring queue, whose failures only this file creates (its processor refuses
// unknown job names).
const QUEUE = QueueName.Monitoring;
const UNKNOWN_JOB = 'e2e-unknown-job';

describe('Queue administration', () => {
  let app: NestFastifyApplication;
  let superAdmin: Session;
  let clinic: Clinic;
  let secretary: Session;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    superAdmin = await loginSuperAdmin(app);
    clinic = await createClinic(app);
    secretary = await createMember(app, clinic.admin, 'secretary');
  });

  const monitoring = (): Queue => app.get(QueueService).queue(QUEUE);

  /** A job that fails for good on its first attempt: the monitoring processor throws for unknown names. */
  async function failedJob(): Promise<Job> {
    const job = await monitoring().add(UNKNOWN_JOB, {}, { jobId: `e2e-${randomUUID()}`, attempts: 1 });
    await waitFor(() => job.isFailed(), { what: `job ${job.id} failed` });
    return job;
  }

  async function attemptsOf(id: string): Promise<number> {
    const job = await monitoring().getJob(id);
    return (await job?.isFailed()) ? (job?.attemptsMade ?? 0) : 0;
  }

  describe('GET /queue/stats', () => {
    it('should count every queue’s jobs per state, with totals', async () => {
      await failedJob();
      const response = await http(app).get(`${PREFIX}/queue/stats`).set(...bearer(superAdmin)).expect(200);
      const { queues, totals } = response.body as { queues: Record<string, unknown>[]; totals: Record<string, number> };
      expect(queues.map((queue) => queue.name)).toEqual(Object.values(QueueName));
      const states = ['waiting', 'active', 'delayed', 'failed', 'completed', 'paused', 'prioritized', 'waiting_children'];
      for (const queue of queues) {
        expect(Object.keys(queue).sort()).toEqual(['is_paused', 'name', ...states].sort());
        for (const state of states) expect(queue[state]).toEqual(expect.any(Number));
      }
      for (const state of states) expect(totals[state]).toBe(queues.reduce((sum, queue) => sum + (queue[state] as number), 0));
      expect(queues.find((queue) => queue.name === QUEUE)?.failed).toBeGreaterThanOrEqual(1);
    });

    it('should answer 401 without a token and 403 to clinic staff', async () => {
      expectError(await http(app).get(`${PREFIX}/queue/stats`), 401, 'UNAUTHENTICATED');
      expectError(await http(app).get(`${PREFIX}/queue/stats`).set(...bearer(clinic.admin)), 403, 'FORBIDDEN');
      expectError(await http(app).get(`${PREFIX}/queue/stats`).set(...bearer(secretary)), 403, 'FORBIDDEN');
    });
  });

  describe('POST /queue/retry-failed', () => {
    const retry = (session: Session, body: object) => http(app).post(`${PREFIX}/queue/retry-failed`).set(...bearer(session)).send(body);

    it('should retry the failed jobs named, and list the ids it did not find', async () => {
      const job = await failedJob();
      const response = await retry(superAdmin, { job_ids: [job.id, 'no-such-job'], queue: QUEUE }).expect(200);
      expect(response.body).toEqual({ retried: 1, not_found: ['no-such-job'] });
      // The retried job ran once more (and failed again: its name is still unknown).
      await waitFor(async () => (await attemptsOf(job.id!)) === 2, { what: 'second attempt' });
    });

    it('should look for the ids in every queue when none is given', async () => {
      const job = await failedJob();
      const response = await retry(superAdmin, { job_ids: [job.id] }).expect(200);
      expect(response.body).toEqual({ retried: 1, not_found: [] });
      await waitFor(async () => (await attemptsOf(job.id!)) === 2, { what: 'second attempt' });
    });

    it('should not count a job that is not failed', async () => {
      await monitoring().pause();
      try {
        const waiting = await monitoring().add(UNKNOWN_JOB, {}, { jobId: `e2e-${randomUUID()}`, attempts: 1 });
        const response = await retry(superAdmin, { job_ids: [waiting.id] }).expect(200);
        expect(response.body).toEqual({ retried: 0, not_found: [waiting.id] });
        // Meanwhile the stats show the job held by the pause.
        const stats = await http(app).get(`${PREFIX}/queue/stats`).set(...bearer(superAdmin)).expect(200);
        expect((stats.body.queues as { name: string }[]).find((queue) => queue.name === QUEUE)).toMatchObject({ is_paused: true, waiting: 0, paused: 1 });
        await waiting.remove();
      } finally {
        await monitoring().resume();
      }
    });

    it('should retry every failed job of the queue when no ids are given', async () => {
      await http(app).delete(`${PREFIX}/queue/failed`).query({ queue: QUEUE }).set(...bearer(superAdmin)).expect(200);
      const jobs = [await failedJob(), await failedJob()];
      const response = await retry(superAdmin, { queue: QUEUE }).expect(200);
      expect(response.body).toEqual({ retried: 2, not_found: [] });
      for (const job of jobs) await waitFor(async () => (await attemptsOf(job.id!)) === 2, { what: `second attempt of ${job.id}` });
    });

    it('should answer 400 for bad bodies', async () => {
      expectInvalidFields(await retry(superAdmin, { job_ids: [], organization_id: randomUUID() }), ['organization_id']);
      expectInvalidFields(await retry(superAdmin, { job_ids: 'e2e-1' }), ['job_ids']);
      expectInvalidFields(await retry(superAdmin, { job_ids: [42] }), ['job_ids']);
      expectInvalidFields(await retry(superAdmin, { job_ids: ['x'.repeat(201)] }), ['job_ids']);
      expectInvalidFields(await retry(superAdmin, { job_ids: Array.from({ length: 1001 }, (_, index) => `job-${index}`) }), ['job_ids']);
      expectInvalidFields(await retry(superAdmin, { queue: 'no-such-queue' }), ['queue']);
    });

    it('should answer 401 without a token and 403 to clinic staff', async () => {
      expectError(await http(app).post(`${PREFIX}/queue/retry-failed`).send({}), 401, 'UNAUTHENTICATED');
      expectError(await retry(clinic.admin, {}), 403, 'FORBIDDEN');
      expectError(await retry(secretary, {}), 403, 'FORBIDDEN');
    });
  });

  describe('DELETE /queue/failed', () => {
    it('should delete the queue’s failed jobs and say how many', async () => {
      const jobs = [await failedJob(), await failedJob()];
      const response = await http(app).delete(`${PREFIX}/queue/failed`).query({ queue: QUEUE }).set(...bearer(superAdmin)).expect(200);
      expect(response.body.removed).toBeGreaterThanOrEqual(2);
      for (const job of jobs) expect(await monitoring().getJob(job.id!)).toBeUndefined();
      expect(await monitoring().getJobCountByTypes('failed')).toBe(0);
    });

    it('should answer 400 for an unknown queue or query field', async () => {
      expectInvalidFields(await http(app).delete(`${PREFIX}/queue/failed`).query({ queue: 'nope' }).set(...bearer(superAdmin)), ['queue']);
      expectInvalidFields(await http(app).delete(`${PREFIX}/queue/failed`).query({ older_than: '1' }).set(...bearer(superAdmin)), ['older_than']);
    });

    it('should answer 401 without a token and 403 to clinic staff', async () => {
      expectError(await http(app).delete(`${PREFIX}/queue/failed`).query({ queue: QUEUE }), 401, 'UNAUTHENTICATED');
      expectError(await http(app).delete(`${PREFIX}/queue/failed`).query({ queue: QUEUE }).set(...bearer(clinic.admin)), 403, 'FORBIDDEN');
      expectError(await http(app).delete(`${PREFIX}/queue/failed`).query({ queue: QUEUE }).set(...bearer(secretary)), 403, 'FORBIDDEN');
    });
  });

  describe('Bull Board at /admin/queues', () => {
    async function boardCookie(session: Session): Promise<string> {
      const response = await http(app).post(`${PREFIX}/queue/board-session`).set(...bearer(session)).expect(200);
      const header = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
      expect(header).toHaveLength(1);
      return header[0];
    }
    const cookiePair = (setCookie: string): string => setCookie.split(';')[0];

    it('should serve the board to a super admin’s bearer token, with a CSP that lets it load', async () => {
      const response = await http(app).get('/admin/queues').set(...bearer(superAdmin)).expect(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.text).toContain('<base href="/admin/queues/"');
      expect(response.headers['content-security-policy']).toBe(BOARD_CSP);
    });

    it('should answer 401 without a token, or with a bad one, and 403 to clinic staff, in the API’s error shape', async () => {
      expectError(await http(app).get('/admin/queues'), 401, 'UNAUTHENTICATED');
      expectError(await http(app).get('/admin/queues').set('Authorization', 'Bearer not-a-jwt'), 401, 'UNAUTHENTICATED');
      expectError(await http(app).get('/admin/queues').set('Cookie', `${BOARD_COOKIE}=not-a-jwt`), 401, 'UNAUTHENTICATED');
      expectError(await http(app).get('/admin/queues').set(...bearer(clinic.admin)), 403, 'FORBIDDEN');
      expectError(await http(app).get('/admin/queues').set(...bearer(secretary)), 403, 'FORBIDDEN');
    });

    it('should protect the board’s JSON API and static files too', async () => {
      expectError(await http(app).get('/admin/queues/api/queues'), 401, 'UNAUTHENTICATED');
      expectError(await http(app).put(`/admin/queues/api/queues/${QUEUE}/pause`), 401, 'UNAUTHENTICATED');
      expectError(await http(app).get('/admin/queues/api/queues').set(...bearer(clinic.admin)), 403, 'FORBIDDEN');
      expectError(await http(app).get('/admin/queues/static/images/logo.svg'), 401, 'UNAUTHENTICATED');
      const response = await http(app).get('/admin/queues/api/queues').set(...bearer(superAdmin)).expect(200);
      expect((response.body.queues as { name: string }[]).map((queue) => queue.name).sort()).toEqual(Object.values(QueueName).sort());
    });

    it('should set an HttpOnly, SameSite=Strict board cookie that opens the board and its API', async () => {
      const setCookie = await boardCookie(superAdmin);
      expect(setCookie).toMatch(new RegExp(`^${BOARD_COOKIE}=${superAdmin.accessToken.replace(/[.]/g, '\\.')};`));
      expect(setCookie).toContain('Path=/admin/queues');
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Strict');
      expect(setCookie).not.toContain('Secure'); // NODE_ENV=test serves plain http
      const maxAge = Number(/Max-Age=(\d+)/.exec(setCookie)?.[1]);
      expect(maxAge).toBeGreaterThan(0);
      expect(maxAge).toBeLessThanOrEqual(15 * 60);
      await http(app).get('/admin/queues').set('Cookie', cookiePair(setCookie)).expect(200);
      await http(app).get('/admin/queues/api/queues').set('Cookie', `other=1; ${cookiePair(setCookie)}`).expect(200);
      await http(app).get('/admin/queues/static/images/logo.svg').set('Cookie', cookiePair(setCookie)).expect(200);
    });

    it('should refuse the board cookie once its token is revoked', async () => {
      const session = await loginSuperAdmin(app);
      const cookie = cookiePair(await boardCookie(session));
      await http(app).get('/admin/queues').set('Cookie', cookie).expect(200);
      await http(app).post(`${PREFIX}/auth/logout`).set(...bearer(session)).send({}).expect(204);
      expectError(await http(app).get('/admin/queues').set('Cookie', cookie), 401, 'AUTH_SESSION_REVOKED');
    });

    it('should not open a board session for clinic staff', async () => {
      expectError(await http(app).post(`${PREFIX}/queue/board-session`).set(...bearer(clinic.admin)), 403, 'FORBIDDEN');
      expectError(await http(app).post(`${PREFIX}/queue/board-session`), 401, 'UNAUTHENTICATED');
    });

    it('should leave the API’s strict CSP alone', async () => {
      const response = await http(app).get(`${PREFIX}/queue/stats`).set(...bearer(superAdmin)).expect(200);
      expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    });
  });

  describe('backlog monitor', () => {
    const openAlerts = async (): Promise<{ status: string; severity: string; occurrences: number; details: Record<string, unknown> }[]> => {
      const platformId = await app.get(OrganizationsService).getPlatformOrganizationId();
      return app
        .get(DataSource)
        .query(`SELECT status, severity, occurrences, details FROM alerts WHERE organization_id = $1 AND dedupe_key = $2 ORDER BY created_at DESC`, [
          platformId,
          `queue-backlog:${QUEUE}`,
        ]);
    };
    const addJobs = (count: number) =>
      monitoring().addBulk(Array.from({ length: count }, () => ({ name: UNKNOWN_JOB, data: {}, opts: { jobId: `e2e-${randomUUID()}`, attempts: 1 } })));

    it('should raise a platform alert while a queue’s backlog passes the threshold, and resolve it once drained', async () => {
      // Paused, the queue keeps what is added; the default threshold (100) applies, so other suites' apps agree.
      await monitoring().pause();
      try {
        await addJobs(101);
        await app.get(QueueMonitorService).checkBacklogs();
        let alerts = await openAlerts();
        expect(alerts[0]).toMatchObject({ status: 'open', severity: 'warning', occurrences: 1, details: { queue: QUEUE, threshold: 100 } });

        await addJobs(1_000);
        await app.get(QueueMonitorService).checkBacklogs();
        alerts = await openAlerts();
        expect(alerts.filter((alert) => alert.status === 'open')).toHaveLength(1);
        expect(alerts[0]).toMatchObject({ status: 'open', severity: 'critical', occurrences: 2 });

        await monitoring().drain();
        const results = await app.get(QueueMonitorService).checkBacklogs();
        expect(results.find((result) => result.queue === QUEUE)?.alert).toBe('resolved');
        alerts = await openAlerts();
        expect(alerts[0].status).toBe('resolved');
      } finally {
        await monitoring().drain();
        await monitoring().resume();
      }
    });
  });
});
