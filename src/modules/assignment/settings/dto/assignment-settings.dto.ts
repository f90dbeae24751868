import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { AssignmentRule } from '../assignment-settings.entity';

export class UpdateAssignmentSettingsDto {
  @ApiProperty({
    enum: AssignmentRule,
    example: AssignmentRule.LeastLoad,
    description: 'round_robin: the eligible secretary who got an item longest ago; least_load: the one with the fewest open conversations + leads',
  })
  @IsEnum(AssignmentRule)
  rule!: AssignmentRule;
}

export class AssignmentSettingsResponseDto {
  @ApiProperty({ enum: AssignmentRule, example: AssignmentRule.RoundRobin }) rule!: AssignmentRule;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', nullable: true, type: String, format: 'date-time', description: 'Null while the default applies' })
  updated_at!: string | null;
}
