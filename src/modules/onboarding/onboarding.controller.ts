import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, Public, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { RateLimited, RateLimitScope } from 'src/common/throttling/rate-limit-scope.decorator';
import { CreatedOrganizationResponseDto, CreateOrganizationDto, RegisterDto, RegisterResponseDto } from './onboarding.dto';
import { OnboardingService } from './onboarding.service';

@ApiBadRequestResponse({ description: 'Invalid input or weak password', type: ErrorResponseDto })
@ApiConflictResponse({ description: 'Email already used', type: ErrorResponseDto })
@Controller()
export class OnboardingController {
  constructor(private readonly onboarding: OnboardingService) {}

  // Public: self-service sign-up of a new clinic. Throttled per IP.
  @Public()
  @RateLimited(RateLimitScope.Register)
  @Post('auth/register')
  @ApiTags('auth')
  @ApiOperation({ summary: 'Create a clinic on the free plan with its first admin, who is logged in' })
  @ApiCreatedResponse({ type: RegisterResponseDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  register(@Body() dto: RegisterDto): Promise<RegisterResponseDto> {
    return this.onboarding.register(dto);
  }

  @Post('organizations')
  @RequirePermission(Permission.OrganizationsManage)
  @ApiTags('organizations')
  @ApiOperation({ summary: 'Super admin: create a clinic on any plan with its first admin' })
  @ApiCreatedResponse({ type: CreatedOrganizationResponseDto })
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateOrganizationDto): Promise<CreatedOrganizationResponseDto> {
    return this.onboarding.createByPlatform(actor, dto);
  }
}
