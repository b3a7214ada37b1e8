import { formatReference, ukLocalDate, type ReferencePrefix } from '@safeguard/domain';
import type { EntityManager } from 'typeorm';

const SEQUENCE_OF: Readonly<Record<ReferencePrefix, string>> = {
  ACT: 'action_reference_seq',
  MTG: 'meeting_reference_seq',
  ENQ: 'enquiry_reference_seq',
  DIS: 'disagreement_reference_seq',
};

/** The next reference of its kind ("DIS-2026-000042"), in the UK year it is taken. */
export async function nextReference(
  db: EntityManager,
  prefix: ReferencePrefix,
  now: Date,
): Promise<string> {
  const [{ sequence }] = await db.query(`SELECT nextval('${SEQUENCE_OF[prefix]}') AS sequence`);
  return formatReference(prefix, ukLocalDate(now).year, Number(sequence));
}
