import { randomInt, randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ContactEntity, ContactSource } from 'src/modules/contacts/contact.entity';
import { ConversationEntity, ConversationOwner, ConversationStatus } from 'src/modules/conversations/conversation.entity';
import { bearer, http, PREFIX, Session } from '../support/api';
import { withTestApp } from '../support/create-test-app';
import { expectError } from '../support/expect-error';
import { Clinic, createClinic, createMember } from '../support/factories';
import { dataSourceOf, insertWhatsappSession } from '../support/whatsapp';

const CONVERSATIONS = `${PREFIX}/conversations`;

describe('Conversation ownership and handback (e2e)', () => {
  let app: NestFastifyApplication;
  let clinic: Clinic;
  let secretary: Session;
  let otherSecretary: Session;
  let viewer: Session;
  let otherClinic: Clinic;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    clinic = await createClinic(app);
    secretary = await createMember(app, clinic.admin, 'secretary');
    otherSecretary = await createMember(app, clinic.admin, 'secretary');
    viewer = await createMember(app, clinic.admin, 'viewer');
    otherClinic = await createClinic(app);
  });

  async function insertConversation(organizationId: string, fields: Partial<ConversationEntity> = {}): Promise<ConversationEntity> {
    const sessionId = (await insertWhatsappSession(app, organizationId)).id;
    const digits = String(randomInt(10_000_000, 99_999_999));
    const contacts = dataSourceOf(app).getRepository(ContactEntity);
    const contact = await contacts.save(contacts.create({ organizationId, name: `Paciente ${digits}`, phone: `+55119${digits}`, source: ContactSource.Whatsapp }));
    const conversations = dataSourceOf(app).getRepository(ConversationEntity);
    return conversations.save(conversations.create({ organizationId, sessionId, contactId: contact.id, chatId: `55119${digits}@c.us`, ...fields }));
  }

  const history = (session: Session, id: string) => http(app).get(`${CONVERSATIONS}/${id}/ownership-history`).set(...bearer(session));
  const handback = (session: Session, id: string) => http(app).post(`${CONVERSATIONS}/${id}/handback`).set(...bearer(session));

  it('should record a secretary’s reply as a takeover and give the conversation back to the bot on handback', async () => {
    const conversation = await insertConversation(clinic.organizationId);
    await http(app).post(`${CONVERSATIONS}/${conversation.id}/messages`).set(...bearer(secretary)).send({ text: 'Oi, aqui é a secretária' }).expect(202);

    const taken = await http(app).get(`${CONVERSATIONS}/${conversation.id}`).set(...bearer(secretary)).expect(200);
    expect(taken.body).toMatchObject({ owner_type: ConversationOwner.Human, owner_user_id: secretary.userId });

    const back = await handback(secretary, conversation.id).expect(200);
    expect(back.body).toEqual({ id: conversation.id, owner_type: ConversationOwner.Bot, changed: true });
    const again = await handback(secretary, conversation.id).expect(200);
    expect(again.body.changed).toBe(false);

    const events = await history(clinic.admin, conversation.id).expect(200);
    expect(events.body.total).toBe(2);
    expect(events.body.items).toEqual([
      expect.objectContaining({ from_owner_type: 'bot', to_owner_type: 'human', to_user_id: secretary.userId, reason: 'user_reply', actor_user_id: secretary.userId }),
      expect.objectContaining({ from_owner_type: 'human', from_user_id: secretary.userId, to_owner_type: 'bot', to_user_id: null, reason: 'handback', actor_user_id: secretary.userId }),
    ]);
  });

  it('should turn a conversation waiting for a secretary active again when handed back', async () => {
    const conversation = await insertConversation(clinic.organizationId, {
      status: ConversationStatus.WaitingSecretary,
      ownerType: ConversationOwner.Nobody,
      handoffReason: 'human_request',
      botFailureStreak: 2,
    });
    await handback(clinic.admin, conversation.id).expect(200);
    const stored = await dataSourceOf(app).getRepository(ConversationEntity).findOneByOrFail({ id: conversation.id });
    expect(stored).toMatchObject({ status: ConversationStatus.Active, ownerType: ConversationOwner.Bot, handoffReason: null, botFailureStreak: 0 });
  });

  it('should refuse to hand back a closed conversation (409)', async () => {
    const conversation = await insertConversation(clinic.organizationId, { status: ConversationStatus.Closed, ownerType: ConversationOwner.Human });
    expectError(await handback(clinic.admin, conversation.id).expect(409), 409, 'CONVERSATION_CLOSED');
  });

  it('should answer 404 for another clinic’s conversation and for another secretary’s, and change nothing', async () => {
    const foreign = await insertConversation(otherClinic.organizationId, { ownerType: ConversationOwner.Human });
    expectError(await handback(clinic.admin, foreign.id).expect(404), 404, 'CONVERSATION_NOT_FOUND');
    expectError(await history(clinic.admin, foreign.id).expect(404), 404, 'CONVERSATION_NOT_FOUND');

    const hers = await insertConversation(clinic.organizationId, { assignedToId: otherSecretary.userId, ownerType: ConversationOwner.Human });
    expectError(await handback(secretary, hers.id).expect(404), 404, 'CONVERSATION_NOT_FOUND');
    expectError(await history(secretary, hers.id).expect(404), 404, 'CONVERSATION_NOT_FOUND');

    const rows = await dataSourceOf(app).getRepository(ConversationEntity).findBy([{ id: foreign.id }, { id: hers.id }]);
    expect(rows.map((row) => row.ownerType)).toEqual([ConversationOwner.Human, ConversationOwner.Human]);
  });

  it('should let a viewer read the history but not hand back (403), and reject bad ids and paging (400)', async () => {
    const conversation = await insertConversation(clinic.organizationId, { ownerType: ConversationOwner.Human });
    await history(viewer, conversation.id).expect(200);
    expectError(await handback(viewer, conversation.id).expect(403), 403, 'FORBIDDEN');
    expectError(await handback(clinic.admin, 'not-a-uuid').expect(400), 400, 'VALIDATION_FAILED');
    expectError(await http(app).get(`${CONVERSATIONS}/${conversation.id}/ownership-history?limit=0`).set(...bearer(clinic.admin)).expect(400), 400, 'VALIDATION_FAILED');
    expectError(await handback(clinic.admin, randomUUID()).expect(404), 404, 'CONVERSATION_NOT_FOUND');
    await http(app).post(`${CONVERSATIONS}/${conversation.id}/handback`).expect(401);
  });
});
