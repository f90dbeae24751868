import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ApiPageResponse, Page } from 'src/common/pagination';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { AlertsService } from './alerts.service';
import { AlertResponseDto } from './dto/alert-response.dto';
import { ListAlertsQueryDto } from './dto/list-alerts-query.dto';

@ApiTags('alerts')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @RequirePermission(Permission.AlertsRead)
  @ApiOperation({ summary: 'Operational alerts of the caller’s organization (every organization for super admins), newest first' })
  @ApiPageResponse(AlertResponseDto)
  list(@CurrentUser() actor: AuthUser, @Query() query: ListAlertsQueryDto): Promise<Page<AlertResponseDto>> {
    return this.alerts.list(actor, query);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @RequirePermission(Permission.AlertsManage)
  @ApiOperation({ summary: 'Close an open alert by hand (it opens again if the problem is seen again)' })
  @ApiOkResponse({ type: AlertResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'ALERT_ALREADY_RESOLVED', type: ErrorResponseDto })
  resolve(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<AlertResponseDto> {
    return this.alerts.resolve(actor, id);
  }
}
