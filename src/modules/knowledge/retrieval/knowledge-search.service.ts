import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { KnowledgeCategory, SEARCH_MAX_LIMIT } from '../knowledge.constants';
import { TEXT_SEARCH_CONFIG } from './chunk-writer';
import { queryTerms } from './query-terms';
import { fuseRankings, rankByCosine, Ranking } from './ranking';

/** A chunk the bot may quote, best first; `score` is the fused reciprocal-rank score (higher is better). */
export interface RetrievedChunk {
  chunkId: string;
  itemId: string;
  title: string;
  category: KnowledgeCategory;
  content: string;
  score: number;
}

export interface SearchOptions {
  limit?: number;
  /** The question's embedding; chunks embedded with a vector of the same size are ranked by cosine too. */
  queryEmbedding?: number[];
}

/** How far down each ranking is read before fusing. */
const CANDIDATES_PER_LIMIT = 4;
const MIN_CANDIDATES = 20;
/** Trigrams mostly catch typos; whole-word text matches should lead. */
const TRIGRAM_WEIGHT = 0.5;
/** Lower than pg_trgm's 0.6 default so a one-letter typo ("limpesa") still matches. */
const WORD_SIMILARITY_THRESHOLD = 0.5;

// Only active items are retrieved; the join repeats the organization so no other clinic's item can pair up.
const ACTIVE_CHUNKS = `knowledge_chunks c JOIN knowledge_items i ON i.id = c.item_id AND i.organization_id = c.organization_id`;

// Chunks covering more of the question's distinct words come first (ts_rank_cd alone lets one word repeated
// outrank two different ones: "aceita pix" must find the payment methods, not every "aceitamos"); then by rank.
const FULL_TEXT_SQL = `
  SELECT c.id FROM ${ACTIVE_CHUNKS}, to_tsquery('${TEXT_SEARCH_CONFIG}', $2) AS q
  WHERE c.organization_id = $1 AND i.active AND c.search_vector @@ q
  ORDER BY (SELECT count(*) FROM unnest($4::text[]) AS w(word) WHERE c.search_vector @@ to_tsquery('${TEXT_SEARCH_CONFIG}', w.word)) DESC,
           ts_rank_cd(c.search_vector, q) DESC, c.id
  LIMIT $3`;

const TRIGRAM_SQL = `
  SELECT c.id FROM ${ACTIVE_CHUNKS} CROSS JOIN unnest($2::text[]) AS t(term)
  WHERE c.organization_id = $1 AND i.active AND t.term <% c.content
  GROUP BY c.id
  ORDER BY sum(word_similarity(t.term, c.content)) DESC, c.id
  LIMIT $3`;

const EMBEDDED_SQL = `
  SELECT c.id, c.embedding FROM ${ACTIVE_CHUNKS}
  WHERE c.organization_id = $1 AND i.active AND c.embedding IS NOT NULL AND cardinality(c.embedding) = $2`;

const DETAILS_SQL = `
  SELECT c.id AS chunk_id, c.item_id, i.title, i.category, c.content FROM ${ACTIVE_CHUNKS}
  WHERE c.organization_id = $1 AND c.id = ANY($2::uuid[])`;

/** Hybrid retrieval over one organization's active knowledge: full text, trigrams and (optionally) embeddings. */
@Injectable()
export class KnowledgeSearchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(organizationId: string, query: string, options: SearchOptions = {}): Promise<RetrievedChunk[]> {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 5), 1), SEARCH_MAX_LIMIT);
    const depth = Math.max(limit * CANDIDATES_PER_LIMIT, MIN_CANDIDATES);
    const terms = queryTerms(query);
    const embedding = options.queryEmbedding?.length ? options.queryEmbedding : undefined;
    if (!terms.tsquery && !embedding) return [];
    // One transaction so the trigram threshold applies to this search only (SET LOCAL).
    return this.dataSource.transaction(async (manager) => {
      const rankings: Ranking[] = [
        { ids: terms.tsquery ? await ids(manager, FULL_TEXT_SQL, [organizationId, terms.tsquery, depth, terms.words]) : [] },
        { ids: terms.trigram.length > 0 ? await this.trigramRanking(manager, organizationId, terms.trigram, depth) : [], weight: TRIGRAM_WEIGHT },
        { ids: embedding ? await this.embeddingRanking(manager, organizationId, embedding, depth) : [] },
      ];
      const fused = [...fuseRankings(rankings).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
      return this.details(manager, organizationId, fused);
    });
  }

  private async trigramRanking(manager: EntityManager, organizationId: string, words: string[], depth: number): Promise<string[]> {
    await manager.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, [String(WORD_SIMILARITY_THRESHOLD)]);
    return ids(manager, TRIGRAM_SQL, [organizationId, words, depth]);
  }

  private async embeddingRanking(manager: EntityManager, organizationId: string, embedding: number[], depth: number): Promise<string[]> {
    const rows: { id: string; embedding: number[] }[] = await manager.query(EMBEDDED_SQL, [organizationId, embedding.length]);
    return rankByCosine(embedding, rows, depth);
  }

  private async details(manager: EntityManager, organizationId: string, fused: [string, number][]): Promise<RetrievedChunk[]> {
    if (fused.length === 0) return [];
    const rows: { chunk_id: string; item_id: string; title: string; category: KnowledgeCategory; content: string }[] = await manager.query(DETAILS_SQL, [
      organizationId,
      fused.map(([id]) => id),
    ]);
    const byId = new Map(rows.map((row) => [row.chunk_id, row]));
    return fused.flatMap(([id, score]) => {
      const row = byId.get(id);
      return row ? [{ chunkId: id, itemId: row.item_id, title: row.title, category: row.category, content: row.content, score }] : [];
    });
  }
}

async function ids(manager: EntityManager, sql: string, parameters: unknown[]): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(sql, parameters);
  return rows.map((row) => row.id);
}
