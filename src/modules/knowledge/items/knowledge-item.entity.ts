import { Check, Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { KnowledgeCategory } from '../knowledge.constants';

/** One entry of the clinic's knowledge base, written by staff for the bot to quote. */
@Entity({ name: 'knowledge_items' })
@Check('CHK_knowledge_items_category', `"category" IN ('services', 'prices', 'hours', 'location', 'insurance', 'preparation', 'policies', 'faq')`)
@Index('IDX_knowledge_items_org_updated', ['organizationId', 'updatedAt'])
@Index('IDX_knowledge_items_org_created', ['organizationId', 'createdAt'])
@Index('IDX_knowledge_items_org_title', ['organizationId', 'title'])
@Index('IDX_knowledge_items_org_category_updated', ['organizationId', 'category', 'updatedAt'])
@Index('IDX_knowledge_items_org_active_updated', ['organizationId', 'active', 'updatedAt'])
// Created by hand in the migration: titles are unique per clinic whatever their case, and a trigram index
// backs the list's text search.
@Index('UQ_knowledge_items_org_title', { synchronize: false })
@Index('IDX_knowledge_items_search_trgm', { synchronize: false })
export class KnowledgeItemEntity extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'text' }) content!: string;
  @Column({ type: 'varchar', length: 20 }) category!: KnowledgeCategory;
  @Column({ type: 'jsonb', default: () => `'[]'` }) tags!: string[];
  /** Inactive items stay listed for staff but the bot never retrieves them. */
  @Column({ type: 'boolean', default: true }) active!: boolean;
}
