import { ApiProperty } from '@nestjs/swagger';

export class BoardSessionResponseDto {
  @ApiProperty({ example: '/admin/queues', description: 'Open this path in the browser; the cookie just set authenticates it' }) board_url!: string;
  @ApiProperty({ example: '2026-11-22T12:15:00.000Z', format: 'date-time', description: 'When the cookie (and the access token in it) expires' })
  expires_at!: string;
}
