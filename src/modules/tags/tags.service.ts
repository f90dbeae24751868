import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { findPage, Page } from 'src/common/pagination';
import { escapeLike } from 'src/database/escape-like';
import { isUniqueViolation } from 'src/database/pg-errors';
import { CreateTagDto, ListTagsQueryDto, TagResponseDto, UpdateTagDto } from './dto/tag.dto';
import { TagEntity } from './tag.entity';
import { TagErrorCode, TagException, tagNotFound } from './tags.exceptions';

const SORT_COLUMNS = { name: 'lower(tag.name)', created_at: 'tag.created_at' } as const;
const NAME_UNIQUE_INDEX = 'UQ_tags_org_lower_name';

/** The organization's conversation tags; everyone in the clinic reads them, admins manage them. */
@Injectable()
export class TagsService {
  constructor(@InjectRepository(TagEntity) private readonly tags: Repository<TagEntity>) {}

  /** A tag of the organization, for other modules; null when missing or another clinic's. */
  async findInOrganization(organizationId: string, id: string): Promise<TagEntity | null> {
    if (!isUUID(id)) return null;
    return this.tags.findOneBy({ id, organizationId });
  }

  async list(actor: AuthUser, query: ListTagsQueryDto): Promise<Page<TagResponseDto>> {
    const qb = this.tags.createQueryBuilder('tag').where('tag.organization_id = :org', { org: actor.organizationId });
    if (query.search) qb.andWhere('tag.name ILIKE :search', { search: `%${escapeLike(query.search)}%` });
    const page = await findPage(qb, query, SORT_COLUMNS);
    return { ...page, items: page.items.map(TagResponseDto.from) };
  }

  async findOne(actor: AuthUser, id: string): Promise<TagResponseDto> {
    return TagResponseDto.from(await this.getInOrganization(actor, id));
  }

  async create(actor: AuthUser, dto: CreateTagDto): Promise<TagResponseDto> {
    const tag = this.tags.create({ organizationId: actor.organizationId, name: dto.name, color: dto.color });
    return TagResponseDto.from(await this.saveUnique(tag));
  }

  async update(actor: AuthUser, id: string, dto: UpdateTagDto): Promise<TagResponseDto> {
    const tag = await this.getInOrganization(actor, id);
    if (dto.name !== undefined) tag.name = dto.name;
    if (dto.color !== undefined) tag.color = dto.color;
    return TagResponseDto.from(await this.saveUnique(tag));
  }

  /** Conversations lose the tag with it (the link rows cascade). */
  async remove(actor: AuthUser, id: string): Promise<void> {
    const result = await this.tags.delete({ id, organizationId: actor.organizationId });
    if (!result.affected) throw tagNotFound();
  }

  private async getInOrganization(actor: AuthUser, id: string): Promise<TagEntity> {
    const tag = await this.tags.findOneBy({ id, organizationId: actor.organizationId });
    if (!tag) throw tagNotFound();
    return tag;
  }

  // The case-insensitive unique index decides, so two admins creating "Retorno" and "retorno" at once get one 409.
  private async saveUnique(tag: TagEntity): Promise<TagEntity> {
    try {
      return await this.tags.save(tag);
    } catch (error) {
      if (isUniqueViolation(error, NAME_UNIQUE_INDEX)) {
        throw new TagException(TagErrorCode.NameTaken, 'Another tag of this organization has this name (case is ignored)', { name: tag.name });
      }
      throw error;
    }
  }
}
