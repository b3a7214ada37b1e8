/**
 * Who answers for a chased item in the process it belongs to: the chair of its meeting, or the
 * local authority's manager of its enquiry (delegating an enquiry never moves accountability);
 * nobody for an item of no process, or of a disagreement. An item belongs to one process at most.
 *
 * SQL for that person's id (or null), given the alias of the item's row of `actions` in the query:
 * the one statement of the rule, used by the API (who may see an item and decide on it) and the
 * worker (to whom a message for the decision-maker goes).
 */
export function accountableIdOf(item: string): string {
  if (!/^[a-z_]+$/i.test(item)) throw new Error(`not a table alias: ${item}`);
  return `COALESCE(
    (SELECT chair_id FROM meetings WHERE id = ${item}.meeting_id),
    (SELECT enquiry_manager_id FROM enquiries WHERE id = ${item}.enquiry_id))`;
}
