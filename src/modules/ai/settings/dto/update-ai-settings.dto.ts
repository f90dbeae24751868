import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { trimString } from 'src/common/validation/transforms';
import { EngineKind, Persona } from 'src/modules/ai/engine/engine.types';
import { AI_SETTINGS_LIMITS as LIMITS, ENGINE_KINDS, PERSONA_TONES } from '../ai-settings.types';

/** Absent leaves the field as is; null is refused (these columns always hold a value). */
const OptionalNotNull = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

const trimEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : item)) : value;

export class UpdatePersonaDto {
  @ApiPropertyOptional({ example: 'Clara', minLength: 1, maxLength: LIMITS.botNameMaxLength })
  @OptionalNotNull()
  @Transform(trimString)
  @IsString()
  @Length(1, LIMITS.botNameMaxLength)
  bot_name?: string;

  @ApiPropertyOptional({ enum: PERSONA_TONES, example: 'friendly' })
  @OptionalNotNull()
  @IsIn(PERSONA_TONES)
  tone?: Persona['tone'];

  @ApiPropertyOptional({
    example: 'Olá! Eu sou a Clara, assistente virtual da clínica. Como posso ajudar?',
    nullable: true,
    type: String,
    maxLength: LIMITS.greetingMaxLength,
    description: 'Said on the bot’s first answer in a conversation; null for none',
  })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, LIMITS.greetingMaxLength)
  greeting?: string | null;

  @ApiPropertyOptional({
    example: ['Não substituo uma avaliação profissional.'],
    type: [String],
    maxItems: LIMITS.disclaimersMax,
    description: 'Appended when an answer touches health; replaces the whole list',
  })
  @OptionalNotNull()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(LIMITS.disclaimersMax)
  @IsString({ each: true })
  @Length(1, LIMITS.disclaimerMaxLength, { each: true })
  disclaimers?: string[];
}

/** Every field optional: only the ones sent change. */
export class UpdateAiSettingsDto {
  @ApiPropertyOptional({ example: true, description: 'Turn the bot off (people answer everything) or back on' })
  @OptionalNotNull()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ enum: ENGINE_KINDS, example: 'gemini' })
  @OptionalNotNull()
  @IsIn(ENGINE_KINDS)
  engine?: EngineKind;

  @ApiPropertyOptional({ example: 'gemini-2.5-flash', description: 'Gemini model name' })
  @OptionalNotNull()
  @IsString()
  @Matches(/^gemini-[a-z0-9][a-z0-9.-]{0,56}$/, { message: 'model must be a Gemini model name such as gemini-2.5-flash' })
  model?: string;

  @ApiPropertyOptional({ type: UpdatePersonaDto, description: 'Only the persona fields sent change' })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => UpdatePersonaDto)
  persona?: UpdatePersonaDto;

  @ApiPropertyOptional({ example: 3000, minimum: 0, maximum: LIMITS.debounceMsMax })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(LIMITS.debounceMsMax)
  debounce_ms?: number;

  @ApiPropertyOptional({ example: 15000, minimum: 0, maximum: LIMITS.maxDebounceMsMax, description: 'Must be ≥ debounce_ms' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(LIMITS.maxDebounceMsMax)
  max_debounce_ms?: number;

  @ApiPropertyOptional({ example: 120, minimum: 0, maximum: LIMITS.humanIdleHandbackMinutesMax, description: '0 = never hand back' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(LIMITS.humanIdleHandbackMinutesMax)
  human_idle_handback_minutes?: number;

  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: LIMITS.maxModelCallsMax })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(LIMITS.maxModelCallsMax)
  max_model_calls_per_conversation_per_day?: number;

  @ApiPropertyOptional({
    example: 2000000,
    nullable: true,
    type: Number,
    minimum: LIMITS.monthlyTokenBudgetMin,
    description: 'Input + output tokens per calendar month; null = unlimited',
  })
  @IsOptional()
  @IsInt()
  @Min(LIMITS.monthlyTokenBudgetMin)
  @Max(LIMITS.monthlyTokenBudgetMax)
  monthly_token_budget?: number | null;

  @ApiPropertyOptional({ example: 12, minimum: 1, maximum: LIMITS.historyWindowMax })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(LIMITS.historyWindowMax)
  history_window?: number;
}
