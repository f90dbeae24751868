import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { trimString } from 'src/common/validation/transforms';
import { USER_INTERACTION_TYPES, UserInteractionType } from '../leads.constants';

export const INTERACTION_BODY_MAX_LENGTH = 5000;

export class CreateLeadInteractionDto {
  @ApiProperty({ enum: USER_INTERACTION_TYPES, example: 'CALL' })
  @IsIn(USER_INTERACTION_TYPES)
  type!: UserInteractionType;

  @ApiProperty({ example: 'Liguei e a paciente pediu retorno na sexta.', maxLength: INTERACTION_BODY_MAX_LENGTH })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(INTERACTION_BODY_MAX_LENGTH)
  body!: string;

  @ApiPropertyOptional({ example: '2026-11-22T14:30:00.000Z', format: 'date-time', description: 'When it happened; defaults to now, never in the future' })
  @IsOptional()
  @IsDateString({ strict: true })
  occurred_at?: string;
}
