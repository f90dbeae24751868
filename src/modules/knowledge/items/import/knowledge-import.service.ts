import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { isUniqueViolation } from 'src/database/pg-errors';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { KnowledgeChanges } from '../../knowledge-changes.service';
import { ImportItemErrorDto, ImportKnowledgeDto, ImportKnowledgeResultDto } from '../dto/import-knowledge.dto';
import { CreateKnowledgeItemDto } from '../dto/knowledge-item-input.dto';
import { ImportedItem, upsertItemsByTitle } from '../item-writer';
import { TITLE_UNIQUE_INDEX, titleTaken } from '../knowledge-items.service';
import { parseCsvItems } from './csv-items';
import { ParsedItem, parseJsonItems } from './import-source';
import { parseMarkdownItems } from './markdown-items';

export interface ValidatedItems {
  accepted: ImportedItem[];
  errors: ImportItemErrorDto[];
}

function messagesOf(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => [...Object.values(error.constraints ?? {}), ...messagesOf(error.children ?? [])]);
}

/**
 * Validates each item like `POST /knowledge`. The first item of a title (ignoring case) wins; later ones are
 * reported, since one import cannot both create and rewrite the same item.
 */
export function validateItems(items: ParsedItem[]): ValidatedItems {
  const accepted: ImportedItem[] = [];
  const errors: ImportItemErrorDto[] = [];
  const firstOfTitle = new Map<string, string>();
  for (const item of items) {
    const title = typeof item.input.title === 'string' && item.input.title.trim().length > 0 ? item.input.title.trim() : undefined;
    const report = (messages: string[]): void => {
      errors.push({ ...item.ref, ...(title ? { title: title.slice(0, 200) } : {}), message: messages.join('; ') });
    };
    if (item.errors.length > 0 && Object.keys(item.input).length === 0) {
      report(item.errors);
      continue;
    }
    const dto = plainToInstance(CreateKnowledgeItemDto, item.input);
    const invalid = messagesOf(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } }));
    if (item.errors.length > 0 || invalid.length > 0) {
      report([...item.errors, ...invalid]);
      continue;
    }
    const key = dto.title.toLowerCase();
    const first = firstOfTitle.get(key);
    if (first !== undefined) {
      report([`title repeats ${first}; only the first item of a title is imported`]);
      continue;
    }
    firstOfTitle.set(key, 'item' in item.ref ? `item ${item.ref.item}` : `line ${item.ref.line}`);
    accepted.push({ title: dto.title, content: dto.content, category: dto.category, tags: dto.tags, active: dto.active });
  }
  return { accepted, errors };
}

function parse(dto: ImportKnowledgeDto): ParsedItem[] {
  switch (dto.format) {
    case 'json':
      return parseJsonItems(dto.items ?? dto.content);
    case 'csv':
      return parseCsvItems(dto.content ?? '');
    case 'markdown':
      return parseMarkdownItems(dto.content ?? '');
  }
}

/** Bulk import in one transaction: good items are created or update the item of the same title, bad ones reported. */
@Injectable()
export class KnowledgeImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly changes: KnowledgeChanges,
  ) {}

  async import(actor: AuthUser, dto: ImportKnowledgeDto): Promise<ImportKnowledgeResultDto> {
    const items = parse(dto);
    const { accepted, errors } = validateItems(items);
    let result: ImportKnowledgeResultDto;
    try {
      result = await this.dataSource.transaction(async (manager) => {
        const outcome = await upsertItemsByTitle(manager, actor.organizationId, accepted);
        const counts = { total: items.length, imported: accepted.length, ...outcome, rejected: errors.length };
        if (outcome.created + outcome.updated > 0) await this.changes.bump(manager, actor.organizationId);
        await this.audit.record(
          { organizationId: actor.organizationId, actor, action: AuditAction.KnowledgeImported, entityType: AuditEntityType.KnowledgeItem, metadata: { format: dto.format, ...counts } },
          manager,
        );
        return { ...counts, errors };
      });
    } catch (error) {
      // Another writer created one of these titles between our read and our insert.
      if (isUniqueViolation(error, TITLE_UNIQUE_INDEX)) throw titleTaken();
      throw error;
    }
    if (result.created + result.updated > 0) this.changes.announce(actor.organizationId);
    return result;
  }
}
