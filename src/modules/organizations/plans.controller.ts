import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { PlanResponseDto } from './dto/plan-response.dto';
import { PlansService } from './plans.service';

@ApiTags('organizations')
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @RequirePermission(Permission.PlansRead)
  @ApiOperation({ summary: 'Available plans and their limits' })
  @ApiOkResponse({ type: PlanResponseDto, isArray: true })
  list(): Promise<PlanResponseDto[]> {
    return this.plans.list();
  }
}
