/**
 * Would making `managerId` the line manager of `personId` close a loop? Escalation walks up
 * line management, so a loop would chase people in circles and never reach anyone senior.
 */
export function wouldCreateLineManagementCycle(
  personId: string,
  managerId: string,
  lineManagerOf: (id: string) => string | null | undefined,
): boolean {
  const seen = new Set<string>();
  for (
    let current: string | null | undefined = managerId;
    current;
    current = lineManagerOf(current)
  ) {
    if (current === personId) return true;
    if (seen.has(current)) return false;
    seen.add(current);
  }
  return false;
}
