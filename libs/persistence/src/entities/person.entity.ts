import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@safeguard/domain';

/** A professional who can own work and receive reminders. Personal data: stays in Postgres. */
@Entity({ name: 'people' })
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'display_name' })
  displayName: string;

  /** Unique whatever its letter case (a unique index on lower(email)). */
  @Column({ unique: true })
  email: string;

  /**
   * The identity provider's stable subject, bound at first sign-in (OIDC `iss` and `sub`; for
   * Entra ID the tenant's issuer and the object id). From then on sign-in matches on these.
   */
  @Column({ name: 'identity_issuer', type: 'text', nullable: true })
  identityIssuer: string | null;

  @Column({ name: 'identity_subject', type: 'text', nullable: true })
  identitySubject: string | null;

  @Column({ name: 'identity_bound_at', type: 'timestamptz', nullable: true })
  identityBoundAt: Date | null;

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
