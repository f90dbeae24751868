import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';
import { MAX_PAGE_SIZE } from 'src/common/pagination';
import { IsMessageCursor } from './message-cursor';
import { MessageResponseDto } from './message-response.dto';

export const DEFAULT_MESSAGE_PAGE_SIZE = 50;

const CURSOR_EXAMPLE = 'MjAyNi0xMS0yMlQxMjowMDowMC4wMDAwMDBafDFiN2U0YzJhLTlkM2YtNGU4Yi1hNmM1LTBmMmU0ZDZiOGExMw';

export class ListMessagesQueryDto {
  @ApiPropertyOptional({ example: DEFAULT_MESSAGE_PAGE_SIZE, minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_MESSAGE_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_MESSAGE_PAGE_SIZE;

  @ApiPropertyOptional({ example: CURSOR_EXAMPLE, description: 'A `next_cursor`: the page of messages older than it' })
  @IsOptional()
  @IsMessageCursor()
  before?: string;

  @ApiPropertyOptional({ example: CURSOR_EXAMPLE, description: 'A `prev_cursor`: the page of messages newer than it. Not with `before`' })
  @IsOptional()
  @IsMessageCursor()
  @ValidateBy({
    name: 'notWithBefore',
    validator: {
      validate: (_value: unknown, args) => (args?.object as ListMessagesQueryDto).before === undefined,
      defaultMessage: () => 'after and before cannot be combined',
    },
  })
  after?: string;
}

export class MessagePageDto {
  @ApiProperty({ type: [MessageResponseDto], description: 'Newest first' }) items!: MessageResponseDto[];
  @ApiProperty({
    example: CURSOR_EXAMPLE,
    nullable: true,
    type: String,
    description: 'Pass as `before` for the older page; null when this page reaches the first message',
  })
  next_cursor!: string | null;
  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    description: 'Pass as `after` for the newer page; null when nothing newer exists (always null on the newest page)',
  })
  prev_cursor!: string | null;
}
