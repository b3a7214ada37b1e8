import type { Browser, Page } from 'playwright-core';
import { chooseIdentity, expectAccessible, launchBrowser, newContext } from './support/browser';
import { createAgency, createPartnership, createPerson, post, tokenFor } from './support/http';

/**
 * The board in a real browser: it lands on its reports (nothing is asked of it in casework),
 * reads the escalation log for a period it chooses, is told plainly when the period is wrong,
 * downloads the CSV, and reads the statutory return: agencies, stages and counts, and never
 * anyone's name or words. Every page met is checked with axe.
 */
describe('the board reads its reports in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    if (browser) await browser.close();
  });

  async function typeDate(page: Page, legend: string, day: Date): Promise<void> {
    const group = page.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(String(day.getUTCDate()));
    await group.getByLabel('Month').fill(String(day.getUTCMonth() + 1));
    await group.getByLabel('Year').fill(String(day.getUTCFullYear()));
  }

  it('lands on Reports, reads the escalation log and the SAC return with no one’s details, and downloads the CSV', async () => {
    const partnershipId = (await createPartnership()).id;
    const [police, home, board] = await Promise.all([
      createAgency('police', [partnershipId]),
      createAgency('care-provider', [partnershipId]),
      createAgency('other', [partnershipId]),
    ]);
    const detective = await createPerson('Dee Tective', { agencyId: police.id });
    const carer = await createPerson('Cara Worker', { agencyId: home.id });
    const businessManager = await createPerson('Board Manager', {
      agencyId: board.id,
      roles: ['board-business-manager'],
    });
    const words = 'Readmission of Mrs Example refused by the home';
    const raised = await post(
      '/disagreements',
      {
        partnershipId,
        otherPersonId: carer.id,
        themes: ['discharge-or-case-closure'],
        subject: 'Mrs Example discharge',
        disagreement: words,
        immediateRisk: false,
      },
      await tokenFor(detective.email),
    );
    expect(raised.status).toBe(201);

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/');
    await chooseIdentity(page, businessManager.email);
    await page.waitForURL((url) => url.pathname === '/reports');
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await expectAccessible(page);
    expect(await page.getByRole('link', { name: 'Your work' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Escalation log of professional disagreements' }).click();
    await page.getByRole('heading', { level: 1, name: 'Escalation log' }).waitFor();
    await expectAccessible(page);
    const today = new Date();
    const monthAgo = new Date(today.getTime() - 30 * 86_400_000);
    // The wrong way round: refused, with what was typed kept.
    await typeDate(page, 'From', today);
    await typeDate(page, 'To, included', monthAgo);
    await page.getByRole('button', { name: 'Show the report' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByText('The end date must not be before the start date.')
      .waitFor();
    await expectAccessible(page);
    expect(await page.getByRole('group', { name: 'From' }).getByLabel('Year').inputValue()).toBe(
      String(today.getUTCFullYear()),
    );

    await typeDate(page, 'From', monthAgo);
    await typeDate(page, 'To, included', today);
    await page.getByRole('button', { name: 'Show the report' }).click();
    await page.getByRole('table', { name: /The log/ }).waitFor();
    await expectAccessible(page);
    const shown = await page.content();
    expect(shown).toContain(raised.body.reference);
    expect(shown).toContain(
      today.toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/London',
      }),
    );
    expect(shown).toContain(police.name);
    for (const personal of [words, 'Mrs Example', detective.displayName, carer.displayName]) {
      expect(shown).not.toContain(personal);
    }

    const href = await page
      .getByRole('link', { name: 'Download the escalation log (CSV)' })
      .getAttribute('href');
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain(raised.body.reference);
    expect(text).not.toContain('Mrs Example');

    await page.getByRole('link', { name: 'Reports' }).first().click();
    await page
      .getByRole('link', { name: 'Statutory return (Safeguarding Adults Collection)' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Statutory return' }).waitFor();
    await page.getByRole('button', { name: 'Show the return' }).click();
    await page.getByRole('link', { name: 'Download the return (CSV)' }).waitFor();
    await expectAccessible(page);
    expect(await page.content()).not.toContain('Mrs Example');
    await context.close();
  });
});
