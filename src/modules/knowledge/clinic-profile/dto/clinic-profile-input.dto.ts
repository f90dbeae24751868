import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { toLowerTrimmed, trimString } from 'src/common/validation/transforms';
import { BusinessHoursDto } from './business-hours.dto';
import { byKey, caseInsensitive } from './profile-validators';

/** Absent or null: the field is cleared (PUT replaces the whole profile). */
const Nullable = (): PropertyDecorator => ValidateIf((_object, value) => value !== null && value !== undefined);

export class ClinicServiceDto {
  @ApiProperty({ example: 'Limpeza dental (profilaxia)', maxLength: 120 })
  @Transform(trimString)
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiPropertyOptional({ example: 'Remoção de placa e tártaro, polimento e aplicação de flúor.', nullable: true, type: String, maxLength: 1000 })
  @Nullable()
  @Transform(trimString)
  @IsString()
  @Length(1, 1000)
  description?: string | null;

  @ApiPropertyOptional({ example: 18000, nullable: true, type: Number, minimum: 0, description: 'Price in BRL cents (18000 = R$ 180,00); null = on request' })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  price_cents?: number | null;

  @ApiPropertyOptional({ example: 45, nullable: true, type: Number, minimum: 1, maximum: 1440 })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(1440)
  duration_minutes?: number | null;
}

/** The whole profile: fields left out are cleared, except the time zone, which stays the organization's. */
export class UpdateClinicProfileDto {
  @ApiProperty({ example: 'Clínica Exemplo', minLength: 2, maxLength: 120, description: 'The name patients know' })
  @Transform(trimString)
  @IsString()
  @Length(2, 120)
  name!: string;

  @ApiPropertyOptional({ example: 'Av. Paulista, 1578, conj. 1203 - Bela Vista, São Paulo - SP, 01310-200', nullable: true, type: String, maxLength: 300 })
  @Nullable()
  @Transform(trimString)
  @IsString()
  @Length(1, 300)
  address?: string | null;

  @ApiPropertyOptional({ example: '(11) 3555-0100', nullable: true, type: String, maxLength: 40 })
  @Nullable()
  @Transform(trimString)
  @IsString()
  @Length(1, 40)
  phone?: string | null;

  @ApiPropertyOptional({ example: 'contato@clinicaexemplo.com.br', nullable: true, type: String, maxLength: 254 })
  @Nullable()
  @Transform(toLowerTrimmed)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ example: 'America/Sao_Paulo', description: 'IANA time zone; stored as the organization’s (same as PATCH /organizations/me). Left out = unchanged.' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @ApiProperty({ type: BusinessHoursDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BusinessHoursDto)
  business_hours!: BusinessHoursDto;

  @ApiPropertyOptional({ example: ['Unimed', 'Bradesco Saúde', 'SulAmérica'], default: [], type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique(caseInsensitive, { message: 'accepted_insurances must not repeat a name' })
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : item)) : value))
  @IsString({ each: true })
  @Length(1, 80, { each: true })
  accepted_insurances?: string[];

  @ApiPropertyOptional({ type: [ClinicServiceDto], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique(byKey('name'), { message: 'services must not repeat a name' })
  @ValidateNested({ each: true })
  @Type(() => ClinicServiceDto)
  services?: ClinicServiceDto[];
}
