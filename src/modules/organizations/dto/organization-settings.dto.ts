import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { trimString } from 'src/common/validation/transforms';
import { IsIn, IsInt, IsOptional, IsString, IsTimeZone, Length, Max, Min, ValidateIf } from 'class-validator';
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

  @ApiPropertyOptional({
    example: 20,
    nullable: true,
    description: 'Messages per minute per WhatsApp number (protects the number from bans); null = deployment default',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(600)
  whatsapp_send_rate_per_minute?: number | null;

  @ApiPropertyOptional({ example: 1500, nullable: true, description: 'Minimum gap between two messages to one chat; null = default' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(600_000)
  whatsapp_min_chat_gap_ms?: number | null;
}
