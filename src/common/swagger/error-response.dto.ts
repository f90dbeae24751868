import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one error shape every endpoint answers with. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code' }) code!: string;
  @ApiProperty({ example: 'Request validation failed' }) message!: string;
  @ApiPropertyOptional({
    example: [{ field: 'email', errors: ['email must be an email'] }],
    description: 'Extra context, e.g. per-field validation errors',
  })
  details?: unknown;
  @ApiProperty({ example: '6f1c2a7e-0c9b-4a57-9d8e-2f4b7f7e1a10' }) requestId!: string;
}
