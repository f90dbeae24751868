import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { findPage, Page } from 'src/common/pagination';
import { inOrganization } from 'src/common/tenancy/visible-to';
import { escapeLike } from 'src/database/escape-like';
import { isUniqueViolation } from 'src/database/pg-errors';
import { FieldChange } from 'src/modules/audit/audit-log.entity';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { diffChanges } from 'src/modules/audit/diff-changes';
import { KnowledgeChanges } from '../knowledge-changes.service';
import { KnowledgeErrorCode, KnowledgeException } from '../knowledge.exceptions';
import { rewriteChunks, TEXT_SEARCH_CONFIG } from '../retrieval/chunk-writer';
import { CreateKnowledgeItemDto, UpdateKnowledgeItemDto } from './dto/knowledge-item-input.dto';
import { KnowledgeItemResponseDto } from './dto/knowledge-item-response.dto';
import { ListKnowledgeQueryDto } from './dto/list-knowledge-query.dto';
import { KnowledgeItemEntity } from './knowledge-item.entity';

const SORT_COLUMNS = { updated_at: 'item.updated_at', created_at: 'item.created_at', title: 'item.title' } as const;
export const TITLE_UNIQUE_INDEX = 'UQ_knowledge_items_org_title';
// Content can be long: the audit trail records that it changed, not the text.
const CONTENT_CHANGED = { old: '[omitted]', new: '[omitted]' };

type ItemFields = Pick<KnowledgeItemEntity, 'title' | 'content' | 'category' | 'tags' | 'active'>;

/** Staff's management of the clinic's knowledge base; every write re-chunks and bumps the knowledge version. */
@Injectable()
export class KnowledgeItemsService {
  constructor(
    @InjectRepository(KnowledgeItemEntity) private readonly items: Repository<KnowledgeItemEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly changes: KnowledgeChanges,
  ) {}

  async list(actor: AuthUser, query: ListKnowledgeQueryDto): Promise<Page<KnowledgeItemResponseDto>> {
    const qb = this.items.createQueryBuilder('item').where('item.organization_id = :org', { org: actor.organizationId });
    if (query.category) qb.andWhere('item.category = :category', { category: query.category });
    if (query.active !== undefined) qb.andWhere('item.active = :active', { active: query.active });
    if (query.q) qb.andWhere(textCondition(query.q));
    const page = await findPage(qb, query, SORT_COLUMNS);
    return { ...page, items: page.items.map(KnowledgeItemResponseDto.from) };
  }

  async findOne(actor: AuthUser, id: string): Promise<KnowledgeItemResponseDto> {
    return KnowledgeItemResponseDto.from(await this.getVisible(this.items, actor, id));
  }

  async create(actor: AuthUser, dto: CreateKnowledgeItemDto): Promise<KnowledgeItemResponseDto> {
    const item = await this.write(actor, async (manager) => {
      const repository = manager.getRepository(KnowledgeItemEntity);
      await assertTitleFree(manager, actor.organizationId, dto.title);
      const saved = await repository.save(
        repository.create({ organizationId: actor.organizationId, title: dto.title, content: dto.content, category: dto.category, tags: dto.tags ?? [], active: dto.active ?? true }),
      );
      await rewriteChunks(manager, actor.organizationId, [saved]);
      await this.record(manager, actor, AuditAction.KnowledgeItemCreated, saved.id, itemChanges(null, saved));
      return saved;
    });
    return KnowledgeItemResponseDto.from(item);
  }

