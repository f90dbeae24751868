import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ApiPageResponse, Page } from 'src/common/pagination';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { KnowledgeService } from '../knowledge.service';
import { ImportKnowledgeDto, ImportKnowledgeResultDto } from './dto/import-knowledge.dto';
import { CreateKnowledgeItemDto, UpdateKnowledgeItemDto } from './dto/knowledge-item-input.dto';
import { KnowledgeItemResponseDto } from './dto/knowledge-item-response.dto';
import { ListKnowledgeQueryDto } from './dto/list-knowledge-query.dto';
import { SearchKnowledgeQueryDto, SearchKnowledgeResponseDto } from './dto/search-knowledge.dto';
import { KnowledgeImportService } from './import/knowledge-import.service';
import { KnowledgeItemsService } from './knowledge-items.service';

const TITLE_TAKEN = { description: 'KNOWLEDGE_TITLE_TAKEN: another item of the clinic has this title (ignoring case)', type: ErrorResponseDto };
const NOT_FOUND = { description: 'KNOWLEDGE_ITEM_NOT_FOUND', type: ErrorResponseDto };

@ApiTags('knowledge')
@ApiBadRequestResponse({ description: 'Invalid input (VALIDATION_FAILED)', type: ErrorResponseDto })
@Controller('knowledge')
export class KnowledgeItemsController {
  constructor(
    private readonly items: KnowledgeItemsService,
    private readonly imports: KnowledgeImportService,
    private readonly knowledge: KnowledgeService,
  ) {}

  @Get()
  @RequirePermission(Permission.KnowledgeRead)
  @ApiOperation({ summary: 'List the clinic’s knowledge items, by category, active flag or text' })
  @ApiPageResponse(KnowledgeItemResponseDto)
  list(@CurrentUser() actor: AuthUser, @Query() query: ListKnowledgeQueryDto): Promise<Page<KnowledgeItemResponseDto>> {
    return this.items.list(actor, query);
  }

  @Get('search')
  @RequirePermission(Permission.KnowledgeRead)
  @ApiOperation({
    summary: 'What the bot would retrieve for a patient’s question',
    description: 'Hybrid retrieval over active items (Portuguese full text without accents, plus trigram similarity), fused by reciprocal rank. Best first.',
  })
  @ApiOkResponse({ type: SearchKnowledgeResponseDto })
  search(@CurrentUser() actor: AuthUser, @Query() query: SearchKnowledgeQueryDto): Promise<SearchKnowledgeResponseDto> {
    return this.knowledge.searchForStaff(actor, query);
  }

  @Post()
  @RequirePermission(Permission.KnowledgeManage)
  @ApiOperation({ summary: 'Add a knowledge item (chunked for retrieval at once)' })
  @ApiCreatedResponse({ type: KnowledgeItemResponseDto })
  @ApiConflictResponse(TITLE_TAKEN)
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateKnowledgeItemDto): Promise<KnowledgeItemResponseDto> {
    return this.items.create(actor, dto);
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermission(Permission.KnowledgeManage)
  @ApiOperation({
    summary: 'Import knowledge items from JSON, CSV or Markdown',
    description:
      'Each item is validated like `POST /knowledge`; valid items are kept and invalid ones reported (by array index or file line), ' +
      'so the import never fails as a whole because of bad items. An item whose title matches an existing item (ignoring case) ' +
      'replaces its content and category (and its tags/active flag when given). All items are written in one transaction.',
  })
  @ApiOkResponse({ type: ImportKnowledgeResultDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, or KNOWLEDGE_IMPORT_INVALID: unreadable file or unusable header', type: ErrorResponseDto })
  @ApiPayloadTooLargeResponse({ description: 'KNOWLEDGE_IMPORT_TOO_LARGE: more than 500 items or 512 KB', type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'KNOWLEDGE_TITLE_TAKEN: another import created one of the titles meanwhile; retry', type: ErrorResponseDto })
  import(@CurrentUser() actor: AuthUser, @Body() dto: ImportKnowledgeDto): Promise<ImportKnowledgeResultDto> {
    return this.imports.import(actor, dto);
  }

  @Get(':id')
  @RequirePermission(Permission.KnowledgeRead)
  @ApiOperation({ summary: 'One knowledge item' })
  @ApiOkResponse({ type: KnowledgeItemResponseDto })
  @ApiNotFoundResponse(NOT_FOUND)
  findOne(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<KnowledgeItemResponseDto> {
    return this.items.findOne(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.KnowledgeManage)
  @ApiOperation({ summary: 'Change a knowledge item (re-chunked when its text changes)' })
  @ApiOkResponse({ type: KnowledgeItemResponseDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(TITLE_TAKEN)
  update(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: UpdateKnowledgeItemDto): Promise<KnowledgeItemResponseDto> {
    return this.items.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.KnowledgeManage)
  @ApiOperation({ summary: 'Delete a knowledge item and its chunks' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse(NOT_FOUND)
  remove(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.items.remove(actor, id);
  }
}
