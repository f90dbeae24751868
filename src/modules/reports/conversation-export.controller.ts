import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { EXPORT_COLUMNS, ConversationExportService } from './conversation-export.service';
import { ExportConversationsQueryDto } from './dto/export-conversations-query.dto';

@ApiTags('conversations')
@Controller('conversations')
export class ConversationExportController {
  constructor(private readonly exports: ConversationExportService) {}

  @Get('export')
  @RequirePermission(Permission.ConversationsExport)
  @ApiOperation({
    summary: 'Download conversations as CSV',
    description:
      `Columns: ${EXPORT_COLUMNS.join(', ')}. One row per conversation, oldest first, filtered by creation date and status and ` +
      'scoped like the list (secretaries export their own and unassigned conversations). Lead status and maturity score ' +
      'come from the conversation’s open lead, else its latest one; empty when it has none. UTF-8 with a BOM, comma-separated, ' +
      'CRLF line ends; cells a spreadsheet would run as a formula (starting with =, +, -, @) are prefixed with an apostrophe, ' +
      'phones included. Streamed: any size downloads in constant server memory.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The CSV file, as an attachment',
    content: { 'text/csv': { schema: { type: 'string', example: 'phone,contact_name,created_at,status,assigned_user_name,assigned_user_email,lead_status,maturity_score\r\n\'+5511987654321,Maria da Silva,2026-11-20T09:15:00.000Z,ACTIVE,Ana Souza,ana@clinica.com.br,INTERESTED,72\r\n' } } },
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: unknown format or status, malformed dates, end_date before start_date', type: ErrorResponseDto })
  async export(@CurrentUser() actor: AuthUser, @Query() query: ExportConversationsQueryDto): Promise<StreamableFile> {
    const { filename, stream } = await this.exports.exportCsv(actor, query);
    return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${filename}"` });
  }
}
