import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from 'src/modules/audit/audit.module';
import { OrganizationsModule } from 'src/modules/organizations/organizations.module';
import { PasswordService } from './password.service';
import { UserAccessService } from './user-access.service';
import { UserEntity } from './user.entity';
import { UserProfileService } from './user-profile.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), OrganizationsModule, AuditModule],
  controllers: [UsersController],
  providers: [UsersService, UserProfileService, UserAccessService, PasswordService],
  exports: [UsersService, UserProfileService, UserAccessService, PasswordService],
})
export class UsersModule {}
