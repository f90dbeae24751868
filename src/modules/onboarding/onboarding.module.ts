import { Module } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit/audit.module';
import { AuthModule } from 'src/modules/auth/auth.module';
import { OrganizationsModule } from 'src/modules/organizations/organizations.module';
import { UsersModule } from 'src/modules/users/users.module';
import { OnboardingController } from './onboarding.controller';
import { OnboardingService } from './onboarding.service';

@Module({
  imports: [OrganizationsModule, UsersModule, AuthModule, AuditModule],
  controllers: [OnboardingController],
  providers: [OnboardingService],
})
export class OnboardingModule {}
