import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ApiPageResponse, Page } from 'src/common/pagination';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { AuditService } from './audit.service';
import { AuditLogResponseDto } from './dto/audit-log-response.dto';
import { ListAuditLogsQueryDto } from './dto/list-audit-logs-query.dto';

@ApiTags('audit')
@Controller('audit-logs')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({ summary: 'Audit trail of the caller’s organization (all organizations for super admins), newest first' })
  @ApiPageResponse(AuditLogResponseDto)
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  list(@CurrentUser() actor: AuthUser, @Query() query: ListAuditLogsQueryDto): Promise<Page<AuditLogResponseDto>> {
    return this.audit.list(actor, query);
  }
}
