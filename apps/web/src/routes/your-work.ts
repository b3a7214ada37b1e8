import express, { type Router } from 'express';
import { type DisagreementSummary, stageName } from './disagreements';
import { page } from './handlers';
import {
  groupOf,
  ITEM_GROUPS,
  ITEM_STATES,
  type ItemGroup,
  type ItemState,
  type ItemSummary,
  kindLabel,
  stateOf,
} from './items';

const ORDER: ItemState[] = ['overdue', 'due-soon', 'waiting-decision', 'later'];

/** One line of Your work, whatever kind of thing is asked: an item, or a disagreement's stage. */
interface WorkRow {
  href: string;
  reference: string;
  title: string;
  kindLabel: string;
  group: ItemGroup;
  dueAt: string;
  state: ItemState;
  acknowledged: boolean;
  urgent: boolean;
}

/**
 * Your work: everything asked of the signed-in person, overdue first, then due soon, then the
 * rest; filtered by kind and state with plain links, so it works without JavaScript.
 */
export function yourWorkRoutes(apiUrl: string): Router {
  const router = express.Router();
  router.get('/actions', (_req, res) => res.redirect(301, '/'));
  router.get(
    '/',
    page(apiUrl, async (req, res, api) => {
      // Nothing is asked of the board in casework: their work is the reports.
      const sections = req.user?.sections ?? [];
      if (!sections.includes('casework') && sections.includes('board-reports')) {
        res.redirect('/reports');
        return;
      }
      const [items, disagreements, overseen] = await Promise.all([
        api.get<ItemSummary[]>('/me/actions'),
        api.get<DisagreementSummary[]>('/me/disagreements'),
        api.get<Array<ItemSummary & { ownerName: string }>>('/me/overseen-overdue-actions'),
      ]);
      const now = Date.now();
      const rows = [
        ...items.map((item) => itemRow(item, now)),
        ...disagreements.flatMap((each) => disagreementRow(each, now) ?? []),
      ].sort(
        (a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state) || a.dueAt.localeCompare(b.dueAt),
      );
      const kind = pick(req.query.kind, Object.keys(ITEM_GROUPS) as ItemGroup[]);
      const state = pick(req.query.state, ORDER);
      const shown = rows.filter(
        (row) => (!kind || row.group === kind) && (!state || row.state === state),
      );
      res.render('pages/your-work', {
        rows: shown.map((row) => ({
          ...row,
          stateLabel: ITEM_STATES[row.state].label,
          stateTag: ITEM_STATES[row.state].tagClass,
        })),
        counts: Object.fromEntries(
          ORDER.map((each) => [each, rows.filter((row) => row.state === each).length]),
        ),
        total: rows.length,
        overseen: overseen.map((item) => ({ ...item, kindLabel: kindLabel(item.kind) })),
        filters: { kind, state },
        groups: ITEM_GROUPS,
        states: Object.fromEntries(ORDER.map((each) => [each, ITEM_STATES[each].label])),
      });
    }),
  );
  return router;
}

function itemRow(item: ItemSummary, now: number): WorkRow {
  return {
    href: `/actions/${item.id}`,
    reference: item.reference,
    title: item.title,
    kindLabel: kindLabel(item.kind),
    group: groupOf(item.kind),
    dueAt: item.dueAt,
    state: stateOf(item, now),
    acknowledged: item.acknowledged,
    urgent: item.urgent,
  };
}

/** An open disagreement's current stage, due when its timescale runs out; none once it closes. */
function disagreementRow(disagreement: DisagreementSummary, now: number): WorkRow | undefined {
  const dueAt = disagreement.stageDueAt;
  if (disagreement.status !== 'open' || !dueAt) return undefined;
  return {
    href: `/disagreements/${disagreement.id}`,
    reference: disagreement.reference,
    title: 'Professional disagreement',
    kindLabel: stageName(disagreement),
    group: 'disagreement',
    dueAt,
    state: stateOf({ overdue: disagreement.overdue, proposedDueAt: null, dueAt }, now),
    acknowledged: false,
    urgent: disagreement.immediateRisk,
  };
}

function pick<T extends string>(value: unknown, allowed: T[]): T | undefined {
  return typeof value === 'string' && (allowed as string[]).includes(value)
    ? (value as T)
    : undefined;
}
