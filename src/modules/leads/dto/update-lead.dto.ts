import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { trimString } from 'src/common/validation/transforms';
import { LeadStatus } from '../leads.constants';

export const LEAD_NOTES_MAX_LENGTH = 5000;
export const LOST_REASON_MAX_LENGTH = 500;

const definedOrNull = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined && value !== null);

/** Every field optional; each change is kept in the lead's edit history and timeline. */
export class UpdateLeadDto {
  @ApiPropertyOptional({
    enum: LeadStatus,
    example: LeadStatus.Scheduled,
    description:
      'Allowed moves: NEW→ENGAGED|INTERESTED|READY|SCHEDULED|LOST, ENGAGED→INTERESTED|READY|SCHEDULED|LOST, INTERESTED→READY|SCHEDULED|LOST|ENGAGED, ' +
      'READY→SCHEDULED|LOST|INTERESTED, SCHEDULED→CONVERTED|LOST|READY, LOST→NEW|ENGAGED; CONVERTED is final. Others answer 409 INVALID_TRANSITION.',
  })
  @ValidateIf((_object, value) => value !== undefined)
  @IsIn(Object.values(LeadStatus))
  status?: LeadStatus;

  @ApiPropertyOptional({ example: 'Achou o preço alto', maxLength: LOST_REASON_MAX_LENGTH, description: 'Required with status LOST, refused otherwise' })
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LOST_REASON_MAX_LENGTH)
  lost_reason?: string;

  @ApiPropertyOptional({ example: 'Prefere contato por WhatsApp.', nullable: true, type: String, maxLength: LEAD_NOTES_MAX_LENGTH, description: 'null clears them' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(LEAD_NOTES_MAX_LENGTH)
  notes?: string | null;

  @ApiPropertyOptional({
    example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
    nullable: true,
    type: String,
    description: 'An active admin or secretary of the organization; null puts the lead back in the unassigned queue',
  })
  @definedOrNull()
  @IsUUID()
  assigned_to_id?: string | null;

  @ApiPropertyOptional({ example: '2026-12-01T13:00:00.000Z', nullable: true, type: String, format: 'date-time', description: 'null clears it' })
  @definedOrNull()
  @IsDateString({ strict: true })
  appointment_at?: string | null;
}
