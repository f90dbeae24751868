import { EntityManager } from 'typeorm';
import { CATEGORY_SEARCH_TERMS, KnowledgeCategory } from '../knowledge.constants';
import { chunkItem } from './chunker';

/** The text search configuration the migration creates: Portuguese stemming over unaccented words. */
export const TEXT_SEARCH_CONFIG = 'public.robbot_portuguese';

export interface ChunkSource {
  id: string;
  title: string;
  content: string;
  category: KnowledgeCategory;
}

interface ChunkRow {
  item_id: string;
  ordinal: number;
  content: string;
  title: string;
  body: string;
  terms: string;
  embedding: number[] | null;
  embedding_model: string | null;
}

/**
 * Title (weight A) ranks above body (B); the category's everyday words (C) let "quanto custa" reach a price
 * list. Filled here rather than by a generated column because `unaccent()` is not IMMUTABLE.
 */
const INSERT_SQL = `
  INSERT INTO knowledge_chunks (organization_id, item_id, ordinal, content, search_vector, embedding, embedding_model)
  SELECT $1, r.item_id, r.ordinal, r.content,
         setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', r.title), 'A')
           || setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', r.body), 'B')
           || setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', r.terms), 'C'),
         r.embedding, r.embedding_model
  FROM jsonb_to_recordset($2::jsonb)
    AS r(item_id uuid, ordinal int, content text, title text, body text, terms text, embedding real[], embedding_model text)`;

/**
 * Replaces the chunks of `items` (all of one organization) with fresh ones. A chunk whose text did not change
 * keeps its embedding, so editing one paragraph does not re-embed the whole item.
 */
export async function rewriteChunks(manager: EntityManager, organizationId: string, items: readonly ChunkSource[]): Promise<void> {
  if (items.length === 0) return;
  const ids = items.map((item) => item.id);
  // TypeORM answers DELETE … RETURNING as [rows, affected].
  const [previous]: [{ item_id: string; content: string; embedding: number[] | null; embedding_model: string | null }[], number] = await manager.query(
    `DELETE FROM knowledge_chunks WHERE organization_id = $1 AND item_id = ANY($2::uuid[])
     RETURNING item_id, content, embedding, embedding_model`,
    [organizationId, ids],
  );
  const kept = new Map(previous.filter((row) => row.embedding !== null).map((row) => [`${row.item_id}\u0000${row.content}`, row]));
  const rows: ChunkRow[] = items.flatMap((item) =>
    chunkItem(item.title, item.content).map((chunk) => {
      const reused = kept.get(`${item.id}\u0000${chunk.content}`);
      return {
        item_id: item.id,
        ordinal: chunk.ordinal,
        content: chunk.content,
        title: item.title,
        body: chunk.body,
        terms: CATEGORY_SEARCH_TERMS[item.category],
        embedding: reused?.embedding ?? null,
        embedding_model: reused?.embedding_model ?? null,
      };
    }),
  );
  await manager.query(INSERT_SQL, [organizationId, JSON.stringify(rows)]);
}

/**
 * Bumps the organization's knowledge version inside the caller's transaction and answers the new value. The
 * profile row is created on the first change, so the counter exists before an admin saves the profile.
 */
export async function bumpKnowledgeVersion(manager: EntityManager, organizationId: string): Promise<number> {
  const rows: { knowledge_version: number }[] = await manager.query(
    `INSERT INTO clinic_profiles (organization_id, knowledge_version) VALUES ($1, 1)
     ON CONFLICT (organization_id) DO UPDATE SET knowledge_version = clinic_profiles.knowledge_version + 1
     RETURNING knowledge_version`,
    [organizationId],
  );
  return rows[0].knowledge_version;
}
