import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, MaxLength, ValidateBy, ValidateNested } from 'class-validator';
import { trimString } from 'src/common/validation/transforms';
import { IsTemplateValues, TEMPLATE_VALUES_SCHEMA } from 'src/modules/templates/dto/template-values';
import { OutboundInput } from '../outbound/outbound-messages.service';

export const MAX_TEXT_LENGTH = 4096;

/** What WhatsApp renders inline (image, voice/audio, video) or as a document. */
export const SENDABLE_MIMETYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'audio/ogg',
  'audio/mpeg',
  'audio/mp4',
  'video/mp4',
  'application/pdf',
] as const;

export class SendMediaDto {
  @ApiProperty({ example: 'https://files.clinicaexemplo.com.br/preparo-exame.pdf', maxLength: 2048, description: 'http or https; fetched when the message is sent' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http or https URL' })
  // WAHA fetches this URL from inside our network: a public domain name only (the TLD rule of IsUrl keeps out
  // localhost and bare service names), never an IP literal.
  @Matches(/^(?!https?:\/\/(\[|(\d{1,3}\.){3}\d{1,3}(:\d+)?([/?#]|$)))/i, { message: 'url must use a public host name, not an IP address' })
  @MaxLength(2048)
  url!: string;

  @ApiProperty({ enum: SENDABLE_MIMETYPES, example: 'application/pdf' })
  @IsIn(SENDABLE_MIMETYPES)
  mimetype!: string;

  @ApiPropertyOptional({ example: 'preparo-exame.pdf', maxLength: 255 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 255)
  filename?: string;

  @ApiPropertyOptional({ example: 'Segue o preparo para o exame de amanhã.', maxLength: 1024 })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  caption?: string;
}

/**
 * One validator for `text` that also enforces "exactly one of text, media or template_id", so a request with
 * none gets one clear message instead of a string error about a field the client meant to leave out.
 */
function IsTextUnlessMedia(): PropertyDecorator {
  return ValidateBy({
    name: 'isTextUnlessMedia',
    validator: {
      validate: (value: unknown, args) => textProblem(value, args?.object as SendMessageDto) === null,
      defaultMessage: (args) => textProblem(args?.value, args?.object as SendMessageDto) ?? '',
    },
  });
}

function textProblem(text: unknown, { media, template_id: templateId }: SendMessageDto): string | null {
  const given = [text, media, templateId].filter((value) => value !== undefined && value !== null).length;
  if (given === 0) return 'exactly one of text, media or template_id is required';
  if (given > 1) return 'send only one of text, media or template_id';
  if (text === undefined || text === null) return null;
  if (typeof text !== 'string' || text.length < 1 || text.length > MAX_TEXT_LENGTH) {
    return `text must be a string of 1 to ${MAX_TEXT_LENGTH} characters (surrounding spaces are trimmed)`;
  }
  return null;
}

export class SendMessageDto {
  @ApiPropertyOptional({ example: 'Bom dia, Maria! Sua consulta está confirmada para amanhã às 9h.', minLength: 1, maxLength: MAX_TEXT_LENGTH, description: 'Exactly one of text or media' })
  @Transform(trimString)
  @IsTextUnlessMedia()
  text?: string;

  @ApiPropertyOptional({ type: SendMediaDto, description: 'Exactly one of text or media' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SendMediaDto)
  media?: SendMediaDto;

  @ApiPropertyOptional({
    example: '2e4f6a8c-0e1d-4c3b-9a5f-7d9b1c3e5a7f',
    description: 'Send a message template instead (exactly one of text, media or template_id); nome, primeiro_nome and clinica are filled in unless given',
  })
  @IsOptional()
  @IsUUID('all', { message: 'template_id must be a UUID' })
  template_id?: string;

  @ApiPropertyOptional({ ...TEMPLATE_VALUES_SCHEMA, description: `Only with template_id. ${TEMPLATE_VALUES_SCHEMA.description ?? ''}` })
  @IsOptional()
  @IsTemplateValues()
  @ValidateBy({
    name: 'onlyWithTemplate',
    validator: {
      validate: (_value: unknown, args) => Boolean((args?.object as SendMessageDto).template_id),
      defaultMessage: () => 'variables may only be sent with template_id',
    },
  })
  variables?: Record<string, string>;

  toInput(): OutboundInput {
    if (this.media) return { media: { url: this.media.url, mimetype: this.media.mimetype, filename: this.media.filename, caption: this.media.caption } };
    return { text: this.text ?? '' };
  }
}
