import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { toLowerTrimmed } from 'src/common/validation/transforms';
import { UserResponseDto } from 'src/modules/users/dto/user-response.dto';

export class LoginDto {
  @ApiProperty({ example: 'admin@clinicaexemplo.com.br' })
  @Transform(toLowerTrimmed)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Robbot-Demo-2026' })
  @IsString()
  @Length(1, 128)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({ example: 'rt_Jx4bq3cW9...', description: 'The refresh token from login or the last refresh' })
  @IsString()
  @Length(10, 200)
  refresh_token!: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ example: 'rt_Jx4bq3cW9...', description: 'Also end the session this refresh token belongs to' })
  @IsOptional()
  @IsString()
  @Length(10, 200)
  refresh_token?: string;
}

export class TokenPairResponseDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...' }) access_token!: string;
  @ApiProperty({ example: 'Bearer' }) token_type!: 'Bearer';
  @ApiProperty({ example: 900, description: 'Access token lifetime in seconds' }) expires_in!: number;
  @ApiProperty({ example: 'rt_Jx4bq3cW9...', description: 'Opaque, single use: each refresh returns a new one' }) refresh_token!: string;
  @ApiProperty({ example: '2026-12-22T12:00:00.000Z', format: 'date-time' }) refresh_expires_at!: string;
  @ApiProperty({ type: UserResponseDto }) user!: UserResponseDto;
}
