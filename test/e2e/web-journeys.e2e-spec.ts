import type { Browser, Locator, Page } from 'playwright-core';
import { chooseIdentity, expectAccessible, launchBrowser, newContext } from './support/browser';
import { meetingRecordLedBy } from './support/meetings';
import {
  createAgency,
  createPartnership,
  createPerson,
  get,
  post,
  postSucceeding,
  tokenFor,
  type TestPerson,
} from './support/http';

/**
 * The other journeys of "The web service, part 1" in a real browser: a professional disagreement
 * taken from stage 1 to stage 2, and an enquiry delegated to a trust, accepted by its designated
 * lead with JavaScript off and reported on by the enquirer with the keyboard alone. Every page
 * met is checked with axe.
 */
describe('journeys in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    if (browser) await browser.close();
  });

  /** Signs someone in on a fresh profile and opens a page of the service. */
  async function signedIn(
    person: TestPerson,
    path: string,
    options: { javaScriptEnabled?: boolean } = {},
  ): Promise<Page> {
    const context = await newContext(browser, options);
    const page = await context.newPage();
    await page.goto(path);
    await chooseIdentity(page, person.email);
    await page.waitForURL((url) => url.pathname === path.split('?')[0]);
    await expectAccessible(page);
    return page;
  }

  async function heading(page: Page, name: string | RegExp): Promise<void> {
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await expectAccessible(page);
  }

  it('a disagreement: raised, acknowledged and answered by the other side, escalated to the line managers', async () => {
    const partnershipId = (await createPartnership()).id;
    const [police, home] = await Promise.all([
      createAgency('police', [partnershipId]),
      createAgency('care-provider', [partnershipId]),
    ]);
    const sergeant = await createPerson('Sergeant Manager', {
      agencyId: police.id,
      roles: ['line-manager'],
    });
    const detective = await createPerson('Dee Tective', {
      agencyId: police.id,
      lineManagerId: sergeant.id,
    });
    const homeManager = await createPerson('Home Manager', {
      agencyId: home.id,
      roles: ['line-manager'],
    });
    const carer = await createPerson('Cara Worker', {
      agencyId: home.id,
      lineManagerId: homeManager.id,
    });

    // The detective raises it.
    const raiser = await signedIn(detective, '/disagreements');
    await raiser.getByRole('button', { name: 'Raise a disagreement' }).click();
    await heading(raiser, 'Raise a disagreement');
    await raiser
      .getByLabel('Who do you disagree with?')
      .selectOption({ label: `Cara Worker (${home.name})` });
    await raiser.getByLabel('What is it about, in a few words?').fill('Access to the care records');
    await raiser.getByLabel('Information sharing').check();
    await raiser
      .getByLabel('What is disagreed, and why')
      .fill('The home will not share the medication records without a written request.');
    await raiser.getByRole('button', { name: 'Raise the disagreement' }).click();
    await heading(raiser, 'Access to the care records');
    const id = raiser.url().split('/').pop()!;
    await raiser.getByText('Stage 1').first().waitFor();

    // The other side acknowledges it and answers in writing.
    const other = await signedIn(carer, `/disagreements/${id}`);
    await other.getByRole('button', { name: 'Acknowledge' }).click();
    await other.getByText('You have acknowledged it.').waitFor();
    await other.getByLabel('Add to it in writing').fill('We need the request in writing first.');
    await other.getByRole('button', { name: 'Add your contribution' }).click();
    await other.getByText('Your contribution has been added.').waitFor();
    await expectAccessible(other);
    await other.getByText('We need the request in writing first.').waitFor();

    // Not settled: the detective escalates it to stage 2.
    await raiser.reload();
    await raiser
      .getByLabel('Escalate it: why it cannot be settled at this stage')
      .fill('No agreement after two conversations.');
    await raiser.getByRole('button', { name: 'Escalate to the next stage' }).click();
    await raiser.getByText('Escalated to the next stage.').waitFor();
    await raiser.getByText('Stage 2').first().waitFor();
    await expectAccessible(raiser);

    // Both line managers now find its stage among their work, and can open it.
    for (const manager of [sergeant, homeManager]) {
      const page = await signedIn(manager, '/?kind=disagreement');
      await page.getByText('Stage 2: their line managers').first().waitFor();
      await expectAccessible(page);
      const link = page.getByRole('link', { name: /^DIS-/ });
      await link.first().click();
      await heading(page, 'Access to the care records');
      await page.getByText('Stage 2').first().waitFor();
      await page.context().close();
    }
    expect((await get(`/disagreements/${id}`)).body.stage).toBe(2);

    // Then the adult is found at immediate risk: the detective sends it to the designated leads.
    await raiser.reload();
    await raiser.getByText('The adult is at immediate risk').click();
    await raiser.getByRole('button', { name: 'Send it to the designated leads now' }).click();
    await raiser.locator('.govuk-error-summary').waitFor();
    await expectAccessible(raiser);
    await raiser
      .getByLabel('What puts the adult at immediate risk?')
      .fill('Found without food or heating this morning.');
    await raiser.getByRole('button', { name: 'Send it to the designated leads now' }).click();
    await raiser.getByText('Sent to the designated safeguarding leads').waitFor();
    await expectAccessible(raiser);
    expect((await get(`/disagreements/${id}`)).body).toMatchObject({
      stage: 3,
      immediateRisk: true,
    });
  }, 180_000);

  it('a delegated enquiry: accepted by the trust’s designated lead without JavaScript, reported on with the keyboard alone', async () => {
    const partnershipId = (await createPartnership()).id;
    const [council, trust] = await Promise.all([
      createAgency('local-authority', [partnershipId]),
      createAgency('nhs-trust', [partnershipId]),
    ]);
    const manager = await createPerson('Enquiry Manager', { agencyId: council.id });
    const trustLead = await createPerson('Trust Lead', {
      agencyId: trust.id,
      roles: ['designated-safeguarding-lead'],
    });
    const enquirer = await createPerson('Trust Enquirer', { agencyId: trust.id });
    const enquiryId = await delegatedEnquiry(
      partnershipId,
      council.id,
      trust.id,
      manager,
      trustLead,
    );

    // The designated lead, with JavaScript off, accepts it and names the enquirer.
    const lead = await signedIn(trustLead, '/delegated-enquiries', { javaScriptEnabled: false });
    await heading(lead, 'Enquiries delegated to your agency');
    await lead.getByRole('link', { name: /Accept or decline/ }).click();
    await heading(lead, 'Will your agency make this enquiry?');
    await lead.getByLabel('Yes, we will make the enquiry').check();
    await lead.getByLabel('If yes: who will make it?').selectOption({ label: 'Trust Enquirer' });
    await lead.getByRole('button', { name: 'Send the answer' }).click();
    await heading(lead, 'Enquiries delegated to your agency');
    await lead.getByText('Accepted. The enquirer has been told').waitFor();
    const accepted = (await get(`/enquiries/${enquiryId}`)).body;
    expect(accepted.delegation).toMatchObject({ status: 'accepted', enquirerId: enquirer.id });

    // The enquirer submits the report with the keyboard alone, once signed in (the development
    // sign-in page is the identity provider's, not this service's, and lists the whole directory).
    const page = await signedIn(enquirer, '/delegated-enquiries');
    await heading(page, 'Enquiries delegated to your agency');
    await pressOn(page, page.getByRole('link', { name: /Submit the report/ }));
    await heading(page, 'Submit the enquiry report');
    await tabTo(page, page.getByLabel('The report'));
    await page.keyboard.type('Medication was missed on two wards; the discharge plan is agreed.');
    await pressOn(page, page.getByRole('button', { name: 'Submit the report' }));
    await heading(page, 'Enquiries delegated to your agency');
    await page.getByText('Report submitted.').waitFor();
    const reported = (await get(`/enquiries/${enquiryId}`)).body;
    expect(reported.step).toBe('report-in-review');
    await page.context().close();
  }, 120_000);
});

