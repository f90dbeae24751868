import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export const MAX_FIRST_RESPONSE_TARGET_MINUTES = 1440;

export class UpdateNotificationSettingsDto {
  @ApiProperty({ example: 15, minimum: 1, maximum: MAX_FIRST_RESPONSE_TARGET_MINUTES, description: 'Minutes an item may wait in the queue before staff are notified' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_FIRST_RESPONSE_TARGET_MINUTES)
  first_response_target_minutes!: number;
}

export class NotificationSettingsResponseDto {
  @ApiProperty({ example: 15 }) first_response_target_minutes!: number;
}
