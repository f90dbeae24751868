import { ApiProperty } from '@nestjs/swagger';
import { QueueName } from 'src/queue/queue.constants';

/** Job counts per BullMQ state. */
export class QueueCountsDto {
  @ApiProperty({ example: 12, description: 'Ready to run, in order (0 while the queue is paused: see `paused`)' }) waiting!: number;
  @ApiProperty({ example: 3, description: 'Being processed now' }) active!: number;
  @ApiProperty({ example: 4, description: 'Scheduled for later (backoff, rate limit, job schedulers)' }) delayed!: number;
  @ApiProperty({ example: 2, description: 'Failed for good; kept for inspection (7 days, at most 5,000)' }) failed!: number;
  @ApiProperty({ example: 940, description: 'Finished; kept 24 h, at most 1,000' }) completed!: number;
  @ApiProperty({ example: 0, description: 'Waiting in a paused queue (0 unless `is_paused`)' }) paused!: number;
  @ApiProperty({ example: 0, description: 'Waiting with a priority' }) prioritized!: number;
  @ApiProperty({ example: 0, description: 'Parents waiting for their child jobs' }) waiting_children!: number;
}

export class QueueStatsDto extends QueueCountsDto {
  @ApiProperty({ enum: QueueName, example: QueueName.WhatsappOutbound }) name!: QueueName;
  @ApiProperty({ example: false, description: 'Workers take no new jobs from this queue while it is paused' }) is_paused!: boolean;
}

export class QueueStatsResponseDto {
  @ApiProperty({ type: [QueueStatsDto], description: 'Every queue, in catalogue order' }) queues!: QueueStatsDto[];
  @ApiProperty({ type: QueueCountsDto, description: 'Sums over every queue' }) totals!: QueueCountsDto;
}
