import { ApiProperty } from '@nestjs/swagger';
import { EngineKind, Persona } from 'src/modules/ai/engine/engine.types';
import { AiSettings, ENGINE_KINDS, PERSONA_TONES } from '../ai-settings.types';

export class PersonaResponseDto {
  @ApiProperty({ example: 'Clara' }) bot_name!: string;
  @ApiProperty({ enum: PERSONA_TONES, example: 'friendly' }) tone!: Persona['tone'];
  @ApiProperty({ example: 'Olá! Eu sou a Clara, assistente virtual da clínica. Como posso ajudar?', nullable: true, type: String })
  greeting!: string | null;
  @ApiProperty({ example: ['Não substituo uma avaliação profissional.'], type: [String] }) disclaimers!: string[];
}

export class AiSettingsResponseDto {
  @ApiProperty({ example: true, description: 'Off: the bot neither analyses nor answers patients; people handle every conversation' }) enabled!: boolean;
  @ApiProperty({ enum: ENGINE_KINDS, example: 'offline', description: 'offline = built-in rules, no key needed; gemini = Google Gemini (falls back to offline without a usable key)' })
  engine!: EngineKind;
  @ApiProperty({ example: 'gemini-2.5-flash' }) model!: string;
  @ApiProperty({ type: PersonaResponseDto }) persona!: PersonaResponseDto;
  @ApiProperty({ example: 3000, description: 'Wait after the patient’s last message before answering a burst' }) debounce_ms!: number;
  @ApiProperty({ example: 15000, description: 'Longest wait from the first message of a burst' }) max_debounce_ms!: number;
  @ApiProperty({ example: 120, description: 'Minutes of human silence before the bot takes the conversation back; 0 = never' })
  human_idle_handback_minutes!: number;
  @ApiProperty({ example: 50 }) max_model_calls_per_conversation_per_day!: number;
  @ApiProperty({ example: 2000000, nullable: true, type: Number, description: 'Input + output tokens per calendar month; null = unlimited' })
  monthly_token_budget!: number | null;
  @ApiProperty({ example: 12, description: 'Earlier messages the engines see' }) history_window!: number;
  @ApiProperty({ example: '2026-11-20T18:45:00.000Z', format: 'date-time' }) updated_at!: string;

  static from(settings: AiSettings): AiSettingsResponseDto {
    return {
      enabled: settings.enabled,
      engine: settings.engine,
      model: settings.model,
      persona: {
        bot_name: settings.persona.botName,
        tone: settings.persona.tone,
        greeting: settings.persona.greeting,
        disclaimers: settings.persona.disclaimers,
      },
      debounce_ms: settings.debounceMs,
      max_debounce_ms: settings.maxDebounceMs,
      human_idle_handback_minutes: settings.humanIdleHandbackMinutes,
      max_model_calls_per_conversation_per_day: settings.maxModelCallsPerConversationPerDay,
      monthly_token_budget: settings.monthlyTokenBudget,
      history_window: settings.historyWindow,
      updated_at: settings.updatedAt,
    };
  }
}
