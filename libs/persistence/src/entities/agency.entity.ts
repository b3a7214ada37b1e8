import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { AgencyType } from '@safeguard/domain';
import { PartnershipEntity } from './partnership.entity';

/** An organisation that shares safeguarding work, in one or more partnerships. */
@Entity({ name: 'agencies' })
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ unique: true })
  name: string;

  @Column({ type: 'text' })
  type: AgencyType;

  @ManyToMany(() => PartnershipEntity)
  @JoinTable({
    name: 'agency_partnerships',
    joinColumn: { name: 'agency_id' },
    inverseJoinColumn: { name: 'partnership_id' },
  })
  partnerships: PartnershipEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
