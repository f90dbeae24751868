import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { AssignmentRule, AssignmentSettingsEntity } from './assignment-settings.entity';
import { AssignmentSettingsResponseDto, UpdateAssignmentSettingsDto } from './dto/assignment-settings.dto';

@Injectable()
export class AssignmentSettingsService {
  constructor(@InjectRepository(AssignmentSettingsEntity) private readonly settings: Repository<AssignmentSettingsEntity>) {}

  async get(actor: AuthUser): Promise<AssignmentSettingsResponseDto> {
    const row = await this.settings.findOneBy({ organizationId: actor.organizationId });
    return { rule: row?.rule ?? AssignmentRule.RoundRobin, updated_at: row?.updatedAt.toISOString() ?? null };
  }

  async update(actor: AuthUser, dto: UpdateAssignmentSettingsDto): Promise<AssignmentSettingsResponseDto> {
    await this.settings.upsert({ organizationId: actor.organizationId, rule: dto.rule }, { conflictPaths: ['organizationId'] });
    return this.get(actor);
  }

  async ruleOf(organizationId: string): Promise<AssignmentRule> {
    return (await this.settings.findOneBy({ organizationId }))?.rule ?? AssignmentRule.RoundRobin;
  }
}
