import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { trimString } from 'src/common/validation/transforms';
import { ConversationStatus } from '../../conversation.entity';
import { STATUSES_REQUIRING_REASON } from '../conversation-transitions';

export const REASON_MAX_LENGTH = 500;

export class ChangeStatusDto {
  @ApiProperty({ enum: ConversationStatus, example: ConversationStatus.Closed })
  @IsIn(Object.values(ConversationStatus))
  status!: ConversationStatus;

  @ApiPropertyOptional({
    example: 'Consulta agendada para sexta às 14h',
    maxLength: REASON_MAX_LENGTH,
    description: 'Why; required for CLOSED and TRANSFERRED. Kept in the history.',
  })
  @ValidateIf((dto: ChangeStatusDto) => STATUSES_REQUIRING_REASON.includes(dto.status) || dto.reason !== undefined)
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'reason is required to close or transfer a conversation' })
  @MaxLength(REASON_MAX_LENGTH)
  reason?: string;

  @ApiPropertyOptional({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', description: 'Required for TRANSFERRED: the secretary or admin who takes it over' })
  @ValidateIf((dto: ChangeStatusDto) => dto.status === ConversationStatus.Transferred || dto.to_user_id !== undefined)
  @IsUUID(undefined, { message: 'to_user_id must be the UUID of the user who takes the conversation over' })
  to_user_id?: string;
}

export class TransferConversationDto {
  @ApiProperty({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', description: 'The active secretary or admin who takes it over' })
  @IsUUID()
  user_id!: string;

  @ApiProperty({ example: 'Paciente quer falar sobre ortodontia', maxLength: REASON_MAX_LENGTH })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(REASON_MAX_LENGTH)
  reason!: string;
}
