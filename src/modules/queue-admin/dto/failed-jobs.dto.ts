import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { QueueName } from 'src/queue/queue.constants';
import { MAX_JOB_ID_LENGTH, MAX_RETRY_JOB_IDS } from '../queue-admin.constants';

export class RetryFailedJobsDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['send-5b7e1c2d-3a4f-4b6c-8d9e-0f1a2b3c4d5e', '1842'],
    description: `Failed jobs to retry (at most ${MAX_RETRY_JOB_IDS}). Empty or absent: every failed job (of \`queue\`, or of every queue)`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_RETRY_JOB_IDS)
  @IsString({ each: true })
  @Length(1, MAX_JOB_ID_LENGTH, { each: true })
  job_ids?: string[];

  @ApiPropertyOptional({ enum: QueueName, example: QueueName.WhatsappOutbound, description: 'Look only in this queue' })
  @IsOptional()
  @IsEnum(QueueName)
  queue?: QueueName;
}

export class FailedJobsQueryDto {
  @ApiPropertyOptional({ enum: QueueName, example: QueueName.Media, description: 'Only this queue (default: every queue)' })
  @IsOptional()
  @IsEnum(QueueName)
  queue?: QueueName;
}

export class RetryFailedJobsResponseDto {
  @ApiProperty({ example: 2, description: 'Jobs moved from failed back to waiting' }) retried!: number;
  @ApiProperty({
    type: [String],
    example: ['1842'],
    description: 'Requested ids that are not a failed job in the queues searched (unknown, removed, or not failed)',
  })
  not_found!: string[];
}

export class RemoveFailedJobsResponseDto {
  @ApiProperty({ example: 17, description: 'Failed jobs deleted' }) removed!: number;
}
