import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { toLowerTrimmed, trimString } from 'src/common/validation/transforms';
import {
  CUSTOM_ATTRIBUTE_KEY_MAX_LENGTH,
  CUSTOM_ATTRIBUTES_MAX_BYTES,
  CUSTOM_ATTRIBUTES_MAX_KEYS,
  CustomAttributes,
  IsBirthDate,
  IsContactPhone,
  IsCustomAttributes,
  OptionalNotNull,
  toE164Phone,
} from './contact-validators';

export const CONTACT_NOTES_MAX_LENGTH = 5000;

export const CUSTOM_ATTRIBUTES_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }], nullable: true },
  example: { convenio: 'Unimed', carteirinha: '0012345', primeira_consulta: true },
  description: `Flat object: at most ${CUSTOM_ATTRIBUTES_MAX_KEYS} keys of 1–${CUSTOM_ATTRIBUTE_KEY_MAX_LENGTH} characters; values string, number, boolean or null; at most ${CUSTOM_ATTRIBUTES_MAX_BYTES} bytes as JSON`,
};

/** A patient as staff type it in; the CSV import validates each row against the same rules. */
export class CreateContactDto {
  @ApiProperty({ example: 'Maria da Silva', minLength: 1, maxLength: 120 })
  @Transform(trimString)
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({
    example: '(11) 98765-4321',
    description: 'Any usual format; stored as E.164 (`+5511987654321`). Without a country code the number is taken as Brazilian, and mobiles get the ninth digit. Unique per organization.',
  })
  @Transform(toE164Phone)
  @IsContactPhone()
  phone!: string;

  @ApiPropertyOptional({ example: 'maria.silva@email.com', nullable: true, type: String, maxLength: 254 })
  @IsOptional()
  @Transform(toLowerTrimmed)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ example: '1985-04-12', format: 'date', nullable: true, type: String, description: 'YYYY-MM-DD, not in the future' })
  @IsOptional()
  @IsBirthDate()
  birth_date?: string | null;

  @ApiPropertyOptional({ example: 'Prefere ser atendida pela manhã.', nullable: true, type: String, maxLength: CONTACT_NOTES_MAX_LENGTH })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(CONTACT_NOTES_MAX_LENGTH)
  notes?: string | null;

  @ApiPropertyOptional(CUSTOM_ATTRIBUTES_SCHEMA)
  @OptionalNotNull()
  @IsCustomAttributes()
  custom_attributes?: CustomAttributes;

  @ApiPropertyOptional({ example: false, default: false, description: 'Blocked patients receive no messages at all, from staff or the bot' })
  @OptionalNotNull()
  @IsBoolean()
  blocked?: boolean;

  @ApiPropertyOptional({ example: false, default: false, description: 'Opted-out patients receive no automated (bot) messages; opting out records opted_out_at and opt_out_source = staff' })
  @OptionalNotNull()
  @IsBoolean()
  opted_out?: boolean;
}

/**
 * Every field optional. `skipNullProperties: false` keeps null a validation error for name, phone, flags and
 * custom_attributes (columns that must keep a value); email, birth_date and notes accept null to clear them.
 */
export class UpdateContactDto extends PartialType(CreateContactDto, { skipNullProperties: false }) {}
