import { ApiProperty } from '@nestjs/swagger';

export class CalendarFeedView {
  @ApiProperty({
    example: 'https://safeguarding.example/calendar/q3v…Zk.ics',
    description:
      'Subscribe to this in a calendar client. Anyone with it can read the feed: keep it private. It is shown only now.',
  })
  url: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
