import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AiTurnService } from 'src/modules/ai/turns/ai-turn.service';
import { TurnModels } from 'src/modules/ai/turns/turn-models';
import { TurnScheduler } from 'src/modules/ai/turns/turn-scheduler';
import { bearer, http, PREFIX } from 'test/support/api';
import { buildMessageEvent, FakeWaha } from 'test/support/fake-waha.server';
import { postWebhook } from 'test/support/whatsapp';
import { FrontDeskClinic, randomPatientChat, withFrontDeskApp } from 'test/support/front-desk';
import { waitFor } from 'test/support/wait-for';

/**
 * The offline AI front desk end to end: webhook → inbound → turn → outbound → the fake WAHA, with the demo-like
 * knowledge of two clinics that must never mix.
 */

const QUIET_MS = 1_500;

const SMILE_KNOWLEDGE = {
  name: 'Clínica Sorriso',
  services: [
    { name: 'Limpeza dental', price_cents: 18_000, duration_minutes: 40, description: 'Profilaxia com remoção de tártaro' },
    { name: 'Clareamento', price_cents: 90_000, duration_minutes: 60 },
  ],
  items: [
    { title: 'Estacionamento', content: 'Temos estacionamento conveniado na Rua Augusta, 200, com 2 horas grátis para pacientes.', category: 'location' },
    { title: 'Formas de pagamento', content: 'Aceitamos Pix, cartão de débito e crédito em até 6x sem juros.', category: 'policies' },
  ],
};

// The same questions have other answers here: a leak between clinics would show in the text.
const OTHER_KNOWLEDGE = {
  name: 'Clínica Outra',
  services: [{ name: 'Limpeza dental', price_cents: 99_900, duration_minutes: 30 }],
  items: [{ title: 'Estacionamento', content: 'Não temos estacionamento; o mais próximo fica na Praça Zeta.', category: 'location' }],
};

