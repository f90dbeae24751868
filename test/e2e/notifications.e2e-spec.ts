import { randomInt, randomUUID } from 'node:crypto';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from 'supertest';
import { DomainEvent, DomainEventPayloads } from 'src/common/events/domain-events';
import { ContactEntity, ContactSource } from 'src/modules/contacts/contact.entity';
import { ConversationEntity, ConversationOwner, ConversationStatus } from 'src/modules/conversations/conversation.entity';
import { LeadSource } from 'src/modules/leads/leads.constants';
import { LeadsService } from 'src/modules/leads/leads.service';
import { NotificationType } from 'src/modules/notifications/notification.entity';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { FirstResponseService } from 'src/modules/realtime/first-response.service';
import { bearer, http, PREFIX, Session } from '../support/api';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { createMember, createTeam, Team } from '../support/factories';
import { waitFor } from '../support/wait-for';
import { dataSourceOf, insertWhatsappSession } from '../support/whatsapp';

const NOTIFICATIONS = `${PREFIX}/notifications`;

interface NotificationBody {
  id: string;
  type: string;
  priority: string;
  data: { conversation_id?: string; lead_id?: string };
  read_at: string | null;
}

describe('Notifications (e2e)', () => {
  let app: NestFastifyApplication;
  let team: Team;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    team = await createTeam(app);
  });

  async function insertConversation(organizationId: string, fields: Partial<ConversationEntity> = {}): Promise<ConversationEntity> {
    const session = await insertWhatsappSession(app, organizationId);
    const digits = String(randomInt(10_000_000, 99_999_999));
    const contacts = dataSourceOf(app).getRepository(ContactEntity);
    const contact = await contacts.save(contacts.create({ organizationId, name: `Paciente ${digits}`, phone: `+55119${digits}`, source: ContactSource.Whatsapp }));
    const conversations = dataSourceOf(app).getRepository(ConversationEntity);
    return conversations.save(conversations.create({ organizationId, sessionId: session.id, contactId: contact.id, chatId: `55119${digits}@c.us`, ...fields }));
  }

  function emit<E extends DomainEvent>(event: E, payload: DomainEventPayloads[E]): void {
    app.get(EventEmitter2).emit(event, payload);
  }

  function list(actor: Session, query: Record<string, string | number> = {}): Test {
    return http(app).get(NOTIFICATIONS).query(query).set(...bearer(actor));
  }

  /** Waits until the caller has at least one notification of `type` (listeners run after the event). */
  async function arrived(actor: Session, type: string): Promise<NotificationBody[]> {
    return (await waitFor(async () => {
      const found = await notificationsOf(actor, type);
      return found.length > 0 ? found : null;
    }, { what: `${type} notification` })) ?? [];
  }

  async function notificationsOf(actor: Session, type?: string): Promise<NotificationBody[]> {
    const response = await list(actor, { limit: 100 });
    expect(response.status).toBe(200);
    return (response.body.items as NotificationBody[]).filter((item) => !type || item.type === type);
  }

  async function notifyDirectly(member: Session, count = 1): Promise<string[]> {
    const created: string[] = [];
    for (let index = 0; index < count; index += 1) {
      created.push(
        ...(await app.get(NotificationsService).notify(member.organizationId, { userIds: [member.userId] }, {
          type: NotificationType.LeadAssigned,
          title: `Aviso ${index}`,
          body: 'Teste',
          data: { lead_id: randomUUID() },
        })),
      );
    }
    return created;
  }

  describe('GET /notifications', () => {
    it('should list only the caller’s own notifications, newest first, paginated', async () => {
      const member = await createMember(app, team.clinic.admin, 'secretary');
      const mine = await notifyDirectly(member, 3);
      await notifyDirectly(team.secretary, 1);
      const response = await list(member, { limit: 2 });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ total: 3, page: 1, limit: 2, pages: 2 });
      expect(response.body.items.map((item: NotificationBody) => item.id)).toEqual([mine[2], mine[1]]);
      expect(response.body.items[0]).toMatchObject({ type: 'lead_assigned', priority: 'normal', read_at: null, title: 'Aviso 2' });
    });

    it('should filter unread ones with unread=true', async () => {
      const member = await createMember(app, team.clinic.admin, 'secretary');
      const [first, second] = await notifyDirectly(member, 2);
      await http(app).patch(`${NOTIFICATIONS}/${first}/read`).set(...bearer(member)).expect(200);
      const unread = await list(member, { unread: 'true' });
      expect(unread.body.items.map((item: NotificationBody) => item.id)).toEqual([second]);
      const all = await list(member, { unread: 'false' });
      expect(all.body.total).toBe(2);
    });

    it('should reject bad input with 400 and missing tokens with 401', async () => {
      expectInvalidFields(await list(team.secretary, { limit: 101 }), ['limit']);
      expectInvalidFields(await list(team.secretary, { unread: 'maybe' }), ['unread']);
      expectInvalidFields(await list(team.secretary, { user_id: team.otherSecretary.userId }), ['user_id']);
      expectError(await http(app).get(NOTIFICATIONS), 401, 'UNAUTHENTICATED');
    });
  });

  describe('PATCH /notifications/:id/read, POST /read-all, GET /unread-count', () => {
    it('should mark one read (idempotently) and count the unread ones', async () => {
      const member = await createMember(app, team.clinic.admin, 'secretary');
      const [first] = await notifyDirectly(member, 3);
      expect((await http(app).get(`${NOTIFICATIONS}/unread-count`).set(...bearer(member))).body).toEqual({ unread: 3 });
      const read = await http(app).patch(`${NOTIFICATIONS}/${first}/read`).set(...bearer(member));
      expect(read.status).toBe(200);
      expect(read.body.read_at).toEqual(expect.any(String));
      const again = await http(app).patch(`${NOTIFICATIONS}/${first}/read`).set(...bearer(member));
      expect(again.body.read_at).toBe(read.body.read_at);
      expect((await http(app).get(`${NOTIFICATIONS}/unread-count`).set(...bearer(member))).body).toEqual({ unread: 2 });
      const all = await http(app).post(`${NOTIFICATIONS}/read-all`).set(...bearer(member));
      expect(all.status).toBe(200);
      expect(all.body).toEqual({ updated: 2 });
      expect((await http(app).get(`${NOTIFICATIONS}/unread-count`).set(...bearer(member))).body).toEqual({ unread: 0 });
    });

    it('should answer 404 for another user’s or another clinic’s notification, and leave it unread', async () => {
      const [colleagues] = await notifyDirectly(team.otherSecretary, 1);
      const otherClinicUser = team.otherClinic.admin;
      expectError(await http(app).patch(`${NOTIFICATIONS}/${colleagues}/read`).set(...bearer(team.secretary)), 404, 'NOTIFICATION_NOT_FOUND');
      expectError(await http(app).patch(`${NOTIFICATIONS}/${colleagues}/read`).set(...bearer(team.clinic.admin)), 404, 'NOTIFICATION_NOT_FOUND');
      expectError(await http(app).patch(`${NOTIFICATIONS}/${colleagues}/read`).set(...bearer(otherClinicUser)), 404, 'NOTIFICATION_NOT_FOUND');
      expectError(await http(app).patch(`${NOTIFICATIONS}/${randomUUID()}/read`).set(...bearer(team.secretary)), 404, 'NOTIFICATION_NOT_FOUND');
      expectInvalidFields(await http(app).patch(`${NOTIFICATIONS}/not-a-uuid/read`).set(...bearer(team.secretary)), ['id']);
      const still = await notificationsOf(team.otherSecretary);
      expect(still.find((item) => item.id === colleagues)?.read_at).toBeNull();
    });

    it('should mark only the caller’s notifications with read-all', async () => {
      const member = await createMember(app, team.clinic.admin, 'secretary');
      const colleague = await createMember(app, team.clinic.admin, 'secretary');
      await notifyDirectly(member, 1);
      await notifyDirectly(colleague, 2);
      await http(app).post(`${NOTIFICATIONS}/read-all`).set(...bearer(member)).expect(200);
      expect((await http(app).get(`${NOTIFICATIONS}/unread-count`).set(...bearer(colleague))).body).toEqual({ unread: 2 });
    });

    it('should refuse a user id of another clinic when notifying (never across organizations)', async () => {
      const created = await app.get(NotificationsService).notify(team.clinic.organizationId, { userIds: [team.otherClinic.admin.userId] }, {
        type: NotificationType.LeadAssigned,
        title: 'x',
        body: 'x',
        data: {},
      });
      expect(created).toEqual([]);
    });
  });

  describe('settings', () => {
    it('should default the first-response target to 15 minutes and let only admins change it', async () => {
      const clinic = await createTeam(app);
      const get = await http(app).get(`${NOTIFICATIONS}/settings`).set(...bearer(clinic.secretary));
      expect(get.body).toEqual({ first_response_target_minutes: 15 });
      expectError(await http(app).patch(`${NOTIFICATIONS}/settings`).set(...bearer(clinic.secretary)).send({ first_response_target_minutes: 5 }), 403, 'FORBIDDEN');
      expectInvalidFields(await http(app).patch(`${NOTIFICATIONS}/settings`).set(...bearer(clinic.clinic.admin)).send({ first_response_target_minutes: 0 }), ['first_response_target_minutes']);
      expectInvalidFields(await http(app).patch(`${NOTIFICATIONS}/settings`).set(...bearer(clinic.clinic.admin)).send({ first_response_target_minutes: 'x' }), ['first_response_target_minutes']);
      const patched = await http(app).patch(`${NOTIFICATIONS}/settings`).set(...bearer(clinic.clinic.admin)).send({ first_response_target_minutes: 5 });
      expect(patched.status).toBe(200);
      expect(patched.body).toEqual({ first_response_target_minutes: 5 });
      expect((await http(app).get(`${NOTIFICATIONS}/settings`).set(...bearer(clinic.otherClinic.admin))).body).toEqual({ first_response_target_minutes: 15 });
    });
  });

  describe('triggers', () => {
    it('should notify every admin and secretary of the clinic, and nobody elsewhere, when an unassigned conversation is handed off urgently', async () => {
      const clinic = await createTeam(app);
      const conversation = await insertConversation(clinic.clinic.organizationId, { status: ConversationStatus.WaitingSecretary, ownerType: ConversationOwner.Nobody, urgent: true });
      emit(DomainEvent.ConversationHandedOff, { organizationId: clinic.clinic.organizationId, conversationId: conversation.id, reason: 'urgent', urgent: true });
      for (const member of [clinic.clinic.admin, clinic.secretary, clinic.otherSecretary]) {
        const [notification] = await arrived(member, 'conversation_urgent');
        expect(notification).toMatchObject({ priority: 'high', data: { conversation_id: conversation.id } });
      }
      expect(await notificationsOf(clinic.viewer)).toEqual([]);
      expect(await notificationsOf(clinic.otherClinic.admin)).toEqual([]);
    });

    it('should notify only the assignee of a handed-off conversation', async () => {
      const clinic = await createTeam(app);
      const conversation = await insertConversation(clinic.clinic.organizationId, { assignedToId: clinic.secretary.userId, status: ConversationStatus.WaitingSecretary });
      emit(DomainEvent.ConversationHandedOff, { organizationId: clinic.clinic.organizationId, conversationId: conversation.id, reason: 'asked_for_human', urgent: false });
      expect(await arrived(clinic.secretary, 'conversation_handoff')).toHaveLength(1);
      expect(await notificationsOf(clinic.otherSecretary)).toEqual([]);
      expect(await notificationsOf(clinic.clinic.admin)).toEqual([]);
    });

    it('should ignore a handoff event carrying another clinic’s conversation id', async () => {
      const clinic = await createTeam(app);
      const foreign = await insertConversation(clinic.otherClinic.organizationId, { status: ConversationStatus.WaitingSecretary });
      emit(DomainEvent.ConversationHandedOff, { organizationId: clinic.clinic.organizationId, conversationId: foreign.id, reason: 'x', urgent: true });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await notificationsOf(clinic.clinic.admin)).toEqual([]);
      expect(await notificationsOf(clinic.otherClinic.admin)).toEqual([]);
    });

    it('should raise one unread "new message" per conversation for its owner and assignee', async () => {
      const clinic = await createTeam(app);
      const conversation = await insertConversation(clinic.clinic.organizationId, { ownerType: ConversationOwner.Human, ownerUserId: clinic.clinic.admin.userId, assignedToId: clinic.secretary.userId });
      for (let index = 0; index < 3; index += 1) {
        emit(DomainEvent.MessageReceived, { organizationId: clinic.clinic.organizationId, conversationId: conversation.id, messageId: randomUUID(), contactId: conversation.contactId });
      }
      await arrived(clinic.secretary, 'message_received');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await notificationsOf(clinic.secretary, 'message_received')).toHaveLength(1);
      expect(await notificationsOf(clinic.clinic.admin, 'message_received')).toHaveLength(1);
      expect(await notificationsOf(clinic.otherSecretary)).toEqual([]);
    });

    it('should notify the assignee of a lead, but not when she took it herself', async () => {
      const clinic = await createTeam(app);
      const conversation = await insertConversation(clinic.clinic.organizationId);
      const { lead } = await app.get(LeadsService).ensureForConversation({
        organizationId: clinic.clinic.organizationId,
        conversationId: conversation.id,
        contactId: conversation.contactId,
        source: LeadSource.Whatsapp,
        assignedToId: clinic.secretary.userId,
      });
      const base = { organizationId: clinic.clinic.organizationId, leadId: lead.id, previousAssigneeId: null };
      emit(DomainEvent.LeadAssigned, { ...base, assignedToId: clinic.secretary.userId, actorUserId: clinic.secretary.userId });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await notificationsOf(clinic.secretary, 'lead_assigned')).toEqual([]);
      emit(DomainEvent.LeadAssigned, { ...base, assignedToId: clinic.secretary.userId, actorUserId: clinic.clinic.admin.userId });
      const [notification] = await arrived(clinic.secretary, 'lead_assigned');
      expect(notification.data).toEqual({ lead_id: lead.id, conversation_id: conversation.id });
      expect(await notificationsOf(clinic.otherSecretary)).toEqual([]);
    });

    it('should notify the staff once when an item is still waiting past the first-response target', async () => {
      const clinic = await createTeam(app);
      const conversation = await insertConversation(clinic.clinic.organizationId, { status: ConversationStatus.WaitingSecretary, ownerType: ConversationOwner.Nobody });
      const assigned = await insertConversation(clinic.clinic.organizationId, { status: ConversationStatus.WaitingSecretary, assignedToId: clinic.secretary.userId });
      const firstResponse = app.get(FirstResponseService);
      const payload = { organizationId: clinic.clinic.organizationId, itemType: 'conversation' as const, itemId: conversation.id, queuedAt: 1 };
      expect(await firstResponse.check(payload)).toBe(true);
      expect(await firstResponse.check(payload)).toBe(false);
      await http(app).post(`${NOTIFICATIONS}/read-all`).set(...bearer(clinic.secretary)).expect(200);
      expect(await firstResponse.check(payload)).toBe(false);
      expect(await firstResponse.check({ ...payload, itemId: assigned.id })).toBe(false);
      expect(await firstResponse.check({ ...payload, organizationId: clinic.otherClinic.organizationId })).toBe(false);
      const [overdue] = await notificationsOf(clinic.otherSecretary, 'first_response_overdue');
      expect(overdue).toMatchObject({ priority: 'high', data: { conversation_id: conversation.id } });
      expect(await notificationsOf(clinic.otherClinic.admin)).toEqual([]);
    });
  });
});
