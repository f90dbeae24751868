import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConversationOwner, ConversationStatus } from 'src/modules/conversations/conversation.entity';
import { LeadsService } from 'src/modules/leads/leads.service';
import { LeadSource, LeadStatus } from 'src/modules/leads/leads.constants';
import { TALLY_COMPACT_ABOVE } from 'src/database/tallies';
import { bearer, http, PREFIX, Session } from '../support/api';
import { insertConversationRow } from '../support/conversation-workflow-rows';
import { withTestApp } from '../support/create-test-app';
import { createClinic, createTeam, Team } from '../support/factories';
import { insertLead, scoreOf } from '../support/leads';
import { dataSourceOf, insertWhatsappSession } from '../support/whatsapp';

type Query = Record<string, string | number>;

/**
 * List totals come from trigger-kept tallies (AddListTallies) while the page itself reads the rows: with every
 * matching row on one page, `total` must equal the number of items, whatever was inserted, moved or deleted.
 */
describe('List totals from tallies (e2e)', () => {
  let app: NestFastifyApplication;
  let team: Team;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    team = await createTeam(app);
  });

  const sql = (text: string, parameters: unknown[] = []) => dataSourceOf(app).query(text, parameters);

  async function expectExact(path: 'conversations' | 'leads', actor: Session, query: Query): Promise<number> {
    const response = await http(app)
      .get(`${PREFIX}/${path}`)
      .query({ ...query, limit: 100 })
      .set(...bearer(actor))
      .expect(200);
    expect({ query, total: response.body.total }).toEqual({ query, total: response.body.items.length });
    return response.body.total as number;
  }

  async function expectConversationTotalsExact(): Promise<void> {
    const admin = team.clinic.admin;
    for (const query of [
      {},
      { status: 'WAITING_SECRETARY' },
      { status: 'ACTIVE,CLOSED' },
      { owner: 'human' },
      { urgent: 'true' },
      { assigned_to: 'none' },
      { assigned_to: team.secretary.userId },
    ] as Query[]) {
      await expectExact('conversations', admin, query);
    }
    await expectExact('conversations', team.secretary, {});
    await expectExact('conversations', team.secretary, { status: 'WAITING_SECRETARY' });
    await expectExact('conversations', team.otherSecretary, { assigned_to: 'me' });
  }

  const tallyRows = async (table: string, organizationId: string): Promise<number> =>
    Number((await sql(`SELECT count(*) AS n FROM ${table} WHERE organization_id = $1`, [organizationId]))[0].n);

  it('should keep conversation totals exact through inserts, moves and cascading deletes', async () => {
    const org = team.clinic.organizationId;
    const session = await insertWhatsappSession(app, org);
    const doomedSession = await insertWhatsappSession(app, org);
    const created = [];
    for (let index = 0; index < 12; index += 1) {
      created.push(
        await insertConversationRow(app, org, {
          sessionId: index % 3 === 0 ? doomedSession.id : session.id,
          status: [ConversationStatus.Active, ConversationStatus.WaitingSecretary, ConversationStatus.Closed][index % 3],
          ownerType: index % 4 === 0 ? ConversationOwner.Human : ConversationOwner.Bot,
          urgent: index % 5 === 0,
          assignedToId: [null, team.secretary.userId, team.otherSecretary.userId][index % 3],
        }),
      );
    }
    await expectConversationTotalsExact();

    // Moves between every filtered column, one by one and set-based.
    await sql(`UPDATE conversations SET status = 'WAITING_SECRETARY', assigned_to_id = NULL WHERE id = $1`, [created[0].id]);
    await sql(`UPDATE conversations SET urgent = NOT urgent, owner_type = 'none' WHERE id = ANY($1)`, [created.slice(1, 6).map((row) => row.id)]);
    await sql(`UPDATE conversations SET assigned_to_id = $2 WHERE id = ANY($1)`, [created.slice(6).map((row) => row.id), team.secretary.userId]);
    // Columns the tallies do not hold change nothing.
    await sql(`UPDATE conversations SET last_message_at = now() WHERE organization_id = $1`, [org]);
    await expectConversationTotalsExact();

    // A deleted number takes its conversations with it (ON DELETE CASCADE).
    await sql(`DELETE FROM whatsapp_sessions WHERE id = $1`, [doomedSession.id]);
    await expectConversationTotalsExact();
    expect(await expectExact('conversations', team.clinic.admin, { session_id: doomedSession.id })).toBe(0);
  });

  it('should keep tag totals exact as tags are added, removed and deleted with their conversation', async () => {
    const org = team.clinic.organizationId;
    const admin = team.clinic.admin;
    const createTag = async (name: string): Promise<string> =>
      (await http(app).post(`${PREFIX}/tags`).set(...bearer(admin)).send({ name, color: '#112233' }).expect(201)).body.id as string;
    const [vip, retorno] = [await createTag(`VIP ${Date.now()}`), await createTag(`Retorno ${Date.now()}`)];
    const session = await insertWhatsappSession(app, org);
    const tagged = [];
    for (let index = 0; index < 5; index += 1) tagged.push(await insertConversationRow(app, org, { sessionId: session.id }));
    const tag = (conversationId: string, tagId: string) =>
      http(app).post(`${PREFIX}/conversations/${conversationId}/tags`).set(...bearer(admin)).send({ tag_id: tagId }).expect((response) => expect(response.status).toBeLessThan(300));
    for (const conversation of tagged) await tag(conversation.id, vip);
    for (const conversation of tagged.slice(0, 2)) await tag(conversation.id, retorno);

    expect(await expectExact('conversations', admin, { tag_id: vip })).toBe(5);
    expect(await expectExact('conversations', admin, { tag_id: `${vip},${retorno}` })).toBe(5);
    expect(await expectExact('conversations', admin, { tag_id: retorno })).toBe(2);

    await http(app).delete(`${PREFIX}/conversations/${tagged[0].id}/tags/${vip}`).set(...bearer(admin)).expect((response) => expect(response.status).toBeLessThan(300));
    expect(await expectExact('conversations', admin, { tag_id: vip })).toBe(4);
    await sql(`DELETE FROM whatsapp_sessions WHERE id = $1`, [session.id]);
    expect(await expectExact('conversations', admin, { tag_id: vip })).toBe(0);
    expect(await expectExact('conversations', admin, { tag_id: `${vip},${retorno}` })).toBe(0);
    // A tag filter with other filters or for a secretary counts rows: still exact.
    await expectExact('conversations', admin, { tag_id: vip, status: 'ACTIVE' });
    await expectExact('conversations', team.secretary, { tag_id: vip });
  });

  it('should fold piled-up deltas into one row per combination without changing any total', async () => {
    const org = team.clinic.organizationId;
    const flipping = await insertConversationRow(app, org, { status: ConversationStatus.Active });
    for (let flip = 0; flip < TALLY_COMPACT_ABOVE / 2 + 10; flip += 1) {
      await sql(`UPDATE conversations SET status = $2 WHERE id = $1`, [flipping.id, flip % 2 === 0 ? 'TRANSFERRED' : 'ACTIVE']);
    }
    expect(await tallyRows('conversation_tallies', org)).toBeGreaterThan(TALLY_COMPACT_ABOVE);

    await expectConversationTotalsExact(); // reading a pile starts the folding
    const deadline = Date.now() + 10_000;
    while ((await tallyRows('conversation_tallies', org)) > TALLY_COMPACT_ABOVE && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const combinations = Number(
      (
        await sql(
          `SELECT count(*) AS n FROM (SELECT DISTINCT status, owner_type, urgent, assigned_to_id, session_id FROM conversations WHERE organization_id = $1) combos`,
          [org],
        )
      )[0].n,
    );
    expect(await tallyRows('conversation_tallies', org)).toBeLessThanOrEqual(combinations);
    await expectConversationTotalsExact();
  });

  it('should keep lead totals exact through status, score, assignment, soft delete and restore', async () => {
    const org = team.clinic.organizationId;
    const leads = [];
    for (let index = 0; index < 8; index += 1) {
      leads.push(
        await insertLead(app, org, {
          score: index * 12,
          source: index % 2 === 0 ? LeadSource.Whatsapp : LeadSource.Instagram,
          assignedToId: index % 3 === 0 ? team.secretary.userId : null,
        }),
      );
    }
    const expectLeadTotalsExact = async (): Promise<void> => {
      for (const query of [{}, { status: 'NEW' }, { status: 'ENGAGED,READY' }, { min_score: 40 }, { max_score: 30, source: 'INSTAGRAM' }, { assigned_to_id: 'none' }] as Query[]) {
        await expectExact('leads', team.clinic.admin, query);
      }
      await expectExact('leads', team.secretary, {});
      await expectExact('leads', team.otherSecretary, { min_score: 20 });
    };
    await expectLeadTotalsExact();

    await sql(`UPDATE leads SET status = $2 WHERE id = ANY($1)`, [leads.slice(0, 3).map((lead) => lead.id), LeadStatus.Engaged]);
    await app.get(LeadsService).recordScore(org, leads[4].id, scoreOf(95));
    await sql(`UPDATE leads SET assigned_to_id = $2 WHERE id = $1`, [leads[5].id, team.otherSecretary.userId]);
    await expectLeadTotalsExact();

    const admin = team.clinic.admin;
    await http(app).delete(`${PREFIX}/leads/${leads[6].id}`).set(...bearer(admin)).expect(204);
    const afterDelete = await expectExact('leads', admin, {});
    await expectLeadTotalsExact();
    await http(app).post(`${PREFIX}/leads/${leads[6].id}/restore`).set(...bearer(admin)).expect((response) => expect(response.status).toBeLessThan(300));
    expect(await expectExact('leads', admin, {})).toBe(afterDelete + 1);
    await expectLeadTotalsExact();
  });

  it("should count only the caller's clinic, and let a clinic be deleted with everything it tallied", async () => {
    const doomed = await createClinic(app);
    await insertConversationRow(app, doomed.organizationId);
    await insertLead(app, doomed.organizationId, { score: 50 });
    expect(await expectExact('conversations', doomed.admin, {})).toBe(2); // the lead's conversation and the other
    expect(await expectExact('leads', doomed.admin, {})).toBe(1);
    // The other clinic's rows never reach this clinic's totals.
    expect(await expectExact('leads', team.otherClinic.admin, {})).toBe(0);

    await sql(`DELETE FROM organizations WHERE id = $1`, [doomed.organizationId]);
    expect(await tallyRows('conversation_tallies', doomed.organizationId)).toBe(0);
    expect(await tallyRows('lead_tallies', doomed.organizationId)).toBe(0);
  });
});
