import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { DepartmentRoutingService } from './department-routing.service';
import { DepartmentRouteResponseDto, RouteToDepartmentDto } from './dto/route.dto';

const ROUTE_SUMMARY =
  'Route to a department by hand (it wins over the procedure match); an unassigned item is then offered to that department’s secretaries';

@ApiTags('departments')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@Controller()
export class RoutingController {
  constructor(private readonly routing: DepartmentRoutingService) {}

  @Post('conversations/:id/department')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentManage)
  @ApiOperation({ summary: ROUTE_SUMMARY })
  @ApiOkResponse({ type: DepartmentRouteResponseDto })
  @ApiNotFoundResponse({ description: 'CONVERSATION_NOT_FOUND or DEPARTMENT_NOT_FOUND', type: ErrorResponseDto })
  routeConversation(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: RouteToDepartmentDto): Promise<DepartmentRouteResponseDto> {
    return this.routing.routeConversation(actor, id, dto.department_id);
  }

  @Post('leads/:id/department')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentManage)
  @ApiOperation({ summary: ROUTE_SUMMARY })
  @ApiOkResponse({ type: DepartmentRouteResponseDto })
  @ApiNotFoundResponse({ description: 'LEAD_NOT_FOUND or DEPARTMENT_NOT_FOUND', type: ErrorResponseDto })
  routeLead(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: RouteToDepartmentDto): Promise<DepartmentRouteResponseDto> {
    return this.routing.routeLead(actor, id, dto.department_id);
  }
}
