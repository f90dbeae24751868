import { Body, Controller, Headers, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RawBodyRequest } from 'src/app.setup';
import { Public } from 'src/common/auth/auth.decorators';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { WahaWebhookService, WebhookOutcome } from './waha-webhook.service';

class WebhookAckDto {
  @ApiProperty({ enum: WebhookOutcome, example: WebhookOutcome.Accepted }) status!: WebhookOutcome;
}

@ApiTags('webhooks')
@Controller('webhooks/waha')
export class WahaWebhookController {
  constructor(private readonly webhooks: WahaWebhookService) {}

  // Public: WAHA carries no JWT. The HMAC-SHA512 of the raw body, keyed per session, authenticates it.
  @Public()
  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Receive a WAHA event',
    description:
      'Called by WAHA, never by people. 200 means the event is stored durably (PostgreSQL) and will be processed; ' +
      'a repeated delivery answers 200 `duplicate` and creates no work; events Robbot does not consume, and group, ' +
      'status or channel chats, answer 200 `ignored`. Body limit 256 KB.',
  })
  @ApiHeader({ name: 'X-Webhook-Hmac', description: 'hex HMAC-SHA512 of the raw body with the session key', required: true })
  @ApiBody({ schema: { type: 'object', example: { id: 'evt_01kxztn471j4ba574vwnv4np6f', event: 'message', session: 'default', payload: {} } } })
  @ApiOkResponse({ type: WebhookAckDto })
  @ApiResponse({ status: 400, type: ErrorResponseDto, description: 'WEBHOOK_INVALID_PAYLOAD / INVALID_JSON' })
  @ApiResponse({ status: 401, type: ErrorResponseDto, description: 'WEBHOOK_INVALID_SIGNATURE' })
  @ApiResponse({ status: 404, type: ErrorResponseDto, description: 'WEBHOOK_UNKNOWN_SESSION' })
  @ApiResponse({ status: 413, type: ErrorResponseDto, description: 'Body over 256 KB' })
  @ApiResponse({ status: 503, type: ErrorResponseDto, description: 'Database unavailable: WAHA retries' })
  async receive(@Body() body: unknown, @Req() request: RawBodyRequest, @Headers('x-webhook-hmac') signature?: string): Promise<WebhookAckDto> {
    return { status: await this.webhooks.receive(body, request.rawBody, signature) };
  }
}
