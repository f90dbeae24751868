import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class AddConversationTagDto {
  @ApiProperty({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', description: 'A tag of the organization' })
  @IsUUID('all', { message: 'tag_id must be a UUID' })
  tag_id!: string;
}
