/**
 * Human-readable references ("ACT-2026-000042") are the only identifiers that appear in emails:
 * they let a practitioner find the item in the service without revealing anything about the adult.
 */
export type ReferencePrefix = 'ACT' | 'MTG' | 'ENQ' | 'DIS';

export function formatReference(prefix: ReferencePrefix, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}
