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
import { ContactsImportService } from './contacts-import.service';
import { ContactsService } from './contacts.service';
import { CreateContactDto, UpdateContactDto } from './dto/contact-input.dto';
import { ContactResponseDto } from './dto/contact-response.dto';
import { ImportContactsDto, ImportContactsResultDto } from './dto/import-contacts.dto';
import { ListContactsQueryDto } from './dto/list-contacts-query.dto';

const PHONE_TAKEN = { description: 'CONTACT_PHONE_TAKEN: another patient of the organization has this phone', type: ErrorResponseDto };

@ApiTags('contacts')
@ApiBadRequestResponse({ description: 'Invalid input (VALIDATION_FAILED)', type: ErrorResponseDto })
@Controller('contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly imports: ContactsImportService,
  ) {}

  @Get()
  @RequirePermission(Permission.ContactsRead)
  @ApiOperation({ summary: 'List the organization’s patients, searching name or phone' })
  @ApiPageResponse(ContactResponseDto)
  list(@CurrentUser() actor: AuthUser, @Query() query: ListContactsQueryDto): Promise<Page<ContactResponseDto>> {
    return this.contacts.list(actor, query);
  }

  @Post()
  @RequirePermission(Permission.ContactsWrite)
  @ApiOperation({ summary: 'Add a patient (phone normalised to E.164, unique in the organization)' })
  @ApiCreatedResponse({ type: ContactResponseDto })
  @ApiConflictResponse(PHONE_TAKEN)
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateContactDto): Promise<ContactResponseDto> {
    return this.contacts.create(actor, dto);
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermission(Permission.ContactsImport)
  @ApiOperation({
    summary: 'Import patients from a CSV spreadsheet',
    description:
      'Each row is validated like `POST /contacts`. Valid rows are kept and invalid ones reported with their line number; ' +
      'the import never fails as a whole because of bad rows. New phones create contacts (source `import`). ' +
      'A phone that already belongs to a patient of the organization **updates only that patient’s empty fields** ' +
      '(name, email, birth_date, notes, and custom_attributes when it has none): nothing staff or WhatsApp already filled is overwritten. ' +
      'A phone repeated within the file is imported from its first valid row; later rows are reported. All rows are written in one transaction.',
  })
  @ApiOkResponse({ type: ImportContactsResultDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, or CONTACT_IMPORT_INVALID_CSV: unreadable CSV or unusable header', type: ErrorResponseDto })
  @ApiPayloadTooLargeResponse({
    description: 'CONTACT_IMPORT_TOO_LARGE: more than 5,000 rows or 2 MB of CSV; PAYLOAD_TOO_LARGE when the JSON body passes the server’s body limit',
    type: ErrorResponseDto,
  })
  import(@CurrentUser() actor: AuthUser, @Body() dto: ImportContactsDto): Promise<ImportContactsResultDto> {
    return this.imports.import(actor, dto);
  }

  @Get(':id')
  @RequirePermission(Permission.ContactsRead)
  @ApiOperation({ summary: 'One patient' })
  @ApiOkResponse({ type: ContactResponseDto })
  @ApiNotFoundResponse({ description: 'CONTACT_NOT_FOUND', type: ErrorResponseDto })
  findOne(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<ContactResponseDto> {
    return this.contacts.findOne(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.ContactsWrite)
  @ApiOperation({ summary: 'Change a patient; opting out records when and that staff did it, opting back in clears both' })
  @ApiOkResponse({ type: ContactResponseDto })
  @ApiNotFoundResponse({ description: 'CONTACT_NOT_FOUND', type: ErrorResponseDto })
  @ApiConflictResponse(PHONE_TAKEN)
  update(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: UpdateContactDto): Promise<ContactResponseDto> {
    return this.contacts.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.ContactsDelete)
  @ApiOperation({ summary: 'Delete a patient (soft delete: hidden everywhere, its phone free for a new contact)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'CONTACT_NOT_FOUND', type: ErrorResponseDto })
  remove(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.contacts.remove(actor, id);
  }
}
