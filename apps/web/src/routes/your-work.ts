import express, { type Router } from 'express';
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
      const [items, overseen] = await Promise.all([
        api.get<ItemSummary[]>('/me/actions'),
        api.get<Array<ItemSummary & { ownerId: string }>>('/me/overseen-overdue-actions'),
      ]);
      const owners = new Map(
        await Promise.all(
          [...new Set(overseen.map((item) => item.ownerId))].map(
            async (id) =>
              [id, (await api.get<{ displayName: string }>(`/people/${id}`)).displayName] as const,
          ),
        ),
      );
      const now = Date.now();
      const rows = items
        .map((item) => ({ ...item, state: stateOf(item, now), group: groupOf(item.kind) }))
        .sort(
          (a, b) =>
            ORDER.indexOf(a.state) - ORDER.indexOf(b.state) || a.dueAt.localeCompare(b.dueAt),
        );
      const kind = pick(req.query.kind, Object.keys(ITEM_GROUPS) as ItemGroup[]);
      const state = pick(req.query.state, ORDER);
      const shown = rows.filter(
        (row) => (!kind || row.group === kind) && (!state || row.state === state),
      );
      res.render('pages/your-work', {
        rows: shown.map((row) => ({
          ...row,
          kindLabel: kindLabel(row.kind),
          stateLabel: ITEM_STATES[row.state].label,
          stateTag: ITEM_STATES[row.state].tagClass,
        })),
        counts: Object.fromEntries(
          ORDER.map((each) => [each, rows.filter((row) => row.state === each).length]),
        ),
        total: rows.length,
        overseen: overseen.map((item) => ({
          ...item,
          kindLabel: kindLabel(item.kind),
          ownerName: owners.get(item.ownerId) ?? '',
        })),
        filters: { kind, state },
        groups: ITEM_GROUPS,
        states: Object.fromEntries(ORDER.map((each) => [each, ITEM_STATES[each].label])),
      });
    }),
  );
  return router;
}

function pick<T extends string>(value: unknown, allowed: T[]): T | undefined {
  return typeof value === 'string' && (allowed as string[]).includes(value)
    ? (value as T)
    : undefined;
}
