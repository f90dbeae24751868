import { ApiProperty } from '@nestjs/swagger';
import { AuditLogEntity } from '../audit-log.entity';

export class AuditLogResponseDto {
  @ApiProperty({ example: '0b6f7f0e-5a7c-4b8e-9d62-1f0c3a2b4d5e' }) id!: string;
  @ApiProperty({ example: '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60', nullable: true, type: String }) organization_id!: string | null;
  @ApiProperty({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', nullable: true, type: String }) actor_id!: string | null;
  @ApiProperty({ example: 'admin', nullable: true, type: String }) actor_role!: string | null;
  @ApiProperty({ example: 'user.updated' }) action!: string;
  @ApiProperty({ example: 'user' }) entity_type!: string;
  @ApiProperty({ example: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a', nullable: true, type: String }) entity_id!: string | null;
  @ApiProperty({ example: { role: { old: 'secretary', new: 'admin' } }, nullable: true, type: Object }) changes!: Record<string, unknown> | null;
  @ApiProperty({ example: { reason: 'invalid_password' }, nullable: true, type: Object }) metadata!: Record<string, unknown> | null;
  @ApiProperty({ example: '203.0.113.7', nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ example: 'b7e2c1d0-3f4a-4b5c-9d8e-7f6a5b4c3d2e', nullable: true, type: String }) request_id!: string | null;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', format: 'date-time' }) created_at!: string;

  static from(log: AuditLogEntity): AuditLogResponseDto {
    return {
      id: log.id,
      organization_id: log.organizationId,
      actor_id: log.actorId,
      actor_role: log.actorRole,
      action: log.action,
      entity_type: log.entityType,
      entity_id: log.entityId,
      changes: log.changes,
      metadata: log.metadata,
      ip: log.ip,
      request_id: log.requestId,
      created_at: log.createdAt.toISOString(),
    };
  }
}
