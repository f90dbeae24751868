import { ApiProperty } from '@nestjs/swagger';
import { ContactEntity, ContactSource, OptOutSource } from '../contact.entity';
import { CUSTOM_ATTRIBUTES_SCHEMA } from './contact-input.dto';
import { CustomAttributes } from './contact-validators';

export class ContactResponseDto {
  @ApiProperty({ example: '5b0c7a2e-1f3d-4c8a-9e6b-2d4f6a8c0e12' }) id!: string;
  @ApiProperty({ example: 'Maria da Silva', nullable: true, type: String, description: 'Null for WhatsApp contacts that never shared a name' })
  name!: string | null;
  @ApiProperty({ example: '+5511987654321', nullable: true, type: String, description: 'E.164; null for contacts WhatsApp only knows by a linked id' })
  phone!: string | null;
  @ApiProperty({ example: '551187654321@c.us', nullable: true, type: String, description: 'The chat id WhatsApp really uses (old Brazilian accounts lack the ninth digit)' })
  wa_chat_id!: string | null;
  @ApiProperty({ example: '204815162342108@lid', nullable: true, type: String, description: 'WhatsApp linked id, when known' }) lid!: string | null;
  @ApiProperty({ example: 'maria.silva@email.com', nullable: true, type: String }) email!: string | null;
  @ApiProperty({ example: '1985-04-12', nullable: true, type: String, format: 'date' }) birth_date!: string | null;
  @ApiProperty({ example: 'Prefere ser atendida pela manhã.', nullable: true, type: String }) notes!: string | null;
  @ApiProperty(CUSTOM_ATTRIBUTES_SCHEMA) custom_attributes!: CustomAttributes;
  @ApiProperty({ example: false }) blocked!: boolean;
  @ApiProperty({ example: false }) opted_out!: boolean;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' }) opted_out_at!: string | null;
  @ApiProperty({ enum: OptOutSource, example: null, nullable: true, description: 'Who opted the patient out' }) opt_out_source!: OptOutSource | null;
  @ApiProperty({ enum: ContactSource, example: ContactSource.Manual }) source!: ContactSource;
  @ApiProperty({ example: '2026-11-01T09:30:00.000Z', format: 'date-time' }) created_at!: string;
  @ApiProperty({ example: '2026-11-20T18:45:00.000Z', format: 'date-time' }) updated_at!: string;

  static from(contact: ContactEntity): ContactResponseDto {
    return {
      id: contact.id,
      name: contact.name,
      phone: contact.phone,
      wa_chat_id: contact.waChatId,
      lid: contact.lid,
      email: contact.email,
      birth_date: contact.birthDate,
      notes: contact.notes,
      custom_attributes: contact.customAttributes as CustomAttributes,
      blocked: contact.blocked,
      opted_out: contact.optedOut,
      opted_out_at: contact.optedOutAt?.toISOString() ?? null,
      opt_out_source: contact.optOutSource,
      source: contact.source,
      created_at: contact.createdAt.toISOString(),
      updated_at: contact.updatedAt.toISOString(),
    };
  }
}
