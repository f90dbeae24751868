import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { trimString } from 'src/common/validation/transforms';
import { IsIn, IsOptional, IsString, IsTimeZone, Length } from 'class-validator';
import { SUPPORTED_LOCALES } from '../organization.entity';

/** Settings an organization's own admin may change. */
export class UpdateMyOrganizationDto {
  @ApiPropertyOptional({ example: 'Clínica Exemplo', minLength: 2, maxLength: 120 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(2, 120)
  name?: string;

  @ApiPropertyOptional({ example: 'America/Sao_Paulo', description: 'IANA time zone' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ example: 'pt-BR', enum: SUPPORTED_LOCALES })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  locale?: string;
}
