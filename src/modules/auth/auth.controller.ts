import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, Public, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { RateLimited, RateLimitScope } from 'src/common/throttling/rate-limit-scope.decorator';
import { ChangePasswordDto } from 'src/modules/users/dto/user-input.dto';
import { UserProfileService } from 'src/modules/users/user-profile.service';
import { AuthService } from './auth.service';
import { LoginDto, LogoutDto, RefreshDto, TokenPairResponseDto } from './dto/auth.dto';

@ApiTags('auth')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly profile: UserProfileService,
  ) {}

  // Public: this is how a token is obtained. Throttled per IP and per email.
  @Public()
  @RateLimited(RateLimitScope.Login)
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange email and password for an access token (15 min) and a refresh token (30 days)' })
  @ApiOkResponse({ type: TokenPairResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password, or account deactivated', type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ description: 'More than 5 attempts a minute from this IP or for this email', type: ErrorResponseDto })
  login(@Body() dto: LoginDto): Promise<TokenPairResponseDto> {
    return this.auth.login(dto);
  }

  // Public: the access token may already have expired; the refresh token is the credential.
  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate a refresh token: it works once; reusing a rotated one revokes the whole session' })
  @ApiOkResponse({ type: TokenPairResponseDto })
  @ApiUnauthorizedResponse({ description: 'Invalid, expired, revoked or reused refresh token', type: ErrorResponseDto })
  refresh(@Body() dto: RefreshDto): Promise<TokenPairResponseDto> {
    return this.auth.refresh(dto.refresh_token);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @RequirePermission(Permission.SessionsManage)
  @ApiOperation({ summary: 'Revoke this access token and, if given, the refresh token’s session' })
  @ApiNoContentResponse()
  logout(@CurrentUser() actor: AuthUser, @Body() dto: LogoutDto): Promise<void> {
    return this.auth.logout(actor, dto.refresh_token);
  }

  @Post('auth/logout-all')
  @HttpCode(204)
  @RequirePermission(Permission.SessionsManage)
  @ApiOperation({ summary: 'End every session of the caller on every device' })
  @ApiNoContentResponse()
  logoutAll(@CurrentUser() actor: AuthUser): Promise<void> {
    return this.auth.logoutAll(actor);
  }

  @Post('users/me/password')
  @HttpCode(200)
  @RequirePermission(Permission.ProfileWrite)
  @ApiTags('users')
  @ApiOperation({ summary: 'Change the password (needs the current one); every other session ends, a fresh pair is returned' })
  @ApiOkResponse({ type: TokenPairResponseDto })
  async changePassword(@CurrentUser() actor: AuthUser, @Body() dto: ChangePasswordDto): Promise<TokenPairResponseDto> {
    await this.profile.changePassword(actor, dto);
    return this.auth.startSession(actor.userId);
  }
}
