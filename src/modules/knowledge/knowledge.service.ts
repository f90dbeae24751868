import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { renderClinicProfile } from './clinic-profile/clinic-profile-text';
import { ClinicProfileService } from './clinic-profile/clinic-profile.service';
import { ClinicProfile } from './clinic-profile/clinic-profile.types';
import { RetrievedChunkDto, SearchKnowledgeQueryDto, SearchKnowledgeResponseDto } from './items/dto/search-knowledge.dto';
import { KnowledgeSearchService, RetrievedChunk, SearchOptions } from './retrieval/knowledge-search.service';

export interface ChunkToEmbed {
  chunkId: string;
  itemId: string;
  content: string;
}

export interface ChunkEmbedding {
  chunkId: string;
  embedding: number[];
  /** e.g. `text-embedding-004`; vectors of different models are never compared. */
  model: string;
}

const MAX_EMBEDDING_BATCH = 500;

/** What other modules (the AI front desk, caches, embedding jobs) may ask of the knowledge base. */
@Injectable()
export class KnowledgeService {
  constructor(
    private readonly profiles: ClinicProfileService,
    private readonly searcher: KnowledgeSearchService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The organization's active knowledge most relevant to `query`, best first (at most 20). */
  search(organizationId: string, query: string, options: SearchOptions = {}): Promise<RetrievedChunk[]> {
    return this.searcher.search(organizationId, query, options);
  }

  async searchForStaff(actor: AuthUser, query: SearchKnowledgeQueryDto): Promise<SearchKnowledgeResponseDto> {
    const chunks = await this.searcher.search(actor.organizationId, query.q, { limit: query.limit });
    return { items: chunks.map(RetrievedChunkDto.from) };
  }

  getProfile(organizationId: string): Promise<ClinicProfile> {
    return this.profiles.getProfile(organizationId);
  }

  /** The profile as short Portuguese text for prompts and offline answers. */
  async getProfileText(organizationId: string, now: Date = new Date()): Promise<string> {
    return renderClinicProfile(await this.profiles.getProfile(organizationId), now);
  }

  /** Bumped on every profile or knowledge change; part of answer-cache keys. */
  getKnowledgeVersion(organizationId: string): Promise<number> {
    return this.profiles.getKnowledgeVersion(organizationId);
  }

  /** Chunks still waiting for an embedding, oldest first. */
  async listChunksWithoutEmbedding(organizationId: string, limit: number): Promise<ChunkToEmbed[]> {
    const rows: { id: string; item_id: string; content: string }[] = await this.dataSource.query(
      `SELECT id, item_id, content FROM knowledge_chunks WHERE organization_id = $1 AND embedding IS NULL ORDER BY created_at, id LIMIT $2`,
      [organizationId, Math.min(Math.max(Math.trunc(limit), 1), MAX_EMBEDDING_BATCH)],
    );
    return rows.map((row) => ({ chunkId: row.id, itemId: row.item_id, content: row.content }));
  }

  /**
   * Stores embeddings for the organization's chunks; ids of other organizations or of chunks rewritten meanwhile
   * are skipped. Answers how many were saved.
   */
  async saveEmbeddings(organizationId: string, embeddings: readonly ChunkEmbedding[]): Promise<number> {
    const valid = embeddings.filter(
      (entry) => isUUID(entry.chunkId) && entry.embedding.length > 0 && entry.embedding.every((value) => Number.isFinite(value)) && entry.model.length > 0,
    );
    if (valid.length === 0) return 0;
    // TypeORM answers UPDATE … RETURNING as [rows, affected].
    const [, saved]: [unknown[], number] = await this.dataSource.query(
      `UPDATE knowledge_chunks c SET embedding = r.embedding, embedding_model = r.model, updated_at = now()
       FROM jsonb_to_recordset($2::jsonb) AS r(chunk_id uuid, embedding real[], model varchar)
       WHERE c.organization_id = $1 AND c.id = r.chunk_id
       RETURNING c.id`,
      [organizationId, JSON.stringify(valid.map((entry) => ({ chunk_id: entry.chunkId, embedding: entry.embedding, model: entry.model.slice(0, 100) })))],
    );
    return saved;
  }
}