  async update(actor: AuthUser, id: string, dto: UpdateKnowledgeItemDto): Promise<KnowledgeItemResponseDto> {
    let changed = false;
    const item = await this.write(actor, async (manager) => {
      const current = await this.getVisible(manager.getRepository(KnowledgeItemEntity), actor, id, true);
      const before: ItemFields = { ...current, tags: [...current.tags] };
      Object.assign(current, definedOnly({ title: dto.title, content: dto.content, category: dto.category, tags: dto.tags, active: dto.active }));
      const changes = itemChanges(before, current);
      if (Object.keys(changes).length === 0) return current;
      changed = true;
      if (changes.title && current.title.toLowerCase() !== before.title.toLowerCase()) await assertTitleFree(manager, actor.organizationId, current.title, id);
      const saved = await manager.getRepository(KnowledgeItemEntity).save(current);
      // Tags and the active flag do not change what a chunk says: inactive items are filtered out at search time.
      if (changes.title || changes.content || changes.category) await rewriteChunks(manager, actor.organizationId, [saved]);
      await this.record(manager, actor, AuditAction.KnowledgeItemUpdated, id, changes);
      return saved;
    }, () => changed);
    return KnowledgeItemResponseDto.from(item);
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    await this.write(actor, async (manager) => {
      const item = await this.getVisible(manager.getRepository(KnowledgeItemEntity), actor, id, true);
      await manager.query(`DELETE FROM knowledge_chunks WHERE organization_id = $1 AND item_id = $2`, [actor.organizationId, item.id]);
      await manager.getRepository(KnowledgeItemEntity).delete({ id: item.id, organizationId: actor.organizationId });
      await this.record(manager, actor, AuditAction.KnowledgeItemDeleted, id, null, { title: item.title, category: item.category });
    });
  }

  /**
   * Runs a change in one transaction with the version bump, then announces it. `changed` tells after the fact
   * whether anything was written (a PATCH that changes nothing bumps nothing).
   */
  private async write<T>(actor: AuthUser, work: (manager: EntityManager) => Promise<T>, changed: () => boolean = () => true): Promise<T> {
    let result: T;
    try {
      result = await this.dataSource.transaction(async (manager) => {
        const value = await work(manager);
        if (changed()) await this.changes.bump(manager, actor.organizationId);
        return value;
      });
    } catch (error) {
      // Two writers may pass the title check at once; the unique index has the last word.
      if (isUniqueViolation(error, TITLE_UNIQUE_INDEX)) throw titleTaken();
      throw error;
    }
    if (changed()) this.changes.announce(actor.organizationId);
    return result;
  }

  private async getVisible(repository: Repository<KnowledgeItemEntity>, actor: AuthUser, id: string, forUpdate = false): Promise<KnowledgeItemEntity> {
    const item = await repository.findOne({
      where: inOrganization<KnowledgeItemEntity>(actor, { id }),
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!item) throw new KnowledgeException(KnowledgeErrorCode.NotFound, 'Knowledge item not found');
    return item;
  }

  private record(
    manager: EntityManager,
    actor: AuthUser,
    action: AuditAction,
    entityId: string,
    changes: Record<string, FieldChange> | null,
    metadata?: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record({ organizationId: actor.organizationId, actor, action, entityType: AuditEntityType.KnowledgeItem, entityId, changes, metadata }, manager);
  }
}

export function titleTaken(): KnowledgeException {
  return new KnowledgeException(KnowledgeErrorCode.TitleTaken, 'Another knowledge item of this organization has this title');
}

async function assertTitleFree(manager: EntityManager, organizationId: string, title: string, exceptId?: string): Promise<void> {
  const qb = manager
    .getRepository(KnowledgeItemEntity)
    .createQueryBuilder('item')
    .where('item.organization_id = :organizationId', { organizationId })
    .andWhere('lower(item.title) = lower(:title)', { title });
  if (exceptId) qb.andWhere('item.id <> :exceptId', { exceptId });
  if (await qb.getExists()) throw titleTaken();
}

/**
 * A part of the title or content (trigram index), or all the words in Portuguese whatever their accents or
 * inflection (the chunks' text index): "convenio" finds "Convênios aceitos".
 */
function textCondition(q: string): Brackets {
  return new Brackets((where) => {
    where
      .where('item.title ILIKE :like', { like: `%${escapeLike(q)}%` })
      .orWhere('item.content ILIKE :like')
      .orWhere(
        `item.id IN (SELECT c.item_id FROM knowledge_chunks c WHERE c.organization_id = item.organization_id
           AND c.search_vector @@ plainto_tsquery('${TEXT_SEARCH_CONFIG}', :q))`,
        { q },
      );
  });
}

function itemChanges(before: ItemFields | null, after: ItemFields): Record<string, FieldChange> {
  const fields = (item: ItemFields): Record<string, unknown> => ({ title: item.title, content: item.content, category: item.category, tags: item.tags, active: item.active });
  const changes = diffChanges(before ? fields(before) : {}, fields(after));
  if (changes.content) changes.content = CONTENT_CHANGED;
  return changes;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
