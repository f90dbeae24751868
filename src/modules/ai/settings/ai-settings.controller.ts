import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { AiSettingsService } from './ai-settings.service';
import { AiSettingsResponseDto } from './dto/ai-settings-response.dto';
import { UpdateAiSettingsDto } from './dto/update-ai-settings.dto';

@ApiTags('ai')
@Controller('ai/settings')
export class AiSettingsController {
  constructor(private readonly settings: AiSettingsService) {}

  @Get()
  @RequirePermission(Permission.AiRead)
  @ApiOperation({ summary: 'How the AI front desk behaves for the caller’s organization (defaults until changed)' })
  @ApiOkResponse({ type: AiSettingsResponseDto })
  find(@CurrentUser() actor: AuthUser): Promise<AiSettingsResponseDto> {
    return this.settings.findMine(actor);
  }

  @Patch()
  @RequirePermission(Permission.AiManage)
  @ApiOperation({ summary: 'Change the AI settings; only the fields sent change, and other processes see the change at once' })
  @ApiOkResponse({ type: AiSettingsResponseDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, e.g. max_debounce_ms below debounce_ms', type: ErrorResponseDto })
  update(@CurrentUser() actor: AuthUser, @Body() dto: UpdateAiSettingsDto): Promise<AiSettingsResponseDto> {
    return this.settings.updateMine(actor, dto);
  }
}