describe('AI front desk, offline engine (e2e)', () => {
  const harness = withFrontDeskApp('front-desk');
  const desk = harness.desk;
  let app: NestFastifyApplication;
  let fake: FakeWaha;
  let clinic: FrontDeskClinic;
  let other: FrontDeskClinic;

  beforeAll(async () => {
    app = harness.app();
    fake = harness.fake();
    clinic = await desk.newClinic(SMILE_KNOWLEDGE);
    other = await desk.newClinic(OTHER_KNOWLEDGE);
  });

  it('should answer a price question from the clinic’s own knowledge, in Portuguese, once', async () => {
    const chat = randomPatientChat();
    await desk.patientSays(clinic, chat, 'Oi, quanto custa a limpeza?');
    const [answer] = await desk.waitForBot(chat);
    expect(answer).toContain('R$ 180');
    expect(answer).not.toContain('999');
    await desk.turnSettled(clinic, chat, 1);
    expect(desk.botMessagesTo(chat)).toHaveLength(1);

    const otherChat = randomPatientChat();
    await desk.patientSays(other, otherChat, 'Oi, quanto custa a limpeza?');
    const [otherAnswer] = await desk.waitForBot(otherChat);
    expect(otherAnswer).toContain('R$ 999');
    expect(otherAnswer).not.toContain('180');
  });

  it('should never use another clinic’s knowledge, even for what only the other clinic knows', async () => {
    const chat = randomPatientChat();
    await desk.patientSays(other, chat, 'vcs tem estacionamento?');
    const [answer] = await desk.waitForBot(chat);
    expect(answer).toContain('Praça Zeta');
    expect(answer).not.toContain('Augusta');
  });

  it('should turn a booking request into a lead, wait for a secretary and tell the patient when she will confirm', async () => {
    const chat = randomPatientChat();
    await desk.patientSays(clinic, chat, 'Olá, meu nome é Juliana e eu queria agendar uma limpeza para sábado de manhã');
    const [answer] = await desk.waitForBot(chat);
    expect(answer).toMatch(/secret[aá]ria/i);
    expect(answer).toMatch(/(hoje|amanhã|segunda|terça|quarta|quinta|sexta|sábado|domingo|a partir das|até as)/i);

    const conversation = await desk.turnSettled(clinic, chat, 1);
    expect(conversation).toMatchObject({ status: 'WAITING_SECRETARY', owner_type: 'bot' });
    expect(conversation.context).toMatchObject({ patientName: 'Juliana', lastIntent: 'booking', intentType: 'scheduling' });

    const leads = await http(app).get(`${PREFIX}/leads`).set(...bearer(clinic.admin)).expect(200);
    const lead = (leads.body.items as { id: string; conversation_id: string }[]).find((item) => item.conversation_id === conversation.id);
    expect(lead).toBeDefined();
    const detail = await http(app).get(`${PREFIX}/leads/${lead?.id}`).set(...bearer(clinic.admin)).expect(200);
    expect(detail.body).toMatchObject({ source: 'WHATSAPP' });
    expect(detail.body.score).toBeGreaterThan(0);
    expect(detail.body.score_reasons).toEqual(expect.arrayContaining([expect.objectContaining({ factor: 'intent' })]));
    const history = await http(app).get(`${PREFIX}/leads/${lead?.id}/score-history`).set(...bearer(clinic.admin)).expect(200);
    expect(history.body.total).toBe(1);

    // The other clinic sees nothing of it.
    await http(app).get(`${PREFIX}/leads/${lead?.id}`).set(...bearer(other.admin)).expect(404);
  });

  it('should answer a burst of four messages exactly once, after the patient pauses', async () => {
    const burstClinic = await desk.newClinic(SMILE_KNOWLEDGE, { debounce_ms: QUIET_MS, max_debounce_ms: 15_000 });
    const chat = randomPatientChat();
    for (const part of ['oi', 'boa tarde', 'queria saber', 'quanto custa o clareamento?']) await desk.patientSays(burstClinic, chat, part);
    const [answer] = await desk.waitForBot(chat);
    expect(answer).toContain('R$ 900');
    await desk.turnSettled(burstClinic, chat, 4);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS + 500));
    expect(desk.botMessagesTo(chat)).toHaveLength(1);
  });

  it('should stay silent once the clinic phone answers, and speak again after a handback', async () => {
    const chat = randomPatientChat();
    await desk.patientSays(clinic, chat, 'Bom dia! Vocês aceitam Unimed?');
    await desk.waitForBot(chat, 1);
    await desk.clinicPhoneSays(clinic, chat, 'Bom dia! Aqui é a Ana, da recepção. Aceitamos sim.');
    const conversation = (await waitFor(async () => {
      const row = await desk.conversationOf(clinic, chat);
      return row.owner_type === 'human' ? row : null;
    }, { what: 'clinic phone took over' })) as Record<string, unknown>;

    await desk.patientSays(clinic, chat, 'E quanto custa o clareamento?');
    await desk.turnSettled(clinic, chat, 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(desk.botMessagesTo(chat)).toHaveLength(1);

    await http(app).post(`${PREFIX}/conversations/${conversation.id}/handback`).set(...bearer(clinic.admin)).expect(200);
    await desk.patientSays(clinic, chat, 'E quanto custa o clareamento?');
    const messages = await desk.waitForBot(chat, 2);
    expect(messages[1]).toContain('R$ 900');
    const history = await http(app).get(`${PREFIX}/conversations/${conversation.id}/ownership-history`).set(...bearer(clinic.admin)).expect(200);
    expect((history.body.items as { reason: string }[]).map((event) => event.reason)).toEqual(['clinic_phone', 'handback']);
  });

  it('should take the conversation back after the human has been idle for the configured time', async () => {
    const idleClinic = await desk.newClinic(SMILE_KNOWLEDGE, { debounce_ms: 0, human_idle_handback_minutes: 1 });
    const chat = randomPatientChat();
    await desk.patientSays(idleClinic, chat, 'Vocês aceitam Unimed?');
    await desk.waitForBot(chat, 1);
    await desk.clinicPhoneSays(idleClinic, chat, 'Aceitamos sim!');
    const conversation = (await waitFor(async () => {
      const row = await desk.conversationOf(idleClinic, chat);
      return row.owner_type === 'human' ? row : null;
    }, { what: 'clinic phone took over' })) as Record<string, unknown>;

    // Within the idle time the bot stays quiet…
    await desk.patientSays(idleClinic, chat, 'obrigada!');
    await desk.turnSettled(idleClinic, chat, 2);
    expect(desk.botMessagesTo(chat)).toHaveLength(1);
    // …and once the person has been silent longer than that, the bot answers again.
    await desk.query(`UPDATE conversations SET human_takeover_at = now() - interval '2 minutes' WHERE id = $1`, [conversation.id]);
    await desk.patientSays(idleClinic, chat, 'quanto custa o clareamento?');
    expect((await desk.waitForBot(chat, 2))[1]).toContain('R$ 900');
    const history = await http(app).get(`${PREFIX}/conversations/${conversation.id}/ownership-history`).set(...bearer(idleClinic.admin)).expect(200);
    expect((history.body.items as { reason: string; actor_user_id: string | null }[]).map((event) => [event.reason, event.actor_user_id])).toEqual([
      ['clinic_phone', null],
      ['human_idle', null],
    ]);
  });

  it('should leave every conversation to people while the clinic has the bot turned off', async () => {
    const quietClinic = await desk.newClinic(SMILE_KNOWLEDGE, { debounce_ms: 0, enabled: false });
    const chat = randomPatientChat();
    await desk.patientSays(quietClinic, chat, 'quanto custa a limpeza?');
    const stored = await desk.conversationOf(quietClinic, chat);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(desk.botMessagesTo(chat)).toHaveLength(0);
    // The sweeper marks what the bot skipped as seen, so turning the bot back on does not answer old messages.
    await app.get(TurnScheduler).arm([{ organizationId: quietClinic.organizationId, conversationId: String(stored.id) }], { retry: true });
    const conversation = await desk.turnSettled(quietClinic, chat, 1);
    expect(conversation.context).toEqual({});

    await http(app).patch(`${PREFIX}/ai/settings`).set(...bearer(quietClinic.admin)).send({ enabled: true }).expect(200);
    await desk.patientSays(quietClinic, chat, 'quanto custa a limpeza?');
    expect((await desk.waitForBot(chat))[0]).toContain('R$ 180');
  });

  it('should confirm an opt-out once, send nothing automated afterwards, and resume when the patient writes "voltar"', async () => {
    const chat = randomPatientChat();
    await desk.patientSays(clinic, chat, 'Oi, quanto custa a limpeza?');
    await desk.waitForBot(chat, 1);
    await desk.patientSays(clinic, chat, 'por favor parem de me mandar mensagem');
    const [, confirmation] = await desk.waitForBot(chat, 2);
    expect(confirmation).toMatch(/VOLTAR/);
    const conversation = await desk.turnSettled(clinic, chat, 2);
    const [contact] = await desk.query(`SELECT opted_out, opt_out_source FROM contacts WHERE id = $1`, [conversation.contact_id]);
    expect(contact).toEqual({ opted_out: true, opt_out_source: 'patient' });

    await desk.patientSays(clinic, chat, 'quanto custa o clareamento?');
    await desk.turnSettled(clinic, chat, 3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(desk.botMessagesTo(chat)).toHaveLength(2);

    await desk.patientSays(clinic, chat, 'voltar');
    const messages = await desk.waitForBot(chat, 3);
    expect(messages[2]).toMatch(/voltou a receber/i);
    const [after] = await desk.query(`SELECT opted_out FROM contacts WHERE id = $1`, [conversation.contact_id]);
    expect(after).toEqual({ opted_out: false });
  });

  it('should answer an emergency with safety guidance, flag the conversation, hand it off and alert the clinic', async () => {
    const chat = randomPatientChat();
    await desk.patientSays(clinic, chat, 'estou com uma dor muito forte no peito e falta de ar');
    const [answer] = await desk.waitForBot(chat);
    expect(answer).toContain('SAMU 192');
    const conversation = await desk.turnSettled(clinic, chat, 1);
    expect(conversation).toMatchObject({ urgent: true, owner_type: 'none', status: 'WAITING_SECRETARY', handoff_reason: 'urgent' });
    const alerts = await http(app).get(`${PREFIX}/alerts`).set(...bearer(clinic.admin)).expect(200);
    expect(alerts.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'urgent_conversation' })]));

    // Handed off: the bot says nothing more until someone hands it back.
    await desk.patientSays(clinic, chat, 'alguém?');
    await desk.turnSettled(clinic, chat, 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(desk.botMessagesTo(chat)).toHaveLength(1);
  });

  it('should hand off to a person when the patient asks for one', async () => {
    const chat = randomPatientChat();
    await desk.patientSays(clinic, chat, 'quero falar com um atendente');
    const [answer] = await desk.waitForBot(chat);
    expect(answer).toMatch(/equipe|pessoa|atendente/i);
    expect(await desk.turnSettled(clinic, chat, 1)).toMatchObject({ owner_type: 'none', handoff_reason: 'human_request' });
  });

  it('should serve a repeated knowledge question from the cache', async () => {
    const question = 'Quais as formas de pagamento?';
    const first = randomPatientChat();
    await desk.patientSays(clinic, first, question);
    await desk.waitForBot(first);
    const second = randomPatientChat();
    await desk.patientSays(clinic, second, question);
    const [cached] = await desk.waitForBot(second);
    expect(cached).toContain('Pix');
    const conversation = await desk.turnSettled(clinic, second, 1);
    const calls = await desk.query(`SELECT outcome FROM ai_model_calls WHERE conversation_id = $1 AND feature = 'reply'`, [conversation.id]);
    expect(calls).toEqual([{ outcome: 'cache_hit' }]);
  });

  it('should ask the patient to type when a voice note cannot be transcribed (offline engine)', async () => {
    const chat = randomPatientChat();
    const event = buildMessageEvent({
      session: clinic.session.name,
      from: chat,
      body: null,
      hasMedia: true,
      type: 'ptt',
      media: { url: `${fake.url}/api/files/voice.oga`, mimetype: 'audio/ogg; codecs=opus' },
    });
    expect((await postWebhook(app, event, clinic.session.hmacKey)).body).toEqual({ status: 'accepted' });
    const [answer] = await desk.waitForBot(chat);
    expect(answer).toMatch(/por escrito/);
  });

  describe('turn-taking under concurrency', () => {
    let slowClinic: FrontDeskClinic;

    beforeAll(async () => {
      // A long debounce keeps the armed jobs asleep while the tests run turns by hand, as several workers would.
      slowClinic = await desk.newClinic(SMILE_KNOWLEDGE, { debounce_ms: 60_000, max_debounce_ms: 120_000 });
    });

    async function waitForInbound(chat: string, count: number): Promise<Record<string, unknown>> {
      return (await waitFor(async () => {
        const row = await desk.conversationOf(slowClinic, chat);
        return row.inbound_count === count ? row : null;
      }, { what: `${count} patient message(s) stored` })) as Record<string, unknown>;
    }

    it('should answer a burst once when five workers run its turn at the same time', async () => {
      const chat = randomPatientChat();
      await desk.patientSays(slowClinic, chat, 'quanto custa a limpeza?');
      const conversation = await waitForInbound(chat, 1);
      const job = { organizationId: slowClinic.organizationId, conversationId: String(conversation.id), inboundCount: 1 };
      const outcomes = await Promise.all(Array.from({ length: 5 }, () => app.get(AiTurnService).run(job)));
      expect(outcomes.filter((outcome) => outcome === 'answered')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome !== 'answered').every((outcome) => ['already_answered', 'draft_dropped'].includes(outcome))).toBe(true);
      await desk.waitForBot(chat);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(desk.botMessagesTo(chat)).toHaveLength(1);
      expect(await app.get(AiTurnService).run(job)).toBe('already_answered');
    });

    it('should drop a draft overtaken by a newer message, then answer the whole burst once', async () => {
      const chat = randomPatientChat();
      await desk.patientSays(slowClinic, chat, 'oi');
      const conversation = await waitForInbound(chat, 1);
      const reply = TurnModels.prototype.reply;
      const spy = jest.spyOn(TurnModels.prototype, 'reply').mockImplementationOnce(async function (this: TurnModels, ...args) {
        // The patient adds a message while the model is still writing.
        await desk.patientSays(slowClinic, chat, 'quanto custa o clareamento?');
        await waitForInbound(chat, 2);
        return reply.apply(this, args);
      });
      const job = { organizationId: slowClinic.organizationId, conversationId: String(conversation.id) };
      expect(await app.get(AiTurnService).run({ ...job, inboundCount: 1 })).toBe('draft_dropped');
      spy.mockRestore();
      expect(await app.get(AiTurnService).run({ ...job, inboundCount: 1 })).toBe('superseded');
      expect(await app.get(AiTurnService).run({ ...job, inboundCount: 2 })).toBe('answered');
      const [answer] = await desk.waitForBot(chat);
      expect(answer).toContain('R$ 900');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(desk.botMessagesTo(chat)).toHaveLength(1);
    });
  });
});
