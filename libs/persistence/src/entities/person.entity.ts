import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@safeguard/domain';

/** A professional who can own work and receive reminders. Personal data: stays in Postgres. */
@Entity({ name: 'people' })
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'display_name' })
  displayName: string;

  @Column({ unique: true })
  email: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ name: 'line_manager_id', type: 'uuid', nullable: true })
  lineManagerId: string | null;

  @Column()
  active: boolean;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
