import { ApiProperty } from '@nestjs/swagger';
import type { ReminderDelivery } from '@safeguard/persistence';
import { IsIn } from 'class-validator';

const DELIVERIES: ReminderDelivery[] = ['immediate', 'daily-digest'];

export class NotificationPreferencesDto {
  @ApiProperty({
    enum: DELIVERIES,
    description:
      'immediate: each reminder as it falls due. daily-digest: one email each working morning listing everything due or overdue. Urgent items always go at once.',
  })
  @IsIn(DELIVERIES)
  delivery: ReminderDelivery;
}
