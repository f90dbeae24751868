import { randomBytes, randomInt } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from 'supertest';
import { bearer, http, PREFIX, Session } from '../support/api';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { MAX_SEARCH_CANDIDATES, SEARCH_WALK_LIMIT } from 'src/modules/conversations/search/conversation-search.repository';
import { Clinic, createClinic, createMember, createTeam, Team } from '../support/factories';
import { dataSourceOf, insertWhatsappSession } from '../support/whatsapp';

const SEARCH = `${PREFIX}/conversations/search`;

interface SearchItem {
  conversation_id: string;
  status: string;
  assigned_to_id: string | null;
  contact: { id: string; name: string | null; phone: string | null };
  rank: number;
  match_count: number;
  match: { message_id: string; snippet: string; direction: string; sender: string; occurred_at: string };
}

/** A made-up word no other test writes, so each test sees only its own matches. */
function uniqueWord(): string {
  return `zorbo${randomBytes(4).toString('hex').replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)])}`;
}

describe('Conversation search (e2e)', () => {
  let app: NestFastifyApplication;
  let team: Team;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    team = await createTeam(app);
  });

  async function insertConversation(organizationId: string, assignedToId: string | null = null): Promise<{ id: string; sessionId: string; organizationId: string }> {
    const session = await insertWhatsappSession(app, organizationId);
    const digits = String(randomInt(10_000_000, 99_999_999));
    const [row] = (await dataSourceOf(app).query(
      `WITH contact AS (
         INSERT INTO contacts (organization_id, name, phone, source) VALUES ($1, $2, $3, 'whatsapp') RETURNING id
       )
       INSERT INTO conversations (organization_id, session_id, contact_id, chat_id, assigned_to_id, last_message_at)
       SELECT $1, $4, contact.id, $5, $6, now() FROM contact RETURNING id`,
      [organizationId, `Paciente ${digits}`, `+55119${digits}`, session.id, `55119${digits}@c.us`, assignedToId],
    )) as { id: string }[];
    return { id: row.id, sessionId: session.id, organizationId };
  }

  async function insertMessage(conversation: { id: string; sessionId: string; organizationId: string }, body: string, secondsAgo = 0): Promise<string> {
    const [row] = (await dataSourceOf(app).query(
      `INSERT INTO messages (organization_id, conversation_id, session_id, direction, type, sender, status, body, occurred_at)
       VALUES ($1, $2, $3, 'inbound', 'text', 'patient', 'received', $4, now() - $5 * interval '1 second') RETURNING id`,
      [conversation.organizationId, conversation.id, conversation.sessionId, body, secondsAgo],
    )) as { id: string }[];
    return row.id;
  }

  function search(actor: Session | null, query: Record<string, string | number>): Test {
    const request = http(app).get(SEARCH).query(query);
    return actor ? request.set(...bearer(actor)) : request;
  }

  async function items(actor: Session, query: Record<string, string | number>): Promise<SearchItem[]> {
    const response = await search(actor, query).expect(200);
    return response.body.items as SearchItem[];
  }

  describe('matching', () => {
    it('should match other inflections of a word and ignore accents and case', async () => {
      const word = uniqueWord();
      const conversation = await insertConversation(team.clinic.organizationId);
      const messageId = await insertMessage(conversation, `Gostaria de marcar CONSULTAS na Clínica ${word}`);

      for (const q of [`clinica ${word}`, `consulta ${word}`, `CLÍNICAS ${word}`, `consultas clínica ${word}`]) {
        const found = await items(team.clinic.admin, { q });
        expect(found.map((item) => item.match.message_id)).toEqual([messageId]);
      }
      const [item] = await items(team.clinic.admin, { q: `consulta clinica ${word}` });
      expect(item).toMatchObject({
        conversation_id: conversation.id,
        status: 'ACTIVE',
        match_count: 1,
        contact: { name: expect.stringMatching(/^Paciente /), phone: expect.stringMatching(/^\+55119/) },
        match: { direction: 'inbound', sender: 'patient', occurred_at: expect.any(String) },
      });
      expect(item.match.snippet).toContain('<mark>Clínica</mark>');
      expect(item.match.snippet).toContain('<mark>CONSULTAS</mark>');
    });

    it('should require every plain word and honour phrases and exclusions (web-search syntax)', async () => {
      const word = uniqueWord();
      const conversation = await insertConversation(team.clinic.organizationId);
      const pain = await insertMessage(conversation, `Estou com dor de dente ${word}`);
      const other = await insertConversation(team.clinic.organizationId);
      const cleaning = await insertMessage(other, `Quero uma limpeza, sem dor ${word}`);

      expect((await items(team.clinic.admin, { q: `${word} "dor de dente"` })).map((item) => item.match.message_id)).toEqual([pain]);
      expect((await items(team.clinic.admin, { q: `${word} dor -limpeza` })).map((item) => item.match.message_id)).toEqual([pain]);
      expect((await items(team.clinic.admin, { q: `${word} limpeza` })).map((item) => item.match.message_id)).toEqual([cleaning]);
      expect((await items(team.clinic.admin, { q: `${word} dentes or limpezas` })).map((item) => item.match.message_id).sort()).toEqual([pain, cleaning].sort());
    });

    it('should rank the most relevant conversation first and return each conversation once with its best message', async () => {
      const word = uniqueWord();
      const weak = await insertConversation(team.clinic.organizationId);
      await insertMessage(weak, `Oi, boa tarde. Vi o anúncio e queria saber mais sobre vários tratamentos, talvez ${word} no futuro, obrigado`);
      const strong = await insertConversation(team.clinic.organizationId);
      await insertMessage(strong, `${word}`, 30);
      const best = await insertMessage(strong, `${word} ${word}, preciso de ${word} urgente`, 10);

      const found = await items(team.clinic.admin, { q: word });
      expect(found.map((item) => item.conversation_id)).toEqual([strong.id, weak.id]);
      expect(found[0]).toMatchObject({ match_count: 2, match: { message_id: best } });
      expect(found[0].rank).toBeGreaterThan(found[1].rank);
    });

    it('should return HTML-safe snippets: the patient’s markup is escaped, only <mark> is a tag', async () => {
      const word = uniqueWord();
      const conversation = await insertConversation(team.clinic.organizationId);
      await insertMessage(conversation, `<b>${word}</b> & <script>alert("x")</script> <mark>falso</mark>`);

      const [item] = await items(team.clinic.admin, { q: word });
      // Where a fragment starts is ts_headline's choice; what follows the match shows the escaping.
      expect(item.match.snippet).toContain(`<mark>${word}</mark>&lt;/b&gt; &amp; &lt;script&gt;`);
      expect(item.match.snippet).not.toContain('<script>');
      expect(item.match.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    });

    it('should find nothing, not fail, for stop words or query operators alone', async () => {
      for (const q of ['de', 'para o', '!', '"', '-', 'or', "'&|!():*<->"]) {
        const response = await search(team.clinic.admin, { q }).expect(200);
        expect(response.body).toMatchObject({ items: [], total: 0, page: 1, pages: 0 });
      }
    });

    it('should paginate conversations with a stable total', async () => {
      const word = uniqueWord();
      const conversations = [];
      for (let index = 0; index < 5; index += 1) {
        const conversation = await insertConversation(team.clinic.organizationId);
        await insertMessage(conversation, `mensagem ${word}`, index);
        conversations.push(conversation.id);
      }
      const first = await search(team.clinic.admin, { q: word, limit: 2 }).expect(200);
      const third = await search(team.clinic.admin, { q: word, limit: 2, page: 3 }).expect(200);
      const beyond = await search(team.clinic.admin, { q: word, limit: 2, page: 4 }).expect(200);
      expect(first.body).toMatchObject({ total: 5, page: 1, limit: 2, pages: 3 });
      expect(third.body.items).toHaveLength(1);
      expect(beyond.body).toMatchObject({ items: [], total: 5, pages: 3 });
      const all = await items(team.clinic.admin, { q: word, limit: 100 });
      // Equal ranks: the newest message first.
      expect(all.map((item) => item.conversation_id)).toEqual(conversations);
    });
  });

  describe('scope', () => {
    it('should never show another clinic’s conversations', async () => {
      const word = uniqueWord();
      const ours = await insertConversation(team.clinic.organizationId);
      await insertMessage(ours, `nossa ${word}`);
      const theirs = await insertConversation(team.otherClinic.organizationId);
      await insertMessage(theirs, `deles ${word}`);

      expect((await items(team.clinic.admin, { q: word })).map((item) => item.conversation_id)).toEqual([ours.id]);
      expect((await items(team.otherClinic.admin, { q: word })).map((item) => item.conversation_id)).toEqual([theirs.id]);
    });

    it('should show a secretary her conversations and the unassigned queue, never another secretary’s', async () => {
      const word = uniqueWord();
      const hers = await insertConversation(team.clinic.organizationId, team.secretary.userId);
      const unassigned = await insertConversation(team.clinic.organizationId, null);
      const others = await insertConversation(team.clinic.organizationId, team.otherSecretary.userId);
      for (const conversation of [hers, unassigned, others]) await insertMessage(conversation, `texto ${word}`);

      const mine = await search(team.secretary, { q: word }).expect(200);
      expect((mine.body.items as SearchItem[]).map((item) => item.conversation_id).sort()).toEqual([hers.id, unassigned.id].sort());
      expect(mine.body.total).toBe(2);
      expect((await items(team.otherSecretary, { q: word })).map((item) => item.conversation_id).sort()).toEqual([unassigned.id, others.id].sort());
      expect(await items(team.viewer, { q: word })).toHaveLength(3);
    });
  });

  describe('a clinic with a longer history than the walk over its newest messages', () => {
    let clinic: Clinic;
    let recent: { id: string; sessionId: string; organizationId: string };
    const common = uniqueWord();

    beforeAll(async () => {
      clinic = await createClinic(app);
      recent = await insertConversation(clinic.organizationId);
      // More messages than the walk reads, all newer than anything else in the clinic and all with the common word.
      await dataSourceOf(app).query(
        `INSERT INTO messages (organization_id, conversation_id, session_id, direction, type, sender, status, body, occurred_at)
         SELECT $1, $2, $3, 'inbound', 'text', 'patient', 'received', 'recado ' || $4, now() - g * interval '1 millisecond'
         FROM generate_series(1, $5::int) g`,
        [clinic.organizationId, recent.id, recent.sessionId, common, SEARCH_WALK_LIMIT + 10],
      );
    }, 60_000);

    it('should find a word only older messages hold (through the index)', async () => {
      const rare = uniqueWord();
      const old = await insertConversation(clinic.organizationId);
      await insertMessage(old, `antiga ${rare}`, 86_400);
      const found = await search(clinic.admin, { q: rare }).expect(200);
      expect(found.body).toMatchObject({ total: 1, items: [{ conversation_id: old.id }] });
      expect(found.body.items[0].match.snippet).toContain(`<mark>${rare}</mark>`);
    });

    it('should rank only the newest matches of a common word', async () => {
      const old = await insertConversation(clinic.organizationId);
      await insertMessage(old, `antiga ${common}`, 86_400);
      const found = await search(clinic.admin, { q: common }).expect(200);
      expect(found.body).toMatchObject({ total: 1, items: [{ conversation_id: recent.id, match_count: MAX_SEARCH_CANDIDATES }] });
    });

    it('should keep a secretary to her scope through the index too', async () => {
      const rare = uniqueWord();
      const secretary = await createMember(app, clinic.admin, 'secretary');
      const colleague = await createMember(app, clinic.admin, 'secretary');
      const hers = await insertConversation(clinic.organizationId, secretary.userId);
      const theirs = await insertConversation(clinic.organizationId, colleague.userId);
      await insertMessage(hers, `dela ${rare}`, 86_400);
      await insertMessage(theirs, `da colega ${rare}`, 86_400);
      expect((await items(secretary, { q: rare })).map((item) => item.conversation_id)).toEqual([hers.id]);
      expect((await items(colleague, { q: rare })).map((item) => item.conversation_id)).toEqual([theirs.id]);
    });
  });

  describe('bad input and auth', () => {
    it('should answer 400 when q is missing, empty, blank or too long', async () => {
      expectInvalidFields(await search(team.clinic.admin, {}), ['q']);
      expectInvalidFields(await search(team.clinic.admin, { q: '' }), ['q']);
      expectInvalidFields(await search(team.clinic.admin, { q: '   ' }), ['q']);
      expectInvalidFields(await search(team.clinic.admin, { q: 'a'.repeat(201) }), ['q']);
      await search(team.clinic.admin, { q: 'a'.repeat(200) }).expect(200);
    });

    it('should answer 400 for bad paging and unknown parameters', async () => {
      expectInvalidFields(await search(team.clinic.admin, { q: 'dor', limit: 0 }), ['limit']);
      expectInvalidFields(await search(team.clinic.admin, { q: 'dor', limit: 101 }), ['limit']);
      expectInvalidFields(await search(team.clinic.admin, { q: 'dor', page: 'x' }), ['page']);
      expectInvalidFields(await search(team.clinic.admin, { q: 'dor', organization_id: team.otherClinic.organizationId }), ['organization_id']);
    });

    it('should answer 401 without a token', async () => {
      expectError(await search(null, { q: 'dor' }), 401, 'UNAUTHENTICATED');
    });
  });
});