/** Tabs forward until the element has the focus: how someone using a keyboard gets there. */
async function tabTo(page: Page, target: Locator, presses = 80): Promise<void> {
  const handle = await target.elementHandle();
  for (let press = 0; press < presses; press += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      (element) => element === (globalThis as any).document.activeElement,
      handle,
    );
    if (focused) return;
  }
  throw new Error(`not reachable with the Tab key in ${presses} presses: ${String(target)}`);
}

/** Tabs to a link or button and presses Enter on it. */
async function pressOn(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

/** A concern taken through the API to the point the council causes the trust to make the enquiry. */
async function delegatedEnquiry(
  partnershipId: string,
  councilId: string,
  trustId: string,
  manager: TestPerson,
  trustLead: TestPerson,
): Promise<string> {
  const token = await tokenFor(manager.email);
  const raised = await postSucceeding(
    '/enquiries',
    {
      partnershipId,
      receivedAt: new Date().toISOString(),
      source: 'health-staff',
      referrerAgencyId: trustId,
      adult: { fullName: 'Test Adult (fictional)', dateOfBirth: '1941-03-09' },
      riskTypes: ['neglect-and-acts-of-omission'],
      riskLocation: 'own-home',
      riskSource: 'other-known-to-individual',
      urgency: 'routine',
      triageWorkerId: manager.id,
    },
    token,
    201,
  );
  const id = raised.id as string;
  await postSucceeding(`/enquiries/${id}/acknowledge`, { enquiryManagerId: manager.id }, token);
  await postSucceeding(
    `/enquiries/${id}/decision`,
    { dutyMet: true, reason: 'Duty met', consentSought: true, capacityView: 'has-capacity' },
    token,
  );
  const meeting = await post(
    '/meetings',
    {
      partnershipId,
      type: 'strategy-discussion',
      heldAt: new Date().toISOString(),
      chairId: manager.id,
      minuteTakerId: manager.id,
      attendees: [
        { personId: manager.id, agencyId: councilId },
        { personId: trustLead.id, agencyId: trustId },
      ],
      decisions: [],
      ...meetingRecordLedBy(manager.id),
      actions: [],
    },
    token,
  );
  expect(meeting.status).toBe(201);
  await postSucceeding(
    `/enquiries/${id}/strategy-discussion`,
    { meetingId: meeting.body.id },
    token,
  );
  await postSucceeding(
    `/enquiries/${id}/delegations`,
    {
      agencyId: trustId,
      scope: 'Medication on the wards',
      adultsViews: 'Wants to go home',
      desiredOutcomes: 'To be safe',
      capacityView: 'has-capacity',
      periodFrom: '2026-09-01',
      periodTo: '2026-11-20',
      keyIssues: 'Missed doses',
      sharingConsent: 'consented',
    },
    token,
  );
  return id;
}
