import { randomInt, randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { JwtService } from '@nestjs/jwt';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { io, Socket } from 'socket.io-client';
import { DomainEvent, DomainEventPayloads } from 'src/common/events/domain-events';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';
import { ContactEntity, ContactSource } from 'src/modules/contacts/contact.entity';
import { ConversationEntity, ConversationStatus } from 'src/modules/conversations/conversation.entity';
import { LeadSource } from 'src/modules/leads/leads.constants';
import { LeadsService } from 'src/modules/leads/leads.service';
import { NotificationType } from 'src/modules/notifications/notification.entity';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { RealtimePublisher } from 'src/modules/realtime/realtime-publisher';
import { rooms } from 'src/modules/realtime/realtime.constants';
import { bearer, http, PREFIX, Session } from '../support/api';
import { createTestApp } from '../support/create-test-app';
import { createTeam, Team } from '../support/factories';
import { waitFor } from '../support/wait-for';
import { dataSourceOf, insertWhatsappSession } from '../support/whatsapp';

interface Received {
  event: string;
  payload: Record<string, unknown>;
}

interface Listener {
  socket: Socket;
  received: Received[];
  of: (event: string, id?: string) => Record<string, unknown>[];
}

// Long enough for an event that was going to arrive to have arrived; the suite never asserts a duration.
const SETTLE_MS = 400;
const DASHBOARD_ORIGIN = 'https://painel.clinica.test';

function settle(ms = SETTLE_MS): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('Real-time feed (e2e)', () => {
  let app: NestFastifyApplication;
  let url: string;
  let team: Team;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    // Connected sockets' tokens are checked again every 300 ms here (15 s by default).
    app = await createTestApp({ REALTIME_TOKEN_RECHECK_MS: '300', CORS_ORIGINS: DASHBOARD_ORIGIN });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/realtime`;
    team = await createTeam(app);
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });

  afterAll(async () => {
    await app?.close();
  });

  function open(token: unknown): Socket {
    const socket = io(url, { auth: token === undefined ? {} : { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    return socket;
  }

  /** Connects and records every event; resolves once the server accepted the socket. */
  async function listen(session: Session): Promise<Listener> {
    const socket = open(session.accessToken);
    const received: Received[] = [];
    socket.onAny((event: string, payload: Record<string, unknown>) => received.push({ event, payload }));
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', (error) => reject(error));
    });
    const of = (event: string, id?: string): Record<string, unknown>[] =>
      received.filter((entry) => entry.event === event && (id === undefined || entry.payload.id === id || entry.payload.conversation_id === id)).map((entry) => entry.payload);
    return { socket, received, of };
  }

  function refusal(token: unknown): Promise<{ message: string; code: string | undefined }> {
    const socket = open(token);
    return new Promise((resolve, reject) => {
      socket.on('connect', () => reject(new Error('the connection was accepted')));
      socket.on('connect_error', (error: Error & { data?: { code?: string } }) => resolve({ message: error.message, code: error.data?.code }));
    });
  }

  function emit<E extends DomainEvent>(event: E, payload: DomainEventPayloads[E]): void {
    app.get(EventEmitter2).emit(event, payload);
  }

  async function insertConversation(organizationId: string, fields: Partial<ConversationEntity> = {}): Promise<ConversationEntity> {
    const session = await insertWhatsappSession(app, organizationId);
    const digits = String(randomInt(10_000_000, 99_999_999));
    const contacts = dataSourceOf(app).getRepository(ContactEntity);
    const contact = await contacts.save(contacts.create({ organizationId, name: `Paciente ${digits}`, phone: `+55119${digits}`, source: ContactSource.Whatsapp }));
    const conversations = dataSourceOf(app).getRepository(ConversationEntity);
    return conversations.save(conversations.create({ organizationId, sessionId: session.id, contactId: contact.id, chatId: `55119${digits}@c.us`, ...fields }));
  }

  function messageCreated(conversation: ConversationEntity): void {
    emit(DomainEvent.MessageCreated, { organizationId: conversation.organizationId, conversationId: conversation.id, messageId: randomUUID(), direction: 'inbound' });
  }

  describe('handshake', () => {
    it('should refuse a connection without a token, with garbage, or with an expired token', async () => {
      expect(await refusal(undefined)).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await refusal('not-a-jwt')).toMatchObject({ code: 'UNAUTHENTICATED' });
      const now = Math.floor(Date.now() / 1000);
      const { admin } = team.clinic;
      const expired = new JwtService({ secret: process.env.JWT_ACCESS_SECRET }).sign(
        { sub: admin.userId, org: admin.organizationId, role: 'admin', jti: randomUUID(), sid: randomUUID(), ver: 0, iat: now - 3600, exp: now - 60 },
        { issuer: 'robbot' },
      );
      expect(await refusal(expired)).toEqual({ code: 'UNAUTHENTICATED', message: 'Access token expired' });
    });

    it('should refuse a token revoked by logout', async () => {
      const clinic = await createTeam(app);
      const live = await listen(clinic.secretary);
      expect(live.socket.connected).toBe(true);
      await http(app).post(`${PREFIX}/auth/logout`).set(...bearer(clinic.secretary)).send({ refresh_token: clinic.secretary.refreshToken }).expect(204);
      const refused = await refusal(clinic.secretary.accessToken);
      expect(refused.code).toEqual(expect.stringMatching(/UNAUTHENTICATED|REVOKED/));
    });

    it('should end a connected feed once its session is logged out, and keep the others', async () => {
      const clinic = await createTeam(app);
      const [ended, kept] = await Promise.all([listen(clinic.secretary), listen(clinic.otherSecretary)]);
      const disconnected = new Promise<string>((resolve) => ended.socket.on('disconnect', (reason) => resolve(reason)));
      await http(app).post(`${PREFIX}/auth/logout`).set(...bearer(clinic.secretary)).send({ refresh_token: clinic.secretary.refreshToken }).expect(204);
      expect(await disconnected).toBe('io server disconnect');
      await settle(700);
      expect(kept.socket.connected).toBe(true);
    });

    it('should end the feed of a deactivated secretary', async () => {
      const clinic = await createTeam(app);
      const live = await listen(clinic.secretary);
      const disconnected = new Promise<string>((resolve) => live.socket.on('disconnect', (reason) => resolve(reason)));
      await http(app).patch(`${PREFIX}/users/${clinic.secretary.userId}`).set(...bearer(clinic.clinic.admin)).send({ is_active: false }).expect(200);
      expect(await disconnected).toBe('io server disconnect');
    });
  });

  describe('long-polling from the dashboard', () => {
    const polling = (origin: string): Promise<Response> =>
      fetch(`${url.replace('/realtime', '')}/socket.io/?EIO=4&transport=polling`, { headers: { origin } });

    it("should allow the API's CORS origins on socket.io's own HTTP requests", async () => {
      const response = await polling(DASHBOARD_ORIGIN);
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(DASHBOARD_ORIGIN);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    });

    it('should not allow another origin', async () => {
      const response = await polling('https://evil.example');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('visibility', () => {
    it('should send message.created to the assignee and the admins, unassigned ones to every secretary, and nothing to another clinic', async () => {
      const clinic = await createTeam(app);
      const [admin, secretary, otherSecretary, viewer, otherClinic] = await Promise.all(
        [clinic.clinic.admin, clinic.secretary, clinic.otherSecretary, clinic.viewer, clinic.otherClinic.admin].map((session) => listen(session)),
      );
      const hers = await insertConversation(clinic.clinic.organizationId, { assignedToId: clinic.secretary.userId });
      const colleagues = await insertConversation(clinic.clinic.organizationId, { assignedToId: clinic.otherSecretary.userId });
      const unassigned = await insertConversation(clinic.clinic.organizationId);
      const foreign = await insertConversation(clinic.otherClinic.organizationId);
      // An event naming another clinic's conversation under this clinic's id must reach nobody.
      emit(DomainEvent.MessageCreated, { organizationId: clinic.clinic.organizationId, conversationId: foreign.id, messageId: randomUUID(), direction: 'inbound' });
      for (const conversation of [hers, colleagues, unassigned]) messageCreated(conversation);

      await waitFor(() => admin.of('message.created').length === 3, { what: 'admin events' });
      await settle();
      const ids = (listener: Listener): unknown[] => listener.of('message.created').map((payload) => payload.conversation_id).sort();
      expect(ids(admin)).toEqual([hers.id, colleagues.id, unassigned.id].sort());
      expect(ids(viewer)).toEqual([hers.id, colleagues.id, unassigned.id].sort());
      expect(ids(secretary)).toEqual([hers.id, unassigned.id].sort());
      expect(ids(otherSecretary)).toEqual([colleagues.id, unassigned.id].sort());
      expect(otherClinic.of('message.created')).toEqual([]);
      expect(admin.of('message.created', hers.id)[0]).toMatchObject({ conversation_id: hers.id, message_id: expect.any(String), direction: 'inbound' });
    });

    it('should scope lead.created and lead.updated the same way', async () => {
      const clinic = await createTeam(app);
      const [admin, secretary, otherSecretary, otherClinic] = await Promise.all(
        [clinic.clinic.admin, clinic.secretary, clinic.otherSecretary, clinic.otherClinic.admin].map((session) => listen(session)),
      );
      const conversation = await insertConversation(clinic.clinic.organizationId, { assignedToId: clinic.secretary.userId });
      const { lead } = await app.get(LeadsService).ensureForConversation({
        organizationId: clinic.clinic.organizationId,
        conversationId: conversation.id,
        contactId: conversation.contactId,
        source: LeadSource.Whatsapp,
      });
      await waitFor(() => admin.of('lead.created', lead.id).length === 1, { what: 'lead.created for the admin' });
      emit(DomainEvent.LeadUpdated, { organizationId: clinic.clinic.organizationId, leadId: lead.id, changes: ['status'] });
      await waitFor(() => secretary.of('lead.updated', lead.id).length === 1, { what: 'lead.updated for the assignee' });
      await settle();
      expect(secretary.of('lead.created', lead.id)).toHaveLength(1);
      expect(secretary.of('lead.updated', lead.id)[0]).toMatchObject({ id: lead.id, assigned_to_id: clinic.secretary.userId, changes: ['status'] });
      expect(otherSecretary.of('lead.created')).toEqual([]);
      expect(otherSecretary.of('lead.updated')).toEqual([]);
      expect(otherClinic.received.filter((entry) => entry.event.startsWith('lead.'))).toEqual([]);
    });

    it('should send notification.created to its recipient only', async () => {
      const clinic = await createTeam(app);
      const [secretary, otherSecretary, admin] = await Promise.all([clinic.secretary, clinic.otherSecretary, clinic.clinic.admin].map((session) => listen(session)));
      const [id] = await app.get(NotificationsService).notify(clinic.clinic.organizationId, { userIds: [clinic.secretary.userId] }, {
        type: NotificationType.LeadAssigned,
        title: 'Novo lead atribuído a você',
        body: 'Teste',
        data: { lead_id: randomUUID() },
      });
      await waitFor(() => secretary.of('notification.created', id).length === 1, { what: 'notification.created' });
      await settle();
      expect(secretary.of('notification.created', id)[0]).toMatchObject({ id, type: 'lead_assigned', read_at: null });
      expect(otherSecretary.of('notification.created')).toEqual([]);
      expect(admin.of('notification.created')).toEqual([]);
    });
  });

  describe('coalescing', () => {
    it('should turn 10 updates of one conversation within 100 ms into at most 2 events carrying the latest state', async () => {
      const clinic = await createTeam(app);
      const [admin, otherSecretary] = await Promise.all([listen(clinic.clinic.admin), listen(clinic.otherSecretary)]);
      const conversation = await insertConversation(clinic.clinic.organizationId, { assignedToId: clinic.secretary.userId });
      const repository = dataSourceOf(app).getRepository(ConversationEntity);
      for (let index = 0; index < 10; index += 1) {
        const status = index === 9 ? ConversationStatus.Closed : ConversationStatus.AwaitingResponse;
        await repository.update({ id: conversation.id }, { status });
        emit(DomainEvent.ConversationUpdated, { organizationId: clinic.clinic.organizationId, conversationId: conversation.id, changes: [index % 2 ? 'status' : 'tags'] });
        await settle(10);
      }
      await waitFor(() => admin.of('conversation.updated', conversation.id).length >= 1, { what: 'conversation.updated' });
      await settle(1_500);
      const events = admin.of('conversation.updated', conversation.id);
      expect(events.length).toBeLessThanOrEqual(2);
      expect(events[events.length - 1]).toMatchObject({ id: conversation.id, status: ConversationStatus.Closed, assigned_to_id: clinic.secretary.userId });
      expect(events.flatMap((event) => event.changes as string[])).toEqual(expect.arrayContaining(['status', 'tags']));
      expect(otherSecretary.of('conversation.updated')).toEqual([]);
    });
  });

  describe('presence', () => {
    it('should announce online, away and offline to the organization only', async () => {
      const clinic = await createTeam(app);
      const [admin, otherClinic] = await Promise.all([listen(clinic.clinic.admin), listen(clinic.otherClinic.admin)]);
      const statusesOf = (listener: Listener): unknown[] =>
        listener.of('presence').filter((payload) => payload.user_id === clinic.secretary.userId).map((payload) => payload.status);
      const secretary = await listen(clinic.secretary);
      await waitFor(() => secretary.of('presence.snapshot').length === 1, { what: 'presence snapshot' });
      await waitFor(() => statusesOf(admin).includes('online'), { what: 'online' });
      const ack = await secretary.socket.emitWithAck('presence', { status: 'away' });
      expect(ack).toEqual({ ok: true });
      await waitFor(() => statusesOf(admin).includes('away'), { what: 'away' });
      expect(await secretary.socket.emitWithAck('presence', { status: 'asleep' })).toEqual({ ok: false });
      secretary.socket.disconnect();
      await waitFor(() => statusesOf(admin).includes('offline'), { what: 'offline' });
      expect(statusesOf(admin)).toEqual(['online', 'away', 'offline']);
      expect(otherClinic.of('presence').filter((payload) => payload.user_id === clinic.secretary.userId)).toEqual([]);
    });
  });

  describe('across processes', () => {
    it('should deliver what a process without the gateway (a worker) publishes through the Redis adapter', async () => {
      const clinic = await createTeam(app);
      const secretary = await listen(clinic.secretary);
      const worker = new RealtimePublisher(app.get(RedisConnectionFactory));
      worker.onApplicationBootstrap();
      try {
        await waitFor(
          async () => {
            worker.emit([rooms.user(clinic.clinic.organizationId, clinic.secretary.userId)], 'notification.created', { id: 'from-worker' });
            await settle(100);
            return secretary.of('notification.created', 'from-worker').length > 0;
          },
          { what: 'event published by the worker' },
        );
      } finally {
        await worker.onModuleDestroy();
      }
    });
  });
});
