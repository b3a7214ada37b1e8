import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ACTION_NOTE_KINDS = [
  'completion',
  'extension-request',
  'extension-decision',
  'cancellation',
] as const;
export type ActionNoteKind = (typeof ACTION_NOTE_KINDS)[number];

/**
 * What someone wrote when they gave a command. Stored before the command reaches the workflow,
 * which carries only the note's id; a command the workflow refuses takes its note with it.
 */
@Entity({ name: 'action_notes' })
export class ActionNoteEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId: string;

  @Column({ type: 'text' })
  kind: ActionNoteKind;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
