import { ApiProperty } from '@nestjs/swagger';
import { DepartmentEntity } from '../department.entity';

export class DepartmentResponseDto {
  @ApiProperty({ example: '5b7e1c2d-3a4f-4b6c-8d9e-0f1a2b3c4d5e' }) id!: string;
  @ApiProperty({ example: 'Odontologia' }) name!: string;
  @ApiProperty({ example: 'Limpeza, canal, implantes e clareamento.', nullable: true, type: String }) description!: string | null;
  @ApiProperty({ example: ['limpeza', 'canal', 'implante'], type: [String] }) keywords!: string[];
  @ApiProperty({ example: ['7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f'], type: [String], description: 'Secretaries of the department' })
  member_ids!: string[];
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', format: 'date-time' }) created_at!: string;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', format: 'date-time' }) updated_at!: string;

  static from(department: DepartmentEntity, memberIds: string[]): DepartmentResponseDto {
    return {
      id: department.id,
      name: department.name,
      description: department.description,
      keywords: department.keywords,
      member_ids: memberIds,
      created_at: department.createdAt.toISOString(),
      updated_at: department.updatedAt.toISOString(),
    };
  }
}
