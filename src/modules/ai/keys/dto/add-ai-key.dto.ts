import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { trimString } from 'src/common/validation/transforms';

export class AddAiKeyDto {
  @ApiProperty({
    example: 'AIzaSyD-EXAMPLE-KEY-0000000000000000000',
    minLength: 20,
    maxLength: 200,
    description: 'A Google Gemini API key; stored encrypted and never returned',
  })
  @Transform(trimString)
  @IsString()
  @Length(20, 200)
  @Matches(/^[A-Za-z0-9_.-]+$/, { message: 'api_key may only contain letters, digits, "_", "-" and "."' })
  api_key!: string;

  @ApiPropertyOptional({ example: 'Conta Google da clínica', maxLength: 60, nullable: true, type: String })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 60)
  label?: string | null;
}
