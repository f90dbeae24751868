import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from 'supertest';
import { bearer, http, PREFIX, Session } from '../support/api';
import { insertConversation } from '../support/conversation-rows';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { createTeam, Team } from '../support/factories';

const TAGS = `${PREFIX}/tags`;
const CONVERSATIONS = `${PREFIX}/conversations`;

describe('Tags (e2e)', () => {
  let app: NestFastifyApplication;
  let team: Team;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    team = await createTeam(app);
  });

  function createTag(actor: Session, body: object): Test {
    return http(app).post(TAGS).set(...bearer(actor)).send(body);
  }

  async function tagOk(actor: Session, name = `Tag ${randomUUID().slice(0, 8)}`, color = '#1e88e5'): Promise<{ id: string; name: string }> {
    const response = await createTag(actor, { name, color });
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
    return response.body as { id: string; name: string };
  }

  function tagConversation(actor: Session, conversationId: string, tagId: string): Test {
    return http(app).post(`${CONVERSATIONS}/${conversationId}/tags`).set(...bearer(actor)).send({ tag_id: tagId });
  }

  function untag(actor: Session, conversationId: string, tagId: string): Test {
    return http(app).delete(`${CONVERSATIONS}/${conversationId}/tags/${tagId}`).set(...bearer(actor));
  }

  describe('/tags', () => {
    it('should let an admin create, rename, recolour and delete a tag, with the colour stored upper case', async () => {
      const created = await createTag(team.clinic.admin, { name: '  Retorno ', color: '#1e88e5' }).expect(201);
      expect(created.body).toEqual({ id: expect.any(String), name: 'Retorno', color: '#1E88E5', created_at: expect.any(String), updated_at: expect.any(String) });
      const updated = await http(app).patch(`${TAGS}/${created.body.id}`).set(...bearer(team.clinic.admin)).send({ name: 'Retorno 30 dias', color: '#00AA00' }).expect(200);
      expect(updated.body).toMatchObject({ name: 'Retorno 30 dias', color: '#00AA00' });
      await http(app).delete(`${TAGS}/${created.body.id}`).set(...bearer(team.clinic.admin)).expect(204);
      expectError(await http(app).get(`${TAGS}/${created.body.id}`).set(...bearer(team.clinic.admin)), 404, 'TAG_NOT_FOUND');
    });

    it('should refuse a name already used in the organization whatever its case, on create and on rename', async () => {
      const name = `Convênio ${randomUUID().slice(0, 6)}`;
      await tagOk(team.clinic.admin, name);
      expectError(await createTag(team.clinic.admin, { name: name.toUpperCase(), color: '#000000' }), 409, 'TAG_NAME_TAKEN');
      const other = await tagOk(team.clinic.admin);
      expectError(await http(app).patch(`${TAGS}/${other.id}`).set(...bearer(team.clinic.admin)).send({ name: name.toLowerCase() }), 409, 'TAG_NAME_TAKEN');
      // Another clinic may use the same name.
      await tagOk(team.otherClinic.admin, name);
    });

    it.each([
      ['a colour without #', { name: 'A', color: '1E88E5' }, ['color']],
      ['a short colour', { name: 'A', color: '#FFF' }, ['color']],
      ['a non-hex colour', { name: 'A', color: '#GGGGGG' }, ['color']],
      ['a blank name', { name: '   ', color: '#000000' }, ['name']],
      ['a name past 50 characters', { name: 'a'.repeat(51), color: '#000000' }, ['name']],
      ['an unknown field', { name: 'A', color: '#000000', organization_id: randomUUID() }, ['organization_id']],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_label, body, fields) => {
      expectInvalidFields(await createTag(team.clinic.admin, body), fields);
    });

    it('should refuse null on rename instead of clearing the name', async () => {
      const tag = await tagOk(team.clinic.admin);
      expectInvalidFields(await http(app).patch(`${TAGS}/${tag.id}`).set(...bearer(team.clinic.admin)).send({ name: null }), ['name']);
    });

    it('should let everyone in the clinic list tags, alphabetically, and nobody else see them', async () => {
      const { clinic } = team;
      const prefix = `zz${randomUUID().slice(0, 6)}`;
      await tagOk(clinic.admin, `${prefix} beta`);
      await tagOk(clinic.admin, `${prefix} Alfa`);
      for (const actor of [clinic.admin, team.secretary, team.viewer]) {
        const response = await http(app).get(TAGS).query({ search: prefix }).set(...bearer(actor)).expect(200);
        expect((response.body.items as { name: string }[]).map((tag) => tag.name)).toEqual([`${prefix} Alfa`, `${prefix} beta`]);
      }
      const foreign = await http(app).get(TAGS).query({ search: prefix }).set(...bearer(team.otherClinic.admin)).expect(200);
      expect(foreign.body).toMatchObject({ items: [], total: 0 });
    });

    it('should answer 404 for another clinic’s tag on read, update and delete', async () => {
      const foreign = await tagOk(team.otherClinic.admin);
      const admin = team.clinic.admin;
      expectError(await http(app).get(`${TAGS}/${foreign.id}`).set(...bearer(admin)), 404, 'TAG_NOT_FOUND');
      expectError(await http(app).patch(`${TAGS}/${foreign.id}`).set(...bearer(admin)).send({ name: 'x' }), 404, 'TAG_NOT_FOUND');
      expectError(await http(app).delete(`${TAGS}/${foreign.id}`).set(...bearer(admin)), 404, 'TAG_NOT_FOUND');
    });

    it('should let only admins manage tags', async () => {
      const tag = await tagOk(team.clinic.admin);
      for (const actor of [team.secretary, team.viewer]) {
        expectError(await createTag(actor, { name: 'Nova', color: '#000000' }), 403, 'FORBIDDEN');
        expectError(await http(app).patch(`${TAGS}/${tag.id}`).set(...bearer(actor)).send({ name: 'x' }), 403, 'FORBIDDEN');
        expectError(await http(app).delete(`${TAGS}/${tag.id}`).set(...bearer(actor)), 403, 'FORBIDDEN');
      }
      expectError(await http(app).get(TAGS), 401, 'UNAUTHENTICATED');
    });

    it('should answer 400 for a malformed id and a bad sort', async () => {
      expectInvalidFields(await http(app).get(`${TAGS}/not-a-uuid`).set(...bearer(team.clinic.admin)), ['id']);
      expectInvalidFields(await http(app).get(TAGS).query({ sort: 'color', limit: 101 }).set(...bearer(team.clinic.admin)), ['sort', 'limit']);
    });
  });

  describe('/conversations/:id/tags', () => {
    it('should tag idempotently, list, untag, and record each real change in the history', async () => {
      const conversation = await insertConversation(app, team.clinic.organizationId);
      const tag = await tagOk(team.clinic.admin);
      const first = await tagConversation(team.secretary, conversation.id, tag.id).expect(200);
      expect(first.body).toEqual([expect.objectContaining({ id: tag.id, name: tag.name })]);
      await tagConversation(team.secretary, conversation.id, tag.id).expect(200, first.body);
      await http(app).get(`${CONVERSATIONS}/${conversation.id}/tags`).set(...bearer(team.viewer)).expect(200, first.body);

      await untag(team.secretary, conversation.id, tag.id).expect(204);
      await untag(team.secretary, conversation.id, tag.id).expect(204);
      await http(app).get(`${CONVERSATIONS}/${conversation.id}/tags`).set(...bearer(team.clinic.admin)).expect(200, []);

      const history = await http(app).get(`${CONVERSATIONS}/${conversation.id}/history`).set(...bearer(team.clinic.admin)).expect(200);
      const tagEntries = (history.body.items as { field: string }[]).filter((entry) => entry.field === 'tags');
      expect(tagEntries).toHaveLength(2);
    });

    it('should drop the tag from conversations when the tag is deleted', async () => {
      const conversation = await insertConversation(app, team.clinic.organizationId);
      const tag = await tagOk(team.clinic.admin);
      await tagConversation(team.clinic.admin, conversation.id, tag.id).expect(200);
      await http(app).delete(`${TAGS}/${tag.id}`).set(...bearer(team.clinic.admin)).expect(204);
      await http(app).get(`${CONVERSATIONS}/${conversation.id}/tags`).set(...bearer(team.clinic.admin)).expect(200, []);
    });

    it('should answer 404 TAG_NOT_FOUND for another clinic’s tag or an unknown one', async () => {
      const conversation = await insertConversation(app, team.clinic.organizationId);
      const foreign = await tagOk(team.otherClinic.admin);
      expectError(await tagConversation(team.clinic.admin, conversation.id, foreign.id), 404, 'TAG_NOT_FOUND');
      expectError(await untag(team.clinic.admin, conversation.id, foreign.id), 404, 'TAG_NOT_FOUND');
      expectError(await tagConversation(team.clinic.admin, conversation.id, randomUUID()), 404, 'TAG_NOT_FOUND');
    });

    it('should answer 404 CONVERSATION_NOT_FOUND for another clinic’s conversation and another secretary’s', async () => {
      const tag = await tagOk(team.clinic.admin);
      const foreign = await insertConversation(app, team.otherClinic.organizationId);
      const colleagues = await insertConversation(app, team.clinic.organizationId, { assignedToId: team.otherSecretary.userId });
      expectError(await tagConversation(team.clinic.admin, foreign.id, tag.id), 404, 'CONVERSATION_NOT_FOUND');
      expectError(await tagConversation(team.secretary, colleagues.id, tag.id), 404, 'CONVERSATION_NOT_FOUND');
      expectError(await untag(team.secretary, colleagues.id, tag.id), 404, 'CONVERSATION_NOT_FOUND');
      expectError(await http(app).get(`${CONVERSATIONS}/${colleagues.id}/tags`).set(...bearer(team.secretary)), 404, 'CONVERSATION_NOT_FOUND');
      await tagConversation(team.otherSecretary, colleagues.id, tag.id).expect(200);
    });

    it('should refuse viewers and bad input', async () => {
      const conversation = await insertConversation(app, team.clinic.organizationId);
      const tag = await tagOk(team.clinic.admin);
      expectError(await tagConversation(team.viewer, conversation.id, tag.id), 403, 'FORBIDDEN');
      expectError(await untag(team.viewer, conversation.id, tag.id), 403, 'FORBIDDEN');
      expectInvalidFields(await tagConversation(team.clinic.admin, conversation.id, 'abc'), ['tag_id']);
      expectInvalidFields(await http(app).post(`${CONVERSATIONS}/${conversation.id}/tags`).set(...bearer(team.clinic.admin)).send({}), ['tag_id']);
      expectError(await untag(team.clinic.admin, conversation.id, 'abc'), 400, 'VALIDATION_FAILED');
    });
  });
});
