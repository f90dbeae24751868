import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { KnowledgeItemEntity } from '../items/knowledge-item.entity';

/**
 * A retrievable slice of a knowledge item (its title, then a few paragraphs). Rewritten whenever the item
 * changes; `search_vector` is filled by the chunk writer because `unaccent()` cannot back a generated column.
 */
@Entity({ name: 'knowledge_chunks' })
@Index('UQ_knowledge_chunks_org_item_ordinal', ['organizationId', 'itemId', 'ordinal'], { unique: true })
// The embedding backfill reads only the chunks still waiting for one.
@Index('IDX_knowledge_chunks_org_pending_embedding', ['organizationId', 'createdAt'], { where: '"embedding" IS NULL' })
// GIN indexes (full text and trigram), created by hand in the migration.
@Index('IDX_knowledge_chunks_search_vector', { synchronize: false })
@Index('IDX_knowledge_chunks_content_trgm', { synchronize: false })
export class KnowledgeChunkEntity extends TenantOwnedEntity {
  @Column('uuid') itemId!: string;

  @ManyToOne(() => KnowledgeItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: KnowledgeItemEntity;

  @Column({ type: 'int' }) ordinal!: number;
  @Column({ type: 'text' }) content!: string;
  @Column({ type: 'tsvector', select: false }) searchVector!: string;
  @Column({ type: 'real', array: true, nullable: true }) embedding!: number[] | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) embeddingModel!: string | null;
}
