import { repoRoot } from '@safeguard/dev-stack';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  chooseIdentity,
  expectAccessible,
  launchBrowser,
  newContext,
  webUrl,
} from './support/browser';
import { meetingRecordLedBy } from './support/meetings';
import {
  createAgency,
  createPartnership,
  createPerson,
  get,
  post,
  postAction,
  tokenFor,
  unique,
  waitForEmail,
} from './support/http';
import { eventually } from './support/waits';

/**
 * A practitioner's reminder, followed in a real browser: the email's link, sign-in at the
 * identity provider, the item, acknowledging it and completing it with a note. Every page the
 * journey meets is checked with axe.
 */
describe('a practitioner answers a reminder in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    if (browser) await browser.close();
  });

  it('fails the run when the browser is missing', async () => {
    const configured = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      await expect(launchBrowser()).rejects.toThrow();
    } finally {
      if (configured === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = configured;
    }
  });

  async function visible(page: Page, heading: string | RegExp): Promise<void> {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await expectAccessible(page);
  }

  it('follows the link in the email, signs in, acknowledges, then completes with a note', async () => {
    const owner = await createPerson('Ward Sister');
    const title = unique('Share the discharge summary');
    const created = await postAction(owner, { title, urgent: true });
    expect(created.status).toBe(201);
    const action = created.body;

    const email = await waitForEmail((e) => e.to.includes(owner.email));
    const link = /https?:\/\/\S+\/actions\/[0-9a-f-]{36}/.exec(email.text)?.[0];
    expect(link).toBe(`${webUrl()}/actions/${action.id}`);

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(link!);
    await chooseIdentity(page, owner.email);
    // Back on the page the link named, now signed in.
    await page.waitForURL(`${webUrl()}/actions/${action.id}`);
    await visible(page, title);
    await expect(page.title()).resolves.toBe(
      `${action.reference} ${title} – Safeguarding adults partnership service`,
    );

    // Who is told, and when, until it is done: the ladder of the item's policy (an immediate
    // risk: the urgent ladder, in hours).
    const ladder = page.locator('#chase-plan');
    await ladder.getByText('Their agency’s designated safeguarding lead').waitFor();
    expect(await ladder.getByRole('row').count()).toBe(action.chasePlan.length + 1);

    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByText('You have acknowledged it').waitFor();
    await expectAccessible(page);
    expect((await get(`/actions/${action.id}`)).body.acknowledged).toBe(true);

    await page.getByRole('button', { name: 'Mark as complete' }).click();
    await visible(page, 'Mark as complete');
    await page
      .getByLabel('What was done (optional)')
      .fill('Summary sent to the GP by secure email.');
    await page.getByRole('button', { name: 'Mark as complete' }).click();
    await visible(page, 'Your work');
    await page.getByText('Marked as complete.').waitFor();
    expect(await page.getByRole('link', { name: action.reference }).count()).toBe(0);

    const done = (await get(`/actions/${action.id}`)).body;
    expect(done.status).toBe('completed');
    expect(done.chasePlan).toEqual([]);
    expect(done.notes).toEqual([
      expect.objectContaining({
        kind: 'completion',
        text: 'Summary sent to the GP by secure email.',
      }),
    ]);

    // Signing out ends the session here and at the identity provider.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign out' }).click();
    await visible(page, 'You have signed out');
    await page.goto(`/actions/${action.id}`);
    await page.waitForURL(/\/interaction\//);
    await context.close();
  });

  it('shows a line manager the overdue items of the people they manage, by name', async () => {
    const manager = await createPerson('Ward Manager');
    const nurse = await createPerson('Staff Nurse', {
      agencyId: manager.agencyId,
      lineManagerId: manager.id,
    });
    const title = unique('Update the falls risk assessment');
    const overdue = await postAction(nurse, {
      title,
      dueAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    });
    expect(overdue.status).toBe(201);
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/');
    await chooseIdentity(page, manager.email);
    await visible(page, 'Your work');
    const team = page.getByRole('table', { name: 'Overdue for people you oversee' });
    const row = team.getByRole('row').filter({ hasText: overdue.body.reference });
    await row.getByText('Staff Nurse').waitFor();
    await row.getByText(title).waitFor();
    await context.close();
  });

  it('lets the minute-taker record who received the minutes, refusing a list that leaves an agency out', async () => {
    const partnershipId = (await createPartnership()).id;
    const council = await createAgency('local-authority', [partnershipId]);
    const trust = await createAgency('nhs-trust', [partnershipId]);
    const chair = await createPerson('Meeting Chair', { agencyId: council.id });
    const minuteTaker = await createPerson('Minute Taker', { agencyId: council.id });
    const nurse = await createPerson('Ward Nurse', { agencyId: trust.id });
    const meeting = await post('/meetings', {
      partnershipId,
      type: 'professionals-meeting',
      heldAt: new Date().toISOString(),
      chairId: chair.id,
      minuteTakerId: minuteTaker.id,
      attendees: [chair, minuteTaker, nurse].map((person) => ({
        personId: person.id,
        agencyId: person.agencyId,
      })),
      decisions: [],
      ...meetingRecordLedBy(chair.id),
      actions: [],
    });
    expect(meeting.status).toBe(201);
    const minutes = meeting.body.items.find((each: { kind: string }) => each.kind === 'minutes');

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`/actions/${minutes.id}`);
    await chooseIdentity(page, minuteTaker.email);
    await visible(page, minutes.title);
    expect(await page.getByRole('button', { name: 'Mark as complete' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Record who received them' }).click();
    await visible(page, 'Who did you send the full minutes to?');
    await page.getByLabel('Meeting Chair').check();
    await page.getByRole('button', { name: 'Record and close' }).click();
    // The trust attended and nobody there is on the list: refused, with the choice kept.
    await page
      .locator('.govuk-error-summary')
      .getByText(/nobody listed works for/)
      .waitFor();
    await expectAccessible(page);
    expect(await page.getByLabel('Meeting Chair').isChecked()).toBe(true);
    await page.getByLabel('Ward Nurse').check();
    await page.getByRole('button', { name: 'Record and close' }).click();
    await page.getByText('Recorded who received them. The item is closed.').waitFor();
    await expectAccessible(page);
    const shown = (await get(`/meetings/${meeting.body.id}`)).body;
    expect(shown.circulation.map((entry: { personId: string }) => entry.personId).sort()).toEqual(
      [chair.id, nurse.id].sort(),
    );
    await context.close();
  });

  it('completes an item from the email’s action link without signing in, once', async () => {
    const owner = await createPerson('Agency Carer');
    const created = await postAction(owner, { title: unique('Call the family'), urgent: true });
    expect(created.status).toBe(201);
    const action = created.body;
    const email = await waitForEmail((e) => e.to.includes(owner.email));
    const link = /https?:\/\/\S+\/links\/[\w.-]+/.exec(email.text)?.[0];
    expect(link?.startsWith(`${webUrl()}/links/`)).toBe(true);

    const context = await newContext(browser);
    const page = await context.newPage();
    const asked = await page.goto(link!);
    expect(asked?.status()).toBe(200);
    expect(asked?.headers()['cache-control']).toBe('no-store');
    expect(asked?.headers()['referrer-policy']).toBe('no-referrer');
    await visible(page, `Mark ${action.reference} as complete?`);
    expect(await page.content()).not.toContain(action.title);
    await page.getByRole('button', { name: 'Mark as complete' }).click();
    await visible(page, `${action.reference} is marked complete`);
    expect((await get(`/actions/${action.id}`)).body.status).toBe('completed');

    const again = await page.goto(link!);
    expect(again?.status()).toBe(410);
    await visible(page, 'This link has already been used');
    // No session was started: the link is the only credential.
    expect(await context.cookies()).toEqual([]);
    await context.close();
    // The web service logs each request, never the token in the link's path.
    const token = new URL(link!).pathname.split('/').pop()!;
    const log = join(repoRoot, 'tmp', 'e2e-logs', 'web.log');
    const requests = await eventually('the link requests to be logged', async () => {
      const lines = readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => line.includes('"url":"/links/[redacted]"'));
      return lines.length >= 3 ? lines : undefined;
    });
    expect(requests.map((line) => JSON.parse(line).req.method).sort()).toEqual([
      'GET',
      'GET',
      'POST',
    ]);
    expect(readFileSync(log, 'utf8')).not.toContain(token);
  });

  it('keeps what was typed and shows the API’s refusal as a GOV.UK error summary', async () => {
    const owner = await createPerson('Detective Sergeant');
    const created = await postAction(owner, {
      title: unique('Share the crime report'),
      dueAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    });
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`/actions/${created.body.id}/more-time`);
    await chooseIdentity(page, owner.email);
    await visible(page, 'Ask for more time');
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('2027');
    await page.getByRole('button', { name: 'Ask for more time' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await expectAccessible(page);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.getByLabel('Day').inputValue()).toBe('31');
    await context.close();
  });

  it('shows the no-access page, not the item, to someone else', async () => {
    const owner = await createPerson('Care Home Manager');
    const stranger = await createPerson('Someone Else');
    const created = await postAction(owner, { title: unique('Review the care plan') });
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`/actions/${created.body.id}`);
    await chooseIdentity(page, stranger.email);
    await visible(page, 'You do not have access to this page');
    expect(await page.content()).not.toContain(created.body.title);
    await context.close();
  });

  it('lets the meeting’s chair, and only them, decide on more time the owner asked for', async () => {
    const partnershipId = (await createPartnership()).id;
    const council = await createAgency('local-authority', [partnershipId]);
    const chair = await createPerson('Meeting Chair', { agencyId: council.id });
    const owner = await createPerson('Action Owner', { agencyId: council.id });
    const meeting = await post('/meetings', {
      partnershipId,
      type: 'strategy-discussion',
      heldAt: new Date().toISOString(),
      chairId: chair.id,
      minuteTakerId: chair.id,
      attendees: [chair, owner].map((person) => ({ personId: person.id, agencyId: council.id })),
      decisions: [],
      ...meetingRecordLedBy(chair.id),
      actions: [
        {
          title: unique('Visit the adult at home'),
          ownerId: owner.id,
          dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          rationale: 'To hear her views at home',
        },
      ],
    });
    expect(meeting.status).toBe(201);
    const item = meeting.body.items.find((each: { kind: string }) => each.kind === 'action');
    const proposed = new Date(Date.now() + 21 * 86_400_000).toISOString();
    const asked = await post(
      `/actions/${item.id}/extension-request`,
      { proposedDueAt: proposed, reason: 'Waiting for an interpreter' },
      await tokenFor(owner.email),
    );
    expect(asked.status).toBe(200);

    const ownerContext = await newContext(browser);
    const ownerPage = await ownerContext.newPage();
    await ownerPage.goto(`/actions/${item.id}`);
    await chooseIdentity(ownerPage, owner.email);
    await visible(ownerPage, item.title);
    expect(await ownerPage.getByRole('button', { name: 'Decide on more time' }).count()).toBe(0);
    expect(await ownerPage.getByRole('link', { name: 'Cancel it' }).count()).toBe(0);
    await ownerContext.close();

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`/actions/${item.id}`);
    await chooseIdentity(page, chair.email);
    await visible(page, item.title);
    await page.getByRole('button', { name: 'Decide on more time' }).click();
    await visible(page, 'Decide on more time');
    await page.getByLabel('Agree more time').check();
    await page.getByRole('button', { name: 'Send the decision' }).click();
    await page.getByText('More time agreed.').waitFor();
    await expectAccessible(page);
    const decided = (await get(`/actions/${item.id}`)).body;
    expect(decided).toMatchObject({ dueAt: proposed, proposedDueAt: null });
    await context.close();
  });
});
