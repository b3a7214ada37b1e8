import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person's calendar feed: the hash of the token in its URL, never the token itself. */
@Entity({ name: 'calendar_feeds' })
export class CalendarFeedEntity {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** Hex SHA-256 of the URL token. */
  @Column({ name: 'token_hash', type: 'text', unique: true })
  tokenHash: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
