import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ApiPageResponse, Page } from 'src/common/pagination';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { AiKeysService, MAX_KEYS_PER_ORGANIZATION } from './ai-keys.service';
import { AddAiKeyDto } from './dto/add-ai-key.dto';
import { AiKeyResponseDto } from './dto/ai-key-response.dto';
import { ListAiKeysQueryDto } from './dto/list-ai-keys-query.dto';

@ApiTags('ai')
@ApiBadRequestResponse({ description: 'Invalid input (VALIDATION_FAILED)', type: ErrorResponseDto })
@Controller('ai/keys')
export class AiKeysController {
  constructor(private readonly keys: AiKeysService) {}

  @Post()
  @RequirePermission(Permission.AiManage)
  @ApiOperation({
    summary: 'Add a Gemini API key to the organization',
    description:
      'The key is encrypted at rest and never returned; responses show its last 4 characters. The organization’s keys are used ' +
      'in turn, and a key that fails with an auth or quota error sits out a cool-down. Without a usable key of its own, the ' +
      'organization uses the platform’s keys, if any, else answers with the offline engine.',
  })
  @ApiCreatedResponse({ type: AiKeyResponseDto })
  @ApiConflictResponse({ description: 'AI_KEY_DUPLICATE: this key is already in the organization', type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ description: `AI_KEY_LIMIT_REACHED: at most ${MAX_KEYS_PER_ORGANIZATION} keys`, type: ErrorResponseDto })
  add(@CurrentUser() actor: AuthUser, @Body() dto: AddAiKeyDto): Promise<AiKeyResponseDto> {
    return this.keys.add(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.AiRead)
  @ApiOperation({ summary: 'The organization’s Gemini keys (never their values) with last use and bench state' })
  @ApiPageResponse(AiKeyResponseDto)
  list(@CurrentUser() actor: AuthUser, @Query() query: ListAiKeysQueryDto): Promise<Page<AiKeyResponseDto>> {
    return this.keys.list(actor, query);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.AiManage)
  @ApiOperation({ summary: 'Remove a Gemini key; it is not used again' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'AI_KEY_NOT_FOUND', type: ErrorResponseDto })
  remove(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.keys.remove(actor, id);
  }
}
