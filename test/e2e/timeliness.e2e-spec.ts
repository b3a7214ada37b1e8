import { formatLocalDate, ukLocalDate } from '@safeguard/domain';
import {
  createAgency,
  createPartnership,
  createPerson,
  get,
  post,
  postAction,
  tokenFor,
  unique,
} from './support/http';
import { eventually } from './support/waits';

const DAY = 24 * 3600 * 1000;

/**
 * The board's timeliness report over HTTP: what the database holds, read through the domain's
 * rules (libs/domain/src/reporting/timeliness.spec.ts has the arithmetic), as JSON and CSV, for
 * the partnership-wide roles only, and with nothing personal in it.
 */
describe('timeliness report for the board', () => {
  it('counts items on time and late per stage and agency, as JSON and CSV, and nothing personal', async () => {
    const partnership = await createPartnership();
    const trust = await createAgency('nhs-trust', [partnership.id]);
    const owner = await createPerson('Punctual Nurse', { agencyId: trust.id });
    const asOwner = await tokenFor(owner.email);
    const title = unique('Visit Mrs Example');

    // Done before it fell due; done after; still open past due; and one not yet due.
    const onTime = (
      await postAction(owner, { title, dueAt: new Date(Date.now() + 3000).toISOString() })
    ).body;
    expect((await post(`/actions/${onTime.id}/complete`, {}, asOwner)).status).toBe(200);
    const doneLate = (
      await postAction(owner, { title, dueAt: new Date(Date.now() - DAY).toISOString() })
    ).body;
    expect((await post(`/actions/${doneLate.id}/complete`, {}, asOwner)).status).toBe(200);
    await postAction(owner, { title, dueAt: new Date(Date.now() - 3 * DAY).toISOString() });
    await postAction(owner, { title, dueAt: new Date(Date.now() + 5 * DAY).toISOString() });

    const from = formatLocalDate(ukLocalDate(new Date(Date.now() - 40 * DAY)));
    const to = formatLocalDate(ukLocalDate(new Date(Date.now() + 10 * DAY)));
    const path = `/partnerships/${partnership.id}/timeliness?from=${from}&to=${to}`;
    const total = (rows: any[], field: string) => rows.reduce((sum, row) => sum + row[field], 0);
    // The first item is judged once its due instant has passed, a few seconds from now.
    const report = await eventually('the first item to fall due', async () => {
      const answer = await get(path);
      expect(answer.status).toBe(200);
      return total(answer.body.rows, 'items') === 3 ? answer : undefined;
    });
    const rows: any[] = report.body.rows;
    expect(new Set(rows.map((row) => `${row.stage} ${row.agencyName}`))).toEqual(
      new Set([`meeting.action ${trust.name}`]),
    );
    expect({
      items: total(rows, 'items'),
      onTime: total(rows, 'onTime'),
      late: total(rows, 'late'),
    }).toEqual({
      items: 3,
      onTime: 1,
      late: 2,
    });
    const text = JSON.stringify(report.body);
    for (const personal of [owner.displayName, owner.email, title, onTime.reference]) {
      expect(text).not.toContain(personal);
    }

    const csv = await get(`${path}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]).toBe(
      'stage,agency,month,items,on_time,on_time_share,late,median_working_days_late,p90_working_days_late',
    );
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(rows.length + 1);

    // Partnership-wide: a practitioner of an agency in it is refused before anything is read.
    expect((await get(path, asOwner)).status).toBe(403);
    // A period the domain refuses is refused by name.
    const bad = await get(`/partnerships/${partnership.id}/timeliness?from=${to}&to=${from}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
  });
});
