import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Nation } from '@safeguard/domain';

/** A safeguarding board area; its nation decides the bank holidays its clocks skip. */
@Entity({ name: 'partnerships' })
export class PartnershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ unique: true })
  name: string;

  @Column({ type: 'text' })
  nation: Nation;

  @Column({ name: 'time_zone' })
  timeZone: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
