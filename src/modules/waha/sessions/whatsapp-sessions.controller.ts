import { Body, Controller, Delete, Get, HttpCode, Param, PipeTransform, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ApiPageResponse, Page } from 'src/common/pagination';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { validationFailed } from 'src/common/validation/validation';
import { CreateWhatsappSessionDto, ListWhatsappSessionsQueryDto, QrQueryDto } from './dto/whatsapp-session-input.dto';
import { QrRawResponseDto, WhatsappSessionResponseDto } from './dto/whatsapp-session-response.dto';
import { WhatsappSessionProvisioningService } from './whatsapp-session-provisioning.service';
import { WAHA_SESSION_NAME_PATTERN } from './whatsapp-session.rules';
import { WhatsappSessionsService } from './whatsapp-sessions.service';

/** `@Param('name', SessionNamePipe)`: anything WAHA could never have named answers 400, not a lookup. */
const SessionNamePipe: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!WAHA_SESSION_NAME_PATTERN.test(value)) throw validationFailed([{ field: 'name', errors: ['name must be a WhatsApp session name'] }]);
    return value;
  },
};

const NAME_PARAM = { name: 'name', example: '3f9a4c1e8d2b-main', description: 'The session name from POST or the list' };

@ApiTags('whatsapp-sessions')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@ApiBadGatewayResponse({ description: 'WAHA_UNAVAILABLE (down, 5xx, timeout) or WAHA_REJECTED (WAHA refused)', type: ErrorResponseDto })
@Controller('waha/sessions')
export class WhatsappSessionsController {
  constructor(
    private readonly sessions: WhatsappSessionsService,
    private readonly provisioning: WhatsappSessionProvisioningService,
  ) {}

  @Post()
  @RequirePermission(Permission.WhatsappSessionsManage)
  @ApiOperation({ summary: 'Add a WhatsApp number (403 PLAN_LIMIT_REACHED past the plan’s max numbers); scan its QR next' })
  @ApiCreatedResponse({ type: WhatsappSessionResponseDto })
  @ApiConflictResponse({ description: 'WHATSAPP_SESSION_EXISTS: the label is taken in this clinic', type: ErrorResponseDto })
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateWhatsappSessionDto): Promise<WhatsappSessionResponseDto> {
    return this.provisioning.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.WhatsappSessionsRead)
  @ApiOperation({ summary: 'The clinic’s WhatsApp numbers' })
  @ApiPageResponse(WhatsappSessionResponseDto)
  list(@CurrentUser() actor: AuthUser, @Query() query: ListWhatsappSessionsQueryDto): Promise<Page<WhatsappSessionResponseDto>> {
    return this.sessions.list(actor, query);
  }

  @Get(':name')
  @RequirePermission(Permission.WhatsappSessionsRead)
  @ApiParam(NAME_PARAM)
  @ApiOkResponse({ type: WhatsappSessionResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  findOne(@CurrentUser() actor: AuthUser, @Param('name', SessionNamePipe) name: string): Promise<WhatsappSessionResponseDto> {
    return this.sessions.findOne(actor, name);
  }

  @Get(':name/qr')
  @RequirePermission(Permission.WhatsappSessionsRead)
  @ApiOperation({ summary: 'The pairing QR: a PNG (format=image) or the string to render (format=raw)' })
  @ApiParam(NAME_PARAM)
  @ApiProduces('image/png', 'application/json')
  @ApiExtraModels(QrRawResponseDto)
  @ApiOkResponse({
    content: {
      'image/png': { schema: { type: 'string', format: 'binary' } },
      'application/json': { schema: { $ref: getSchemaPath(QrRawResponseDto) } },
    },
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'WHATSAPP_SESSION_ALREADY_CONNECTED or WHATSAPP_SESSION_NOT_PAIRING', type: ErrorResponseDto })
  async qr(@CurrentUser() actor: AuthUser, @Param('name', SessionNamePipe) name: string, @Query() query: QrQueryDto): Promise<StreamableFile | QrRawResponseDto> {
    const qr = await this.sessions.getQr(actor, name, query.format);
    return qr.format === 'raw' ? { value: qr.value } : new StreamableFile(qr.png, { type: 'image/png', length: qr.png.length });
  }

  @Post(':name/start')
  @HttpCode(200)
  @RequirePermission(Permission.WhatsappSessionsManage)
  @ApiParam(NAME_PARAM)
  @ApiOkResponse({ type: WhatsappSessionResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  start(@CurrentUser() actor: AuthUser, @Param('name', SessionNamePipe) name: string): Promise<WhatsappSessionResponseDto> {
    return this.sessions.act(actor, name, 'start');
  }

  @Post(':name/stop')
  @HttpCode(200)
  @RequirePermission(Permission.WhatsappSessionsManage)
  @ApiOperation({ summary: 'Stop the number (keeps the pairing); it counts as down until started again' })
  @ApiParam(NAME_PARAM)
  @ApiOkResponse({ type: WhatsappSessionResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  stop(@CurrentUser() actor: AuthUser, @Param('name', SessionNamePipe) name: string): Promise<WhatsappSessionResponseDto> {
    return this.sessions.act(actor, name, 'stop');
  }

  @Post(':name/restart')
  @HttpCode(200)
  @RequirePermission(Permission.WhatsappSessionsManage)
  @ApiParam(NAME_PARAM)
  @ApiOkResponse({ type: WhatsappSessionResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  restart(@CurrentUser() actor: AuthUser, @Param('name', SessionNamePipe) name: string): Promise<WhatsappSessionResponseDto> {
    return this.sessions.act(actor, name, 'restart');
  }

  @Delete(':name')
  @HttpCode(204)
  @RequirePermission(Permission.WhatsappSessionsManage)
  @ApiOperation({ summary: 'Remove the number: deletes the WAHA session (unlinking the phone) and our record' })
  @ApiParam(NAME_PARAM)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  remove(@CurrentUser() actor: AuthUser, @Param('name', SessionNamePipe) name: string): Promise<void> {
    return this.provisioning.remove(actor, name);
  }
}
