import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { trimString } from 'src/common/validation/transforms';
import { ConversationNoteEntity } from './conversation-note.entity';

export const NOTE_MAX_LENGTH = 5000;

export class WriteConversationNoteDto {
  @ApiProperty({ example: 'Paciente prefere contato depois das 18h. Confirmar convênio antes de agendar.', minLength: 1, maxLength: NOTE_MAX_LENGTH })
  @Transform(trimString)
  @IsString()
  @Length(1, NOTE_MAX_LENGTH)
  body!: string;
}

export class ConversationNoteResponseDto {
  @ApiProperty({ example: '0d6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b' }) id!: string;
  @ApiProperty({ example: '7a1f3c5e-2b4d-4f6a-8c0e-1d3f5b7a9c2e' }) conversation_id!: string;
  @ApiProperty({ example: '5b0c7a2e-1f3d-4c8a-9e6b-2d4f6a8c0e12', nullable: true, type: String, description: 'Null once the author’s account is gone' })
  author_user_id!: string | null;
  @ApiProperty({ example: 'Ana Recepção', nullable: true, type: String }) author_name!: string | null;
  @ApiProperty({ example: 'Paciente prefere contato depois das 18h.' }) body!: string;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', format: 'date-time' }) created_at!: string;
  @ApiProperty({ example: '2026-11-22T12:05:00.000Z', format: 'date-time' }) updated_at!: string;

  static from(note: ConversationNoteEntity): ConversationNoteResponseDto {
    return {
      id: note.id,
      conversation_id: note.conversationId,
      author_user_id: note.authorUserId,
      author_name: note.author?.name ?? null,
      body: note.body,
      created_at: note.createdAt.toISOString(),
      updated_at: note.updatedAt.toISOString(),
    };
  }
}
