import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { trimString } from 'src/common/validation/transforms';
import { REASON_MAX_LENGTH } from '../../workflow/dto/change-status.dto';

export class AssignConversationDto {
  @ApiProperty({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', description: 'An active secretary or admin of the clinic' })
  @IsUUID()
  user_id!: string;

  @ApiPropertyOptional({ example: 'Especialista em implantes', maxLength: REASON_MAX_LENGTH })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  reason?: string;
}
