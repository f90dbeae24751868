import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ApiPageResponse, Page } from 'src/common/pagination';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { ListNotificationsQueryDto } from './dto/list-notifications-query.dto';
import { NotificationResponseDto, ReadAllResponseDto, UnreadCountResponseDto } from './dto/notification-response.dto';
import { NotificationSettingsResponseDto, UpdateNotificationSettingsDto } from './dto/notification-settings.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequirePermission(Permission.NotificationsRead)
  @ApiOperation({ summary: 'The caller’s own notifications, newest first' })
  @ApiPageResponse(NotificationResponseDto)
  list(@CurrentUser() actor: AuthUser, @Query() query: ListNotificationsQueryDto): Promise<Page<NotificationResponseDto>> {
    return this.notifications.list(actor, query);
  }

  @Get('unread-count')
  @RequirePermission(Permission.NotificationsRead)
  @ApiOperation({ summary: 'How many of the caller’s notifications are unread' })
  @ApiOkResponse({ type: UnreadCountResponseDto })
  unreadCount(@CurrentUser() actor: AuthUser): Promise<UnreadCountResponseDto> {
    return this.notifications.unreadCount(actor);
  }

  @Post('read-all')
  @HttpCode(200)
  @RequirePermission(Permission.NotificationsRead)
  @ApiOperation({ summary: 'Mark every unread notification of the caller as read' })
  @ApiOkResponse({ type: ReadAllResponseDto })
  readAll(@CurrentUser() actor: AuthUser): Promise<ReadAllResponseDto> {
    return this.notifications.markAllRead(actor);
  }

  @Get('settings')
  @RequirePermission(Permission.OrganizationRead)
  @ApiOperation({ summary: 'The organization’s notification rules (first-response target)' })
  @ApiOkResponse({ type: NotificationSettingsResponseDto })
  settings(@CurrentUser() actor: AuthUser): Promise<NotificationSettingsResponseDto> {
    return this.notifications.getSettings(actor);
  }

  @Patch('settings')
  @RequirePermission(Permission.OrganizationUpdate)
  @ApiOperation({ summary: 'Change the organization’s first-response target (admins)' })
  @ApiOkResponse({ type: NotificationSettingsResponseDto })
  updateSettings(@CurrentUser() actor: AuthUser, @Body() dto: UpdateNotificationSettingsDto): Promise<NotificationSettingsResponseDto> {
    return this.notifications.updateSettings(actor, dto);
  }

  @Patch(':id/read')
  @RequirePermission(Permission.NotificationsRead)
  @ApiOperation({ summary: 'Mark one of the caller’s notifications as read (idempotent)' })
  @ApiOkResponse({ type: NotificationResponseDto })
  @ApiNotFoundResponse({ description: 'NOTIFICATION_NOT_FOUND: missing or another user’s', type: ErrorResponseDto })
  markRead(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<NotificationResponseDto> {
    return this.notifications.markRead(actor, id);
  }
}
