import { EntityManager } from 'typeorm';
import { KnowledgeCategory } from '../knowledge.constants';
import { rewriteChunks } from '../retrieval/chunk-writer';
import { KnowledgeItemEntity } from './knowledge-item.entity';

/** An item to create, or to apply to the item of the same title; left-out tags/active keep the existing values. */
export interface ImportedItem {
  title: string;
  content: string;
  category: KnowledgeCategory;
  tags?: string[];
  active?: boolean;
}

export interface UpsertOutcome {
  created: number;
  updated: number;
  unchanged: number;
}

const titleKey = (title: string): string => title.toLowerCase();

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, index) => tag === b[index]);
}

/**
 * Creates items, or updates the organization's item with the same title (ignoring case), then rewrites the
 * chunks of every item whose text or category changed. Titles must be unique within `items`. Runs inside the
 * caller's transaction; the importer and the demo seed share it.
 */
export async function upsertItemsByTitle(manager: EntityManager, organizationId: string, items: readonly ImportedItem[]): Promise<UpsertOutcome> {
  if (items.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const repository = manager.getRepository(KnowledgeItemEntity);
  const existing = await repository
    .createQueryBuilder('item')
    .setLock('pessimistic_write')
    .where('item.organization_id = :organizationId', { organizationId })
    .andWhere('lower(item.title) IN (:...titles)', { titles: items.map((item) => titleKey(item.title)) })
    .getMany();
  const byTitle = new Map(existing.map((item) => [titleKey(item.title), item]));
  const toCreate: KnowledgeItemEntity[] = [];
  const toUpdate: KnowledgeItemEntity[] = [];
  const rechunk: KnowledgeItemEntity[] = [];
  for (const item of items) {
    const current = byTitle.get(titleKey(item.title));
    if (!current) {
      toCreate.push(repository.create({ organizationId, ...item, tags: item.tags ?? [], active: item.active ?? true }));
      continue;
    }
    const textChanged = current.title !== item.title || current.content !== item.content || current.category !== item.category;
    const flagsChanged = (item.tags !== undefined && !sameTags(current.tags, item.tags)) || (item.active !== undefined && item.active !== current.active);
    if (!textChanged && !flagsChanged) continue;
    Object.assign(current, { title: item.title, content: item.content, category: item.category }, item.tags ? { tags: item.tags } : {}, item.active !== undefined ? { active: item.active } : {});
    toUpdate.push(current);
    if (textChanged) rechunk.push(current);
  }
  const created = toCreate.length > 0 ? await repository.save(toCreate) : [];
  if (toUpdate.length > 0) await repository.save(toUpdate);
  await rewriteChunks(manager, organizationId, [...created, ...rechunk]);
  return { created: created.length, updated: toUpdate.length, unchanged: items.length - created.length - toUpdate.length };
}
