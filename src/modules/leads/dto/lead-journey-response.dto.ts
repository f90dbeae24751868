import { ApiProperty } from '@nestjs/swagger';

export enum JourneyStepType {
  FirstMessage = 'first_message',
  LeadCreated = 'lead_created',
  StatusChanged = 'status_changed',
  Assigned = 'assigned',
  Interaction = 'interaction',
  Appointment = 'appointment',
}

export class JourneyStepDto {
  @ApiProperty({ enum: JourneyStepType, example: JourneyStepType.StatusChanged }) type!: JourneyStepType;
  @ApiProperty({ example: '2026-11-22T14:31:00.000Z', format: 'date-time' }) at!: string;
  @ApiProperty({ example: 5400000, nullable: true, type: 'integer', description: 'Milliseconds since the previous step; null on the first' })
  since_previous_ms!: number | null;
  @ApiProperty({ example: 'Status changed from READY to SCHEDULED', description: 'One line for the timeline' }) title!: string;
  @ApiProperty({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', nullable: true, type: String, description: 'Who acted; null for the patient or the system' })
  actor_user_id!: string | null;
  @ApiProperty({ example: 'READY', nullable: true, type: String }) from_status!: string | null;
  @ApiProperty({ example: 'SCHEDULED', nullable: true, type: String }) to_status!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'The new assignee of an `assigned` step (null: unassigned)' }) assigned_to_id!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'NOTE, CALL, EMAIL or WHATSAPP for an `interaction` step' }) interaction_type!: string | null;
  @ApiProperty({ example: '7a1f3c5e-2b4d-4f6a-8c0e-1d3f5b7a9c2e', nullable: true, type: String, description: 'The conversation of a `first_message` step' })
  conversation_id!: string | null;
}

export class LeadJourneyDto {
  @ApiProperty({ example: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6' }) lead_id!: string;
  @ApiProperty({ type: [JourneyStepDto], description: 'Oldest first' }) steps!: JourneyStepDto[];
  @ApiProperty({ example: 86400000, nullable: true, type: 'integer', description: 'Milliseconds from the first step to the last; null without steps' })
  total_ms!: number | null;
}
