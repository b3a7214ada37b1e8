/** What the meeting follow-up asks of the outside world; implemented by the worker. */
export interface MeetingActivities {
  recordMeetingClosed(command: RecordMeetingClosed): Promise<void>;
}

export interface RecordMeetingClosed {
  meetingId: string;
  closedAt: string;
}
