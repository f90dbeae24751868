import { ApiProperty } from '@nestjs/swagger';
import { phoneFromChatId } from 'src/modules/contacts/phone-number';
import { WhatsappSessionEntity, WhatsappSessionStatus } from '../whatsapp-session.entity';

/** A clinic's WhatsApp number. The webhook HMAC key is deliberately absent. */
export class WhatsappSessionResponseDto {
  @ApiProperty({ example: '7d0c9a1e-2b3f-4c5d-8e9f-0a1b2c3d4e5f' }) id!: string;
  @ApiProperty({ example: '3f9a4c1e8d2b-main', description: 'The WAHA session name (generated)' }) name!: string;
  @ApiProperty({ example: 'Recepção', nullable: true, type: String }) display_name!: string | null;
  @ApiProperty({ example: WhatsappSessionStatus.Working, description: 'WAHA status: STOPPED, STARTING, SCAN_QR_CODE, WORKING, FAILED (or newer ones)' })
  status!: string;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', nullable: true, type: String, format: 'date-time' }) status_changed_at!: string | null;
  @ApiProperty({ example: '+551132104567', nullable: true, type: String, description: 'The paired number in E.164' }) phone!: string | null;
  @ApiProperty({ example: 'Clínica Vida Saudável', nullable: true, type: String }) push_name!: string | null;
  @ApiProperty({ example: '2026-11-22T12:05:00.000Z', nullable: true, type: String, format: 'date-time' }) last_checked_at!: string | null;
  @ApiProperty({ example: 0, description: 'Automatic restarts since the number last worked' }) restart_attempts!: number;
  @ApiProperty({ example: '2026-11-01T09:30:00.000Z', format: 'date-time' }) created_at!: string;

  static from(session: WhatsappSessionEntity): WhatsappSessionResponseDto {
    return {
      id: session.id,
      name: session.name,
      display_name: session.displayName,
      status: session.status,
      status_changed_at: session.statusChangedAt?.toISOString() ?? null,
      phone: session.meId ? phoneFromChatId(session.meId) : null,
      push_name: session.mePushName,
      last_checked_at: session.lastCheckedAt?.toISOString() ?? null,
      restart_attempts: session.restartAttempts,
      created_at: session.createdAt.toISOString(),
    };
  }
}

export class QrRawResponseDto {
  @ApiProperty({ example: '2@Xk3…', description: 'The text to encode as a QR code' }) value!: string;
}
