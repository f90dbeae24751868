import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from 'src/common/pagination';
import { trimString } from 'src/common/validation/transforms';

/** Long enough for a sentence the patient wrote; longer input is a paste, not a search. */
export const MAX_SEARCH_LENGTH = 200;

export class SearchConversationsQueryDto extends PageQueryDto {
  @ApiProperty({
    example: 'limpeza "dor de dente" -orçamento',
    maxLength: MAX_SEARCH_LENGTH,
    description:
      'Words to find in message text, in web-search syntax: plain words must all appear (any inflection, accents ignored), ' +
      '"quoted phrases" match in order, `or` between words matches either, `-word` excludes.',
  })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'q must not be empty' })
  @MaxLength(MAX_SEARCH_LENGTH)
  q!: string;
}
