import { ApiProperty } from '@nestjs/swagger';
import { Role } from 'src/common/auth/role.enum';
import { UserEntity } from '../user.entity';

export class UserResponseDto {
  @ApiProperty({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f' }) id!: string;
  @ApiProperty({ example: '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60' }) organization_id!: string;
  @ApiProperty({ example: 'Ana Souza' }) name!: string;
  @ApiProperty({ example: 'ana.souza@clinicaexemplo.com.br' }) email!: string;
  @ApiProperty({ enum: Role, example: Role.Secretary }) role!: Role;
  @ApiProperty({ example: true }) is_active!: boolean;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', nullable: true, type: String, format: 'date-time' }) last_login_at!: string | null;
  @ApiProperty({ example: '2026-11-01T09:30:00.000Z', format: 'date-time' }) created_at!: string;
  @ApiProperty({ example: '2026-11-20T18:45:00.000Z', format: 'date-time' }) updated_at!: string;

  static from(user: UserEntity): UserResponseDto {
    return {
      id: user.id,
      organization_id: user.organizationId,
      name: user.name,
      email: user.email,
      role: user.role,
      is_active: user.isActive,
      last_login_at: user.lastLoginAt?.toISOString() ?? null,
      created_at: user.createdAt.toISOString(),
      updated_at: user.updatedAt.toISOString(),
    };
  }
}
