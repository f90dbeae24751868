import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { Page, toPage } from 'src/common/pagination';
import { isUniqueViolation } from 'src/database/pg-errors';
import { CreateQuickReplyDto, ListQuickRepliesQueryDto, QuickReplyResponseDto, UpdateQuickReplyDto } from './dto/quick-reply.dto';
import { QuickReplyEntity } from './quick-reply.entity';
import { rankQuickReplies } from './quick-reply-ranking';
import { TemplateErrorCode, TemplateException } from './templates.exceptions';

/** Ranking happens in memory over the clinic's whole set, so the set is bounded. */
export const MAX_QUICK_REPLIES_PER_ORGANIZATION = 500;
const TRIGGER_UNIQUE_INDEX = 'UQ_quick_replies_org_lower_trigger';

@Injectable()
export class QuickRepliesService {
  constructor(@InjectRepository(QuickReplyEntity) private readonly replies: Repository<QuickReplyEntity>) {}

  /** Alphabetical by trigger; with `context` or `q`, only matching replies, best first (see quick-reply-ranking.ts). */
  async list(actor: AuthUser, query: ListQuickRepliesQueryDto): Promise<Page<QuickReplyResponseDto>> {
    if (!query.context && !query.q) {
      const [rows, total] = await this.replies
        .createQueryBuilder('reply')
        .where('reply.organization_id = :org', { org: actor.organizationId })
        .orderBy('lower(reply.trigger)', 'ASC')
        .addOrderBy('reply.id', 'ASC')
        .offset(query.offset)
        .limit(query.limit)
        .getManyAndCount();
      return toPage(rows.map((row) => QuickReplyResponseDto.from(row)), total, query);
    }
    const all = await this.replies.findBy({ organizationId: actor.organizationId });
    const ranked = rankQuickReplies(all, query.context, query.q);
    const items = ranked.slice(query.offset, query.offset + query.limit).map(({ reply, score }) => QuickReplyResponseDto.from(reply, score));
    return toPage(items, ranked.length, query);
  }

  async findOne(actor: AuthUser, id: string): Promise<QuickReplyResponseDto> {
    return QuickReplyResponseDto.from(await this.get(actor, id));
  }

  async create(actor: AuthUser, dto: CreateQuickReplyDto): Promise<QuickReplyResponseDto> {
    const count = await this.replies.countBy({ organizationId: actor.organizationId });
    if (count >= MAX_QUICK_REPLIES_PER_ORGANIZATION) {
      throw new TemplateException(TemplateErrorCode.QuickReplyLimitReached, `An organization may have at most ${MAX_QUICK_REPLIES_PER_ORGANIZATION} quick replies`);
    }
    const reply = this.replies.create({
      organizationId: actor.organizationId,
      trigger: dto.trigger,
      response: dto.response,
      contexts: dto.contexts ?? [],
      keywords: dto.keywords ?? [],
    });
    return QuickReplyResponseDto.from(await this.saveUnique(reply));
  }

  async update(actor: AuthUser, id: string, dto: UpdateQuickReplyDto): Promise<QuickReplyResponseDto> {
    const reply = await this.get(actor, id);
    if (dto.trigger !== undefined) reply.trigger = dto.trigger;
    if (dto.response !== undefined) reply.response = dto.response;
    if (dto.contexts !== undefined) reply.contexts = dto.contexts;
    if (dto.keywords !== undefined) reply.keywords = dto.keywords;
    return QuickReplyResponseDto.from(await this.saveUnique(reply));
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    const result = await this.replies.delete({ id, organizationId: actor.organizationId });
    if (!result.affected) throw quickReplyNotFound();
  }

  private async get(actor: AuthUser, id: string): Promise<QuickReplyEntity> {
    const reply = await this.replies.findOneBy({ id, organizationId: actor.organizationId });
    if (!reply) throw quickReplyNotFound();
    return reply;
  }

  private async saveUnique(reply: QuickReplyEntity): Promise<QuickReplyEntity> {
    try {
      return await this.replies.save(reply);
    } catch (error) {
      if (isUniqueViolation(error, TRIGGER_UNIQUE_INDEX)) {
        throw new TemplateException(TemplateErrorCode.QuickReplyTriggerTaken, 'Another quick reply of this organization has this trigger (case is ignored)', {
          trigger: reply.trigger,
        });
      }
      throw error;
    }
  }
}

function quickReplyNotFound(): TemplateException {
  return new TemplateException(TemplateErrorCode.QuickReplyNotFound, 'Quick reply not found');
}
