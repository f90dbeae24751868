import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { WhatsappSessionsService } from './whatsapp-sessions.service';

@ApiTags('whatsapp-sessions')
@Controller('waha/sessions')
export class WhatsappSessionsController {
  constructor(private readonly sessions: WhatsappSessionsService) {}
}
