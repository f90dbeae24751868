import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { NotEqualTo } from './not-equal-to.validator';

export class MergeLeadsDto {
  @ApiProperty({ example: '2f3e4d5c-6b7a-4980-a1b2-c3d4e5f6a7b8', description: 'The duplicate: its history moves to the target, then it is deleted' })
  @IsUUID()
  source_id!: string;

  @ApiProperty({ example: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6', description: 'The lead that remains' })
  @IsUUID()
  @NotEqualTo('source_id')
  target_id!: string;
}
