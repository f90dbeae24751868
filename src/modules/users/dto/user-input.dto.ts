import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { CLINIC_ROLES, ClinicRole, Role } from 'src/common/auth/role.enum';
import { toLowerTrimmed, trimString } from 'src/common/validation/transforms';
import { PASSWORD_MAX_LENGTH } from '../password.service';

/** Name, email and password of a new account (first admin at registration, or a user an admin adds). */
export class NewAccountDto {
  @ApiProperty({ example: 'Ana Souza', minLength: 2, maxLength: 120 })
  @Transform(trimString)
  @IsString()
  @Length(2, 120)
  name!: string;

  @ApiProperty({ example: 'ana.souza@clinicaexemplo.com.br', description: 'Unique, case-insensitive' })
  @Transform(toLowerTrimmed)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'uma senha bem longa', description: 'At least 10 characters, not the email', minLength: 10 })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class CreateUserDto extends NewAccountDto {
  @ApiProperty({ enum: CLINIC_ROLES, example: Role.Secretary })
  @IsIn(CLINIC_ROLES)
  role!: ClinicRole;

  @ApiPropertyOptional({ example: true, default: true })
  @IsOptional()
  @IsBoolean()
  is_active?: boolean;
}

export class UpdateUserDto extends PartialType(PickType(CreateUserDto, ['name', 'email', 'role', 'is_active'] as const)) {
  @ApiPropertyOptional({ example: 'nova senha provisória', description: 'Admin reset; signs the user out everywhere' })
  @IsOptional()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;
}

export class UpdateProfileDto extends PartialType(PickType(NewAccountDto, ['name', 'email'] as const)) {
  @ApiPropertyOptional({ example: 'minha senha atual', description: 'Required when changing the email' })
  @IsOptional()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  current_password?: string;
}

export class ChangePasswordDto {
  @ApiProperty({ example: 'minha senha atual' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  current_password!: string;

  @ApiProperty({ example: 'minha senha nova e longa', minLength: 10 })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  new_password!: string;
}
