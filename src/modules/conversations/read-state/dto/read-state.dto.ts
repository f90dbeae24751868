import { ApiProperty } from '@nestjs/swagger';

export class ReadStateDto {
  @ApiProperty({ example: '7a1f3c5e-2b4d-4f6a-8c0e-1d3f5b7a9c2e' }) conversation_id!: string;
  @ApiProperty({ example: 0, description: 'Patient messages the caller has not read (at least 1 when marked unread)' }) unread_count!: number;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', nullable: true, type: String, format: 'date-time' }) last_read_at!: string | null;
}

export class UnreadTotalDto {
  @ApiProperty({ example: 4, description: 'Open (not closed) conversations visible to the caller with something unread' }) conversations!: number;
  @ApiProperty({ example: 9, description: 'Unread patient messages across those conversations' }) messages!: number;
}
