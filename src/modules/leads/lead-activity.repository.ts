import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Not, Repository } from 'typeorm';
import { Page, PageQueryDto, toPage } from 'src/common/pagination';
import { describeChange, LeadChange, storedValue } from './lead-changes';
import { LeadHistoryEntity } from './lead-history.entity';
import { LeadInteractionEntity } from './lead-interaction.entity';
import { LeadInteractionType } from './leads.constants';

export interface NewInteraction {
  organizationId: string;
  leadId: string;
  type: LeadInteractionType;
  body: string;
  occurredAt: Date;
  authorId: string | null;
}

/** How many interactions the lead detail carries; the rest are paged through GET /leads/:id/interactions. */
export const DETAIL_INTERACTION_COUNT = 20;

/** The lead's edit history and interactions: written in the caller's transaction, read per lead. */
@Injectable()
export class LeadActivityRepository {
  constructor(
    @InjectRepository(LeadInteractionEntity) private readonly interactions: Repository<LeadInteractionEntity>,
    @InjectRepository(LeadHistoryEntity) private readonly history: Repository<LeadHistoryEntity>,
  ) {}

  /** Each change goes to the edit history and, as a SYSTEM interaction, to the lead's timeline. */
  async recordChanges(manager: EntityManager, organizationId: string, leadId: string, actorUserId: string | null, changes: LeadChange[]): Promise<void> {
    if (changes.length === 0) return;
    const now = new Date();
    await manager.getRepository(LeadHistoryEntity).insert(
      changes.map((change) => ({
        organizationId,
        leadId,
        field: change.field,
        oldValue: storedValue(change.oldValue),
        newValue: storedValue(change.newValue),
        actorUserId,
        reason: change.reason ?? null,
      })),
    );
    await manager.getRepository(LeadInteractionEntity).insert(
      changes.map((change) => ({ organizationId, leadId, type: LeadInteractionType.System, body: describeChange(change), occurredAt: now, authorId: actorUserId })),
    );
  }

  async addInteraction(values: NewInteraction, manager?: EntityManager): Promise<LeadInteractionEntity> {
    const repository = manager ? manager.getRepository(LeadInteractionEntity) : this.interactions;
    return repository.save(repository.create(values));
  }

  /** Newest first. */
  async interactionsPage(organizationId: string, leadId: string, page: PageQueryDto): Promise<Page<LeadInteractionEntity>> {
    const [rows, total] = await this.interactions.findAndCount({
      where: { organizationId, leadId },
      order: { occurredAt: 'DESC', id: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
    return toPage(rows, total, page);
  }

  latestInteractions(organizationId: string, leadId: string, count: number): Promise<LeadInteractionEntity[]> {
    return this.interactions.find({ where: { organizationId, leadId }, order: { occurredAt: 'DESC', id: 'DESC' }, take: count });
  }

  /** Newest first. */
  async historyPage(organizationId: string, leadId: string, page: PageQueryDto): Promise<Page<LeadHistoryEntity>> {
    const [rows, total] = await this.history.findAndCount({
      where: { organizationId, leadId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
    return toPage(rows, total, page);
  }

  /** Oldest first, for the journey: every edit, and the interactions staff logged (SYSTEM ones repeat the edits). */
  async timeline(organizationId: string, leadId: string): Promise<{ history: LeadHistoryEntity[]; interactions: LeadInteractionEntity[] }> {
    const [history, interactions] = await Promise.all([
      this.history.find({ where: { organizationId, leadId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.interactions.find({ where: { organizationId, leadId, type: Not(LeadInteractionType.System) }, order: { occurredAt: 'ASC', id: 'ASC' } }),
    ]);
    return { history, interactions };
  }

  /** Moves every interaction and history entry of `sourceId` to `targetId` (a merge keeps them all). */
  async moveAll(manager: EntityManager, organizationId: string, sourceId: string, targetId: string): Promise<void> {
    for (const entity of [LeadInteractionEntity, LeadHistoryEntity]) {
      await manager.getRepository(entity).update({ organizationId, leadId: sourceId }, { leadId: targetId });
    }
  }
}
