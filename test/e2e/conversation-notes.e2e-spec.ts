import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from 'supertest';
import { bearer, http, PREFIX, Session } from '../support/api';
import { insertConversation, messageCount } from '../support/conversation-rows';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { createMember, createTeam, Team } from '../support/factories';

const CONVERSATIONS = `${PREFIX}/conversations`;

describe('Conversation notes (e2e)', () => {
  let app: NestFastifyApplication;
  let team: Team;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    team = await createTeam(app);
  });

  function notesOf(conversationId: string): string {
    return `${CONVERSATIONS}/${conversationId}/notes`;
  }

  function addNote(actor: Session, conversationId: string, body: unknown): Test {
    return http(app).post(notesOf(conversationId)).set(...bearer(actor)).send({ body });
  }

  async function noteOk(actor: Session, conversationId: string, body = 'Paciente prefere contato à tarde.'): Promise<{ id: string }> {
    const response = await addNote(actor, conversationId, body);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
    return response.body as { id: string };
  }

  it('should keep notes with their author and time, newest first, and never send anything to the patient', async () => {
    const conversation = await insertConversation(app, team.clinic.organizationId);
    const created = await addNote(team.secretary, conversation.id, '  Confirmar convênio antes de agendar.  ').expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      conversation_id: conversation.id,
      author_user_id: team.secretary.userId,
      author_name: 'Pessoa secretary',
      body: 'Confirmar convênio antes de agendar.',
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const second = await noteOk(team.clinic.admin, conversation.id, 'Segunda nota');
    const list = await http(app).get(notesOf(conversation.id)).set(...bearer(team.viewer)).expect(200);
    expect(list.body).toMatchObject({ total: 2, page: 1, limit: 20, pages: 1 });
    expect((list.body.items as { id: string }[]).map((note) => note.id)).toEqual([second.id, created.body.id]);
    // Notes are internal: no message row (hence no outbound job, no WAHA call) exists for the conversation.
    expect(await messageCount(app, conversation.id)).toBe(0);
    const detail = await http(app).get(`${CONVERSATIONS}/${conversation.id}`).set(...bearer(team.clinic.admin)).expect(200);
    expect(JSON.stringify(detail.body)).not.toContain('Confirmar convênio');
  });

  it('should let the author edit and delete her note, and hide a deleted note', async () => {
    const conversation = await insertConversation(app, team.clinic.organizationId);
    const note = await noteOk(team.secretary, conversation.id);
    const edited = await http(app).patch(`${notesOf(conversation.id)}/${note.id}`).set(...bearer(team.secretary)).send({ body: 'Editada' }).expect(200);
    expect(edited.body).toMatchObject({ id: note.id, body: 'Editada' });
    await http(app).delete(`${notesOf(conversation.id)}/${note.id}`).set(...bearer(team.secretary)).expect(204);
    const list = await http(app).get(notesOf(conversation.id)).set(...bearer(team.secretary)).expect(200);
    expect(list.body).toMatchObject({ items: [], total: 0 });
    expectError(await http(app).delete(`${notesOf(conversation.id)}/${note.id}`).set(...bearer(team.secretary)), 404, 'CONVERSATION_NOTE_NOT_FOUND');
    expectError(await http(app).patch(`${notesOf(conversation.id)}/${note.id}`).set(...bearer(team.secretary)).send({ body: 'x' }), 404, 'CONVERSATION_NOTE_NOT_FOUND');
  });

  it('should answer 403 CONVERSATION_NOTE_NOT_AUTHOR to a colleague, and let any admin edit or delete', async () => {
    const conversation = await insertConversation(app, team.clinic.organizationId);
    const note = await noteOk(team.secretary, conversation.id);
    const url = `${notesOf(conversation.id)}/${note.id}`;
    expectError(await http(app).patch(url).set(...bearer(team.otherSecretary)).send({ body: 'x' }), 403, 'CONVERSATION_NOTE_NOT_AUTHOR');
    expectError(await http(app).delete(url).set(...bearer(team.otherSecretary)), 403, 'CONVERSATION_NOTE_NOT_AUTHOR');
    const otherAdmin = await createMember(app, team.clinic.admin, 'admin');
    await http(app).patch(url).set(...bearer(otherAdmin)).send({ body: 'Corrigida pela gestão' }).expect(200);
    await http(app).delete(url).set(...bearer(team.clinic.admin)).expect(204);
  });

  it('should not let viewers write notes', async () => {
    const conversation = await insertConversation(app, team.clinic.organizationId);
    const note = await noteOk(team.clinic.admin, conversation.id);
    expectError(await addNote(team.viewer, conversation.id, 'oi'), 403, 'FORBIDDEN');
    expectError(await http(app).delete(`${notesOf(conversation.id)}/${note.id}`).set(...bearer(team.viewer)), 403, 'FORBIDDEN');
    expectError(await http(app).get(notesOf(conversation.id)), 401, 'UNAUTHENTICATED');
  });

  it('should scope notes like the conversation: another clinic’s and another secretary’s answer 404', async () => {
    const foreign = await insertConversation(app, team.otherClinic.organizationId);
    const colleagues = await insertConversation(app, team.clinic.organizationId, { assignedToId: team.otherSecretary.userId });
    const colleaguesNote = await noteOk(team.otherSecretary, colleagues.id);
    expectError(await addNote(team.clinic.admin, foreign.id, 'x'), 404, 'CONVERSATION_NOT_FOUND');
    expectError(await http(app).get(notesOf(foreign.id)).set(...bearer(team.clinic.admin)), 404, 'CONVERSATION_NOT_FOUND');
    expectError(await addNote(team.secretary, colleagues.id, 'x'), 404, 'CONVERSATION_NOT_FOUND');
    expectError(await http(app).get(notesOf(colleagues.id)).set(...bearer(team.secretary)), 404, 'CONVERSATION_NOT_FOUND');
    expectError(await http(app).delete(`${notesOf(colleagues.id)}/${colleaguesNote.id}`).set(...bearer(team.secretary)), 404, 'CONVERSATION_NOT_FOUND');
    const foreignNote = await noteOk(team.otherClinic.admin, foreign.id);
    expectError(await http(app).delete(`${notesOf(foreign.id)}/${foreignNote.id}`).set(...bearer(team.clinic.admin)), 404, 'CONVERSATION_NOT_FOUND');
  });

  it('should answer 404 for a note of another conversation under this one', async () => {
    const first = await insertConversation(app, team.clinic.organizationId);
    const second = await insertConversation(app, team.clinic.organizationId);
    const note = await noteOk(team.clinic.admin, first.id);
    expectError(await http(app).delete(`${notesOf(second.id)}/${note.id}`).set(...bearer(team.clinic.admin)), 404, 'CONVERSATION_NOTE_NOT_FOUND');
    expectError(await http(app).delete(`${notesOf(first.id)}/${randomUUID()}`).set(...bearer(team.clinic.admin)), 404, 'CONVERSATION_NOTE_NOT_FOUND');
  });

  it.each([
    ['a blank body', '   '],
    ['a body past 5000 characters', 'a'.repeat(5001)],
    ['a number', 42],
  ])('should answer 400 VALIDATION_FAILED for %s', async (_label, body) => {
    const conversation = await insertConversation(app, team.clinic.organizationId);
    expectInvalidFields(await addNote(team.clinic.admin, conversation.id, body), ['body']);
  });

  it('should answer 400 for unknown fields, malformed ids and bad paging', async () => {
    const conversation = await insertConversation(app, team.clinic.organizationId);
    expectInvalidFields(await http(app).post(notesOf(conversation.id)).set(...bearer(team.clinic.admin)).send({ body: 'x', to_patient: true }), ['to_patient']);
    expectError(await http(app).patch(`${notesOf(conversation.id)}/abc`).set(...bearer(team.clinic.admin)).send({ body: 'x' }), 400, 'VALIDATION_FAILED');
    expectError(await addNote(team.clinic.admin, 'abc', 'x'), 400, 'VALIDATION_FAILED');
    expectInvalidFields(await http(app).get(notesOf(conversation.id)).query({ limit: 0 }).set(...bearer(team.clinic.admin)), ['limit']);
  });
});
