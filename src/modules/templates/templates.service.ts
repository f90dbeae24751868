import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { findPage, Page } from 'src/common/pagination';
import { escapeLike } from 'src/database/escape-like';
import { isUniqueViolation } from 'src/database/pg-errors';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { CreateTemplateDto, ListTemplatesQueryDto, RenderedTemplateDto, TemplateResponseDto, UpdateTemplateDto } from './dto/template.dto';
import { TemplateEntity } from './template.entity';
import { contentProblems, renderTemplate } from './template-variables';
import { TemplateErrorCode, TemplateException } from './templates.exceptions';

const SORT_COLUMNS = { name: 'lower(template.name)', created_at: 'template.created_at', updated_at: 'template.updated_at' } as const;
const NAME_UNIQUE_INDEX = 'UQ_message_templates_org_lower_name';

/** Message templates: admins write them, staff render and send them. */
@Injectable()
export class TemplatesService {
  constructor(
    @InjectRepository(TemplateEntity) private readonly templates: Repository<TemplateEntity>,
    private readonly organizations: OrganizationsService,
  ) {}

  async list(actor: AuthUser, query: ListTemplatesQueryDto): Promise<Page<TemplateResponseDto>> {
    const qb = this.templates.createQueryBuilder('template').where('template.organization_id = :org', { org: actor.organizationId });
    if (query.category) qb.andWhere('template.category = :category', { category: query.category });
    if (query.search) qb.andWhere('template.name ILIKE :search', { search: `%${escapeLike(query.search)}%` });
    const page = await findPage(qb, query, SORT_COLUMNS);
    return { ...page, items: page.items.map(TemplateResponseDto.from) };
  }

  async findOne(actor: AuthUser, id: string): Promise<TemplateResponseDto> {
    return TemplateResponseDto.from(await this.get(actor, id));
  }

  async create(actor: AuthUser, dto: CreateTemplateDto): Promise<TemplateResponseDto> {
    assertValidContent(dto.content);
    const template = this.templates.create({ organizationId: actor.organizationId, name: dto.name, content: dto.content, category: dto.category ?? null });
    return TemplateResponseDto.from(await this.saveUnique(template));
  }

  async update(actor: AuthUser, id: string, dto: UpdateTemplateDto): Promise<TemplateResponseDto> {
    const template = await this.get(actor, id);
    if (dto.content !== undefined) assertValidContent(dto.content);
    if (dto.name !== undefined) template.name = dto.name;
    if (dto.content !== undefined) template.content = dto.content;
    if (dto.category !== undefined) template.category = dto.category;
    return TemplateResponseDto.from(await this.saveUnique(template));
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    const result = await this.templates.delete({ id, organizationId: actor.organizationId });
    if (!result.affected) throw templateNotFound();
  }

  /** Exactly the values given: a preview shows the staff member what is still to be filled in. */
  async render(actor: AuthUser, id: string, values: Record<string, string> = {}): Promise<RenderedTemplateDto> {
    return renderOrThrow((await this.get(actor, id)).content, values);
  }

  /**
   * The text to send to a patient: `nome`, `primeiro_nome` and `clinica` default to the patient's name and the
   * clinic's, so staff only type what the system cannot know; a value they give wins.
   */
  async renderForPatient(actor: AuthUser, id: string, values: Record<string, string>, patientName: string | null): Promise<string> {
    const template = await this.get(actor, id);
    const clinic = await this.organizations.findMine(actor);
    const name = patientName?.trim() ?? '';
    const defaults: Record<string, string> = { clinica: clinic.name };
    if (name) Object.assign(defaults, { nome: name, primeiro_nome: name.split(/\s+/)[0] });
    return renderOrThrow(template.content, { ...defaults, ...values }).text;
  }

  private async get(actor: AuthUser, id: string): Promise<TemplateEntity> {
    const template = await this.templates.findOneBy({ id, organizationId: actor.organizationId });
    if (!template) throw templateNotFound();
    return template;
  }

  private async saveUnique(template: TemplateEntity): Promise<TemplateEntity> {
    try {
      return await this.templates.save(template);
    } catch (error) {
      if (isUniqueViolation(error, NAME_UNIQUE_INDEX)) {
        throw new TemplateException(TemplateErrorCode.NameTaken, 'Another template of this organization has this name (case is ignored)', { name: template.name });
      }
      throw error;
    }
  }
}

export function templateNotFound(): TemplateException {
  return new TemplateException(TemplateErrorCode.NotFound, 'Template not found');
}

function assertValidContent(content: string): void {
  const problems = contentProblems(content);
  if (!problems) return;
  const message = problems.unknown.length > 0 ? `Unknown template variables: ${problems.unknown.join(', ')}` : 'The content has a broken {{placeholder}}';
  throw new TemplateException(TemplateErrorCode.VariablesInvalid, message, { unknown: problems.unknown, malformed: problems.malformed });
}

function renderOrThrow(content: string, values: Record<string, string>): RenderedTemplateDto {
  const result = renderTemplate(content, values);
  if (result.ok) return { text: result.text, variables: result.used };
  const { missing, unknown } = result.problems;
  const parts = [missing.length > 0 ? `missing: ${missing.join(', ')}` : null, unknown.length > 0 ? `unknown: ${unknown.join(', ')}` : null];
  throw new TemplateException(TemplateErrorCode.VariablesInvalid, `Template variables are invalid (${parts.filter(Boolean).join('; ')})`, { missing, unknown });
}
