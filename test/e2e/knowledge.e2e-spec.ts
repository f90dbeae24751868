import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Test } from 'supertest';
import { authConfig } from 'src/config/auth.config';
import { DomainEvent, KnowledgeChangedEvent } from 'src/common/events/domain-events';
import { KnowledgeService } from 'src/modules/knowledge/knowledge.service';
import { bearer, http, login, PREFIX, Session } from '../support/api';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { createClinic, createMember } from '../support/factories';

const KNOWLEDGE = `${PREFIX}/knowledge`;
const IMPORT = `${KNOWLEDGE}/import`;
const SEARCH = `${KNOWLEDGE}/search`;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface ItemBody {
  id: string;
  title: string;
  content: string;
  category: string;
  tags: string[];
  active: boolean;
}

interface ChunkBody {
  chunk_id: string;
  item_id: string;
  title: string;
  category: string;
  content: string;
  score: number;
}

const PARKING = { title: 'Estacionamento', content: 'Estacionamento conveniado no subsolo: R$ 15,00 por até 2 horas.', category: 'location', tags: ['Carro', ' vaga '] };

describe('Knowledge (e2e)', () => {
  let app: NestFastifyApplication;

  withTestApp((created) => (app = created));

  const addItem = (session: Session, fields: Record<string, unknown> = {}): Test => http(app).post(KNOWLEDGE).set(...bearer(session)).send({ ...PARKING, ...fields });
  async function addItemOk(session: Session, fields: Record<string, unknown> = {}): Promise<ItemBody> {
    const response = await addItem(session, fields);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
    return response.body as ItemBody;
  }
  const getItem = (session: Session, id: string): Test => http(app).get(`${KNOWLEDGE}/${id}`).set(...bearer(session));
  const patchItem = (session: Session, id: string, body: Record<string, unknown>): Test => http(app).patch(`${KNOWLEDGE}/${id}`).set(...bearer(session)).send(body);
  const deleteItem = (session: Session, id: string): Test => http(app).delete(`${KNOWLEDGE}/${id}`).set(...bearer(session));
  const list = (session: Session, query: Record<string, string | number | boolean> = {}): Test => http(app).get(KNOWLEDGE).query(query).set(...bearer(session));
  const search = (session: Session, q: string, limit = 3): Test => http(app).get(SEARCH).query({ q, limit }).set(...bearer(session));
  const importItems = (session: Session, body: Record<string, unknown>): Test => http(app).post(IMPORT).set(...bearer(session)).send(body);
  const version = async (session: Session): Promise<number> => (await http(app).get(`${PREFIX}/clinic-profile`).set(...bearer(session)).expect(200)).body.knowledge_version as number;
  const titlesOf = (response: { body: { items: { title: string }[] } }): string[] => response.body.items.map((item) => item.title);

  describe('CRUD', () => {
    it('should create an item, normalise its tags and answer every field', async () => {
      const { admin } = await createClinic(app);
      const response = await addItem(admin, { title: '  Estacionamento ' }).expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        title: 'Estacionamento',
        content: PARKING.content,
        category: 'location',
        tags: ['carro', 'vaga'],
        active: true,
        created_at: expect.stringMatching(ISO_DATE),
        updated_at: expect.stringMatching(ISO_DATE),
      });
      await getItem(admin, response.body.id).expect(200, response.body);
    });

    it('should change, re-index and delete an item, bumping the version and announcing each change', async () => {
      const { admin, organizationId } = await createClinic(app);
      const announced: KnowledgeChangedEvent[] = [];
      const listener = (event: KnowledgeChangedEvent): void => {
        if (event.organizationId === organizationId) announced.push(event);
      };
      app.get(EventEmitter2).on(DomainEvent.KnowledgeChanged, listener);
      try {
        const item = await addItemOk(admin);
        expect(await version(admin)).toBe(1);
        const changed = await patchItem(admin, item.id, { content: 'Temos manobrista na porta, sem custo.', tags: [] }).expect(200);
        expect(changed.body).toMatchObject({ content: 'Temos manobrista na porta, sem custo.', tags: [], title: 'Estacionamento' });
        expect(titlesOf(await search(admin, 'manobrista').expect(200))).toEqual(['Estacionamento']);
        expect((await search(admin, 'subsolo').expect(200)).body.items).toEqual([]);
        await patchItem(admin, item.id, { content: 'Temos manobrista na porta, sem custo.' }).expect(200);
        expect(await version(admin)).toBe(2);
        await deleteItem(admin, item.id).expect(204);
        expect(await version(admin)).toBe(3);
        expectError(await getItem(admin, item.id), 404, 'KNOWLEDGE_ITEM_NOT_FOUND');
        expect((await search(admin, 'manobrista').expect(200)).body.items).toEqual([]);
        expect(announced).toEqual([{ organizationId }, { organizationId }, { organizationId }]);
      } finally {
        app.get(EventEmitter2).off(DomainEvent.KnowledgeChanged, listener);
      }
    });

    it('should audit creation, change and deletion without copying the content', async () => {
      const { admin } = await createClinic(app);
      const item = await addItemOk(admin);
      await patchItem(admin, item.id, { content: 'Novo texto.', category: 'faq' }).expect(200);
      await deleteItem(admin, item.id).expect(204);
      const logs = await http(app).get(`${PREFIX}/audit-logs`).query({ entity_id: item.id }).set(...bearer(admin)).expect(200);
      expect(logs.body.items.map((log: { action: string }) => log.action)).toEqual(['knowledge_item.deleted', 'knowledge_item.updated', 'knowledge_item.created']);
      expect(logs.body.items[1].changes).toEqual({ content: { old: '[omitted]', new: '[omitted]' }, category: { old: 'location', new: 'faq' } });
    });

    it('should keep inactive items listed but out of retrieval', async () => {
      const { admin } = await createClinic(app);
      const item = await addItemOk(admin);
      await patchItem(admin, item.id, { active: false }).expect(200);
      expect((await search(admin, 'estacionamento').expect(200)).body.items).toEqual([]);
      expect(titlesOf(await list(admin, { active: false }).expect(200))).toEqual(['Estacionamento']);
      await patchItem(admin, item.id, { active: true }).expect(200);
      expect(titlesOf(await search(admin, 'estacionamento').expect(200))).toEqual(['Estacionamento']);
    });

    it('should answer 409 KNOWLEDGE_TITLE_TAKEN for a title already used, whatever its case', async () => {
      const { admin } = await createClinic(app);
      const first = await addItemOk(admin);
      expectError(await addItem(admin, { title: 'ESTACIONAMENTO' }), 409, 'KNOWLEDGE_TITLE_TAKEN');
      const second = await addItemOk(admin, { title: 'Pix' });
      expectError(await patchItem(admin, second.id, { title: 'estacionamento' }), 409, 'KNOWLEDGE_TITLE_TAKEN');
      await patchItem(admin, first.id, { title: 'ESTACIONAMENTO' }).expect(200);
    });

    it.each([
      ['an empty body', {}, ['title', 'content', 'category']],
      ['an unknown category', { category: 'receitas' }, ['category']],
      ['a blank title', { title: '   ' }, ['title']],
      ['a title over 200 characters', { title: 't'.repeat(201) }, ['title']],
      ['content over 20000 characters', { content: 'c'.repeat(20_001) }, ['content']],
      ['tags that are not strings', { tags: [1] }, ['tags']],
      ['repeated tags', { tags: ['carro', 'Carro'] }, ['tags']],
      ['a non-boolean active flag', { active: 'sim' }, ['active']],
      ['an unknown field', { organization_id: randomUUID() }, ['organization_id']],
    ])('should answer 400 VALIDATION_FAILED on create for %s', async (_label, fields, invalid) => {
      const { admin } = await createClinic(app);
      const body = Object.keys(fields).length === 0 ? {} : { ...PARKING, ...fields };
      expectInvalidFields(await http(app).post(KNOWLEDGE).set(...bearer(admin)).send(body), invalid);
    });

    it('should answer 400 for a null field on PATCH and for a malformed id', async () => {
      const { admin } = await createClinic(app);
      const item = await addItemOk(admin);
      expectInvalidFields(await patchItem(admin, item.id, { title: null }), ['title']);
      expectInvalidFields(await getItem(admin, 'not-a-uuid'), ['id']);
    });
  });

  describe('GET /knowledge', () => {
    it('should paginate, filter by category and search text without accents', async () => {
      const { admin } = await createClinic(app);
      await addItemOk(admin);
      await addItemOk(admin, { title: 'Convênios aceitos', content: 'Aceitamos Unimed e Amil.', category: 'insurance' });
      await addItemOk(admin, { title: 'Limpeza dental', content: 'Limpeza com flúor: R$ 180,00.', category: 'prices' });
      const firstPage = await list(admin, { limit: 2, sort: 'title', order: 'asc' }).expect(200);
      expect(firstPage.body).toMatchObject({ total: 3, page: 1, limit: 2, pages: 2 });
      expect(titlesOf(firstPage)).toEqual(['Convênios aceitos', 'Estacionamento']);
      expect(titlesOf(await list(admin, { category: 'prices' }).expect(200))).toEqual(['Limpeza dental']);
      expect(titlesOf(await list(admin, { q: 'fluor' }).expect(200))).toEqual(['Limpeza dental']);
      expect(titlesOf(await list(admin, { q: 'convênio', sort: 'title', order: 'asc' }).expect(200))).toEqual(['Convênios aceitos', 'Estacionamento']);
      expect(titlesOf(await list(admin, { q: 'R$ 180' }).expect(200))).toEqual(['Limpeza dental']);
      expect((await list(admin, { page: 5 }).expect(200)).body.items).toEqual([]);
    });

    it.each([
      ['an unknown category', { category: 'receitas' }, 'category'],
      ['a limit over 100', { limit: 101 }, 'limit'],
      ['an unknown sort', { sort: 'content' }, 'sort'],
      ['a non-boolean active', { active: 'sim' }, 'active'],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_label, query, field) => {
      const { admin } = await createClinic(app);
      expectInvalidFields(await list(admin, query), [field]);
    });
  });

  describe('POST /knowledge/import', () => {
    it('should import JSON items, keep the good ones and report the bad ones by index', async () => {
      const { admin } = await createClinic(app);
      const response = await importItems(admin, {
        format: 'json',
        items: [PARKING, { title: 'Pix', content: 'Aceitamos Pix.', category: 'Preços' }, { title: 'Sem categoria', content: 'x' }, 'texto', { ...PARKING, title: 'estacionamento' }],
      }).expect(200);
      expect(response.body).toEqual({
        total: 5,
        imported: 2,
        created: 2,
        updated: 0,
        unchanged: 0,
        rejected: 3,
        errors: [
          { item: 2, title: 'Sem categoria', message: expect.stringContaining('category must be one of') },
          { item: 3, message: 'item must be an object with title, content and category' },
          { item: 4, title: 'estacionamento', message: 'title repeats item 0; only the first item of a title is imported' },
        ],
      });
      expect(titlesOf(await list(admin, { sort: 'title', order: 'asc' }).expect(200))).toEqual(['Estacionamento', 'Pix']);
    });

    it('should import CSV rows by line, updating items of the same title and leaving identical ones alone', async () => {
      const { admin } = await createClinic(app);
      await addItemOk(admin);
      await addItemOk(admin, { title: 'Atrasos', content: 'Toleramos 15 minutos de atraso.', category: 'policies', tags: [] });
      const csv = [
        'titulo;conteudo;categoria;tags',
        'estacionamento;Agora com manobrista.;localização;carro',
        'Atrasos;Toleramos 15 minutos de atraso.;políticas;',
        'Horário;"Segunda a sexta, 8h às 19h.\nSábado, 8h às 12h.";horários;sábado',
        ';Sem título;faq;',
        'Receitas;Texto;culinária;',
      ].join('\n');
      const response = await importItems(admin, { format: 'csv', content: csv }).expect(200);
      expect(response.body).toEqual({
        total: 5,
        imported: 3,
        created: 1,
        updated: 1,
        unchanged: 1,
        rejected: 2,
        errors: [
          { line: 6, message: expect.stringContaining('title must be longer than or equal to 1 characters') },
          { line: 7, title: 'Receitas', message: expect.stringContaining('category must be one of') },
        ],
      });
      const parking = (await list(admin, { q: 'manobrista' }).expect(200)).body.items as ItemBody[];
      expect(parking).toEqual([expect.objectContaining({ title: 'estacionamento', content: 'Agora com manobrista.', tags: ['carro'] })]);
      expect(titlesOf(await search(admin, 'vcs abrem sabado?').expect(200))[0]).toBe('Horário');
    });

    it('should import Markdown sections with categories from headings or lines', async () => {
      const { admin } = await createClinic(app);
      const markdown = ['# Preços', '', '## Limpeza dental', 'Limpeza com flúor: R$ 180,00.', '', '## Clareamento', 'Categoria: serviços', 'Três sessões.', '', '# Outros', '## Sem categoria', 'Texto.'].join('\n');
      const response = await importItems(admin, { format: 'markdown', content: markdown }).expect(200);
      expect(response.body).toMatchObject({ total: 3, imported: 2, created: 2, rejected: 1, errors: [{ line: 11, title: 'Sem categoria', message: expect.stringContaining('category is missing') }] });
      expect((await list(admin, { q: 'Clareamento' }).expect(200)).body.items).toEqual([expect.objectContaining({ category: 'services', content: 'Três sessões.' })]);
    });

    it('should bump the version once per import that changes something, and audit it', async () => {
      const { admin } = await createClinic(app);
      const body = { format: 'json', items: [PARKING, { title: 'Pix', content: 'Aceitamos Pix.', category: 'prices' }] };
      await importItems(admin, body).expect(200);
      expect(await version(admin)).toBe(1);
      expect((await importItems(admin, body).expect(200)).body).toMatchObject({ unchanged: 2, created: 0, updated: 0 });
      expect(await version(admin)).toBe(1);
      const logs = await http(app).get(`${PREFIX}/audit-logs`).query({ action: 'knowledge_item.imported' }).set(...bearer(admin)).expect(200);
      expect(logs.body.items[0].metadata).toMatchObject({ format: 'json', created: 0, unchanged: 2 });
    });

    it.each([
      ['an unknown format', { format: 'xlsx', content: 'x' }, 400, 'VALIDATION_FAILED'],
      ['csv without content', { format: 'csv' }, 400, 'VALIDATION_FAILED'],
      ['json that is not an array', { format: 'json', content: '{"title":"x"}' }, 400, 'KNOWLEDGE_IMPORT_INVALID'],
      ['unreadable json', { format: 'json', content: '[{' }, 400, 'KNOWLEDGE_IMPORT_INVALID'],
      ['a csv header without category', { format: 'csv', content: 'title,content\nA,a\n' }, 400, 'KNOWLEDGE_IMPORT_INVALID'],
      ['markdown without sections', { format: 'markdown', content: 'Só texto.' }, 400, 'KNOWLEDGE_IMPORT_INVALID'],
      ['more than 500 items', { format: 'json', items: Array.from({ length: 501 }, () => ({})) }, 413, 'KNOWLEDGE_IMPORT_TOO_LARGE'],
      ['more than 512 KB', { format: 'markdown', content: `## T\n${'x'.repeat(600 * 1024)}` }, 413, 'KNOWLEDGE_IMPORT_TOO_LARGE'],
    ])('should refuse %s', async (_label, body, status, code) => {
      const { admin } = await createClinic(app);
      expectError(await importItems(admin, body), status, code);
    });
  });

  describe('permissions and isolation', () => {
    it('should answer 401 without a token', async () => {
      expectError(await http(app).get(KNOWLEDGE), 401, 'UNAUTHENTICATED');
      expectError(await http(app).post(KNOWLEDGE).send(PARKING), 401, 'UNAUTHENTICATED');
      expectError(await http(app).get(SEARCH).query({ q: 'x' }), 401, 'UNAUTHENTICATED');
      expectError(await http(app).post(IMPORT).send({ format: 'json', items: [] }), 401, 'UNAUTHENTICATED');
    });

    it('should let secretaries and viewers read and search but not write (403)', async () => {
      const { admin } = await createClinic(app);
      const item = await addItemOk(admin);
      for (const role of ['secretary', 'viewer'] as const) {
        const member = await createMember(app, admin, role);
        await list(member).expect(200);
        await getItem(member, item.id).expect(200);
        await search(member, 'estacionamento').expect(200);
        expectError(await addItem(member, { title: 'Outro' }), 403, 'FORBIDDEN');
        expectError(await patchItem(member, item.id, { content: 'Mudado' }), 403, 'FORBIDDEN');
        expectError(await deleteItem(member, item.id), 403, 'FORBIDDEN');
        expectError(await importItems(member, { format: 'json', items: [{ ...PARKING, title: 'Outro' }] }), 403, 'FORBIDDEN');
      }
      await getItem(admin, item.id).expect(200, item);
    });

    it('should answer 404 for another clinic’s item and never list or retrieve it', async () => {
      const clinicA = await createClinic(app);
      const clinicB = await createClinic(app);
      const item = await addItemOk(clinicA.admin, { content: 'Palavra exclusiva xilofone.' });
      expectError(await getItem(clinicB.admin, item.id), 404, 'KNOWLEDGE_ITEM_NOT_FOUND');
      expectError(await patchItem(clinicB.admin, item.id, { content: 'x' }), 404, 'KNOWLEDGE_ITEM_NOT_FOUND');
      expectError(await deleteItem(clinicB.admin, item.id), 404, 'KNOWLEDGE_ITEM_NOT_FOUND');
      expect((await list(clinicB.admin, { q: 'xilofone' }).expect(200)).body.total).toBe(0);
      expect((await search(clinicB.admin, 'xilofone estacionamento').expect(200)).body.items).toEqual([]);
      expect(await app.get(KnowledgeService).search(clinicB.organizationId, 'xilofone estacionamento')).toEqual([]);
      // Importing the same title in clinic B creates its own item rather than touching clinic A's.
      expect((await importItems(clinicB.admin, { format: 'json', items: [PARKING] }).expect(200)).body.created).toBe(1);
      await getItem(clinicA.admin, item.id).expect(200, item);
    });
  });

  describe('retrieval in the demo clinic', () => {
    let secretary: Session;

    beforeAll(async () => {
      secretary = await login(app, 'ana@clinicaexemplo.com.br', authConfig().demoUserPassword);
    });

    it.each([
      ['do you accept Unimed?', 'Convênios aceitos', 'Unimed'],
      ['quanto custa a limpeza', /Limpeza dental|Tabela de preços: odontologia/, 'R$ 180,00'],
      ['qual o endereço', 'Endereço e como chegar', 'Av. Paulista, 1578'],
      ['vcs abrem sabado', 'Horário de funcionamento', 'aos sábados das 8h às 12h'],
      ['tem estacionamento?', 'Estacionamento', 'R$ 15,00'],
      ['aceita pix?', 'Formas de pagamento', 'Pix'],
      ['precisa de jejum pra arrancar dente?', 'Preparo para extração e cirurgia oral', 'jejum'],
      ['limpesa', /Limpeza dental|Tabela de preços: odontologia/, 'Limpeza'],
    ])('should answer %j with %s first', async (question, title, quote) => {
      const response = await search(secretary, question).expect(200);
      const [best] = response.body.items as ChunkBody[];
      expect(best.title).toMatch(title);
      expect(best.content).toContain(quote);
      expect(best).toEqual({ chunk_id: expect.any(String), item_id: expect.any(String), title: best.title, category: expect.any(String), content: expect.any(String), score: expect.any(Number) });
    });

    it('should find nothing for a greeting', async () => {
      expect((await search(secretary, 'oi, bom dia!').expect(200)).body.items).toEqual([]);
    });

    it('should rank embedded chunks by cosine similarity when given a query embedding', async () => {
      const knowledge = app.get(KnowledgeService);
      const clinic = await createClinic(app);
      const a = await addItemOk(clinic.admin, { title: 'Alfa', content: 'Primeiro assunto.', category: 'faq' });
      await addItemOk(clinic.admin, { title: 'Beta', content: 'Segundo assunto.', category: 'faq' });
      const pending = await knowledge.listChunksWithoutEmbedding(clinic.organizationId, 10);
      expect(pending.map((chunk) => chunk.content).sort()).toEqual(['Alfa\n\nPrimeiro assunto.', 'Beta\n\nSegundo assunto.']);
      const vectors = new Map([[a.id, [1, 0, 0]]]);
      const saved = await knowledge.saveEmbeddings(clinic.organizationId, [
        ...pending.map((chunk) => ({ chunkId: chunk.chunkId, embedding: vectors.get(chunk.itemId) ?? [0, 1, 0], model: 'test-embedding' })),
        { chunkId: randomUUID(), embedding: [1, 1, 1], model: 'test-embedding' },
        { chunkId: 'not-a-uuid', embedding: [1, 1, 1], model: 'test-embedding' },
      ]);
      expect(saved).toBe(2);
      expect(await knowledge.listChunksWithoutEmbedding(clinic.organizationId, 10)).toEqual([]);
      // No word matches: only the embedding decides.
      const results = await knowledge.search(clinic.organizationId, 'zzz', { queryEmbedding: [0.9, 0.1, 0] });
      expect(results.map((chunk) => chunk.title)).toEqual(['Alfa', 'Beta']);
      // Another clinic's embedded chunks are never compared.
      const other = await createClinic(app);
      expect(await knowledge.search(other.organizationId, 'zzz', { queryEmbedding: [0.9, 0.1, 0] })).toEqual([]);
      // Editing the text drops the embedding of the changed chunk only.
      await patchItem(clinic.admin, a.id, { content: 'Assunto revisto.' }).expect(200);
      expect((await knowledge.listChunksWithoutEmbedding(clinic.organizationId, 10)).map((chunk) => chunk.itemId)).toEqual([a.id]);
    });

    it('should answer 400 VALIDATION_FAILED for a search without q or with a bad limit', async () => {
      expectInvalidFields(await http(app).get(SEARCH).set(...bearer(secretary)), ['q']);
      expectInvalidFields(await search(secretary, 'limpeza', 21), ['limit']);
    });
  });
});
