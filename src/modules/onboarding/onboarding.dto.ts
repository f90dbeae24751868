import { ApiProperty, IntersectionType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsString, Length, ValidateNested } from 'class-validator';
import { trimString } from 'src/common/validation/transforms';
import { NewOrganizationDto } from 'src/modules/organizations/dto/manage-organization.dto';
import { OrganizationResponseDto } from 'src/modules/organizations/dto/organization-response.dto';
import { TokenPairResponseDto } from 'src/modules/auth/dto/auth.dto';
import { NewAccountDto } from 'src/modules/users/dto/user-input.dto';
import { UserResponseDto } from 'src/modules/users/dto/user-response.dto';

export class RegisterDto extends IntersectionType(NewAccountDto, PickType(NewOrganizationDto, ['timezone', 'locale'] as const)) {
  @ApiProperty({ example: 'Clínica Sorriso', description: 'The new clinic’s name', minLength: 2, maxLength: 120 })
  @Transform(trimString)
  @IsString()
  @Length(2, 120)
  organization_name!: string;
}

export class RegisterResponseDto extends TokenPairResponseDto {
  @ApiProperty({ type: OrganizationResponseDto }) organization!: OrganizationResponseDto;
}

export class CreateOrganizationDto extends NewOrganizationDto {
  @ApiProperty({ type: NewAccountDto, description: 'The clinic’s first admin' })
  @IsDefined()
  @ValidateNested()
  @Type(() => NewAccountDto)
  admin!: NewAccountDto;
}

export class CreatedOrganizationResponseDto {
  @ApiProperty({ type: OrganizationResponseDto }) organization!: OrganizationResponseDto;
  @ApiProperty({ type: UserResponseDto }) admin!: UserResponseDto;
}
