import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, ValidateIf } from 'class-validator';

export class RouteToDepartmentDto {
  @ApiProperty({
    example: '5b7e1c2d-3a4f-4b6c-8d9e-0f1a2b3c4d5e',
    nullable: true,
    type: String,
    description: 'The department; null removes the manual route (the procedure decides again)',
  })
  @ValidateIf((_object, value) => value !== null)
  @IsUUID()
  department_id!: string | null;
}

export enum RouteSource {
  Manual = 'manual',
  Procedure = 'procedure',
}

export class DepartmentRouteResponseDto {
  @ApiProperty({ example: '5b7e1c2d-3a4f-4b6c-8d9e-0f1a2b3c4d5e', nullable: true, type: String }) department_id!: string | null;
  @ApiProperty({ example: 'Odontologia', nullable: true, type: String }) department_name!: string | null;
  @ApiProperty({
    enum: RouteSource,
    nullable: true,
    example: RouteSource.Manual,
    description: 'manual: routed by hand; procedure: matched from the AI-detected procedure; null: the whole clinic',
  })
  source!: RouteSource | null;
}
