import { HttpStatus, Logger } from '@nestjs/common';
import type { ActionStatus } from '@safeguard/domain';
import { appendChronology } from '@safeguard/persistence';
import { signActionLink, type ActionLinkVerb } from '@safeguard/platform';
import { acknowledgeActionUpdate } from '@safeguard/workflows';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ProblemException } from '../common/problem';
import type { ApiConfig } from '../config/api-config';
import type { ActionCommandsService } from '../meetings/action-commands.service';
import { ActionLinksService } from './action-links.service';

jest.mock('@safeguard/persistence', () => ({
  appendChronology: jest.fn(async () => undefined),
  partnershipChain: (id: string | null) => id ?? 'directory',
}));

const heading = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1];
const paragraphs = (html: string) => [...html.matchAll(/<p>([^<]*)<\/p>/g)].map((m) => m[1]);

const secret = randomBytes(32);
const actionId = randomUUID();
const recipientId = randomUUID();
const workflowId = `action-${actionId}`;

function tokenFor(verb: ActionLinkVerb): string {
  const expiresAt = new Date(Date.now() + 60_000);
  return signActionLink({ linkId: randomUUID(), actionId, recipientId, verb, expiresAt }, secret);
}

/**
 * The link's action as the read model has it, behind the few queries the service makes; with an
 * enquiry reference, it is a deadline of that Section 42 enquiry.
 */
function setUp(status: ActionStatus = 'open', enquiryReference: string | null = null) {
  const query = jest.fn(async (sql: string) => {
    if (sql.includes('FROM actions a') && sql.includes('LEFT JOIN enquiries e')) {
      return [
        {
          reference: 'ACT-2026-000042',
          partnership_id: randomUUID(),
          workflow_id: workflowId,
          status,
          agency_id: randomUUID(),
          still_theirs: true,
          enquiry_reference: enquiryReference,
        },
      ];
    }
    if (sql.includes('SELECT EXISTS')) return [{ used: false }];
    if (sql.includes('INSERT INTO action_link_uses')) return [{ link_id: 'claimed' }];
    throw new Error(`unexpected query: ${sql}`);
  });
  const manager = { query };
  const dataSource = {
    manager,
    query,
    transaction: (work: (db: typeof manager) => Promise<unknown>) => work(manager),
  };
  const commands = {
    complete: jest.fn(async () => undefined),
    execute: jest.fn(async () => undefined),
  };
  const service = new ActionLinksService(
    dataSource as unknown as DataSource,
    { actionLinkSecret: secret } as Partial<ApiConfig> as ApiConfig,
    commands as unknown as ActionCommandsService,
  );
  return { service, commands };
}

/** The outcome the use appended to the action's chronology. */
const recorded = () => jest.mocked(appendChronology).mock.calls.at(-1)?.[1].detail;

describe('ActionLinksService', () => {
  beforeEach(() => jest.mocked(appendChronology).mockClear());

  it('asks before acknowledging, then acknowledges as the recipient through the workflow', async () => {
    const { service, commands } = setUp();
    const token = tokenFor('acknowledge');

    const preview = await service.preview(token);
    expect(preview.status).toBe(HttpStatus.OK);
    expect(heading(preview.html)).toBe('Acknowledge ACT-2026-000042?');
    expect(commands.execute).not.toHaveBeenCalled();

    const used = await service.use(token, 'request-1');
    expect(used.status).toBe(HttpStatus.OK);
    expect(heading(used.html)).toBe('ACT-2026-000042 is acknowledged');
    expect(commands.execute).toHaveBeenCalledWith(
      expect.objectContaining({ workflowId, status: 'open' }),
      acknowledgeActionUpdate,
      { actorId: recipientId },
    );
    expect(recorded()).toEqual({
      linkId: expect.any(String),
      verb: 'acknowledge',
      outcome: 'done',
    });
  });

  it('says in plain words why the workflow refused, and spends the link', async () => {
    const { service, commands } = setUp();
    commands.execute.mockRejectedValueOnce(
      ProblemException.stageConflict('the action has already been acknowledged'),
    );
    const refused = await service.use(tokenFor('acknowledge'), 'request-2');
    expect(refused.status).toBe(HttpStatus.CONFLICT);
    expect(heading(refused.html)).toBe('This cannot be done now');
    expect(paragraphs(refused.html)).toEqual([
      'The action has already been acknowledged.',
      'Nothing has been changed.',
      'To see or update the action, sign in to the safeguarding service.',
    ]);
    expect(recorded()).toMatchObject({ verb: 'acknowledge', outcome: 'stage-conflict' });
  });

  it.each([
    ['completed', 'This action is already complete'],
    ['cancelled', 'This action has been cancelled'],
  ] as const)('says a %s action is closed, whatever the verb', async (status, title) => {
    for (const verb of ['complete', 'acknowledge'] as const) {
      const { service, commands } = setUp(status);
      const preview = await service.preview(tokenFor(verb));
      expect({ status: preview.status, heading: heading(preview.html) }).toEqual({
        status: HttpStatus.CONFLICT,
        heading: title,
      });
      const used = await service.use(tokenFor(verb), 'request-3');
      expect({ status: used.status, heading: heading(used.html) }).toEqual({
        status: HttpStatus.CONFLICT,
        heading: title,
      });
      expect(recorded()).toMatchObject({ verb, outcome: 'stage-conflict' });
      expect(commands.execute).not.toHaveBeenCalled();
      expect(commands.complete).not.toHaveBeenCalled();
    }
  });

  it('completes an ordinary action as the recipient through the workflow', async () => {
    const { service, commands } = setUp();
    const used = await service.use(tokenFor('complete'), 'request-5');
    expect(used.status).toBe(HttpStatus.OK);
    expect(heading(used.html)).toBe('ACT-2026-000042 is marked complete');
    expect(commands.complete).toHaveBeenCalledWith(
      expect.objectContaining({ workflowId, status: 'open' }),
      recipientId,
    );
    expect(recorded()).toMatchObject({ verb: 'complete', outcome: 'done' });
  });

  it("refuses to complete an enquiry's deadline, like the signed-in route, and spends the link", async () => {
    const { service, commands } = setUp('open', 'ENQ-2026-000007');
    const token = tokenFor('complete');
    const why = [
      'ACT-2026-000042 is a deadline of enquiry ENQ-2026-000007: it closes when the enquiry records that step.',
      'Nothing has been changed.',
      'To see or update the action, sign in to the safeguarding service.',
    ];

    const preview = await service.preview(token);
    expect(preview.status).toBe(HttpStatus.CONFLICT);
    expect(heading(preview.html)).toBe('This cannot be done now');
    expect(paragraphs(preview.html)).toEqual(why);
    expect(preview.html).not.toContain('<form');

    const used = await service.use(token, 'request-6');
    expect(used.status).toBe(HttpStatus.CONFLICT);
    expect(paragraphs(used.html)).toEqual(why);
    expect(recorded()).toMatchObject({ verb: 'complete', outcome: 'stage-conflict' });
    expect(commands.complete).not.toHaveBeenCalled();
    expect(commands.execute).not.toHaveBeenCalled();
  });

  it("still lets the owner acknowledge an enquiry's deadline by link", async () => {
    const { service, commands } = setUp('open', 'ENQ-2026-000007');
    const token = tokenFor('acknowledge');
    expect(heading((await service.preview(token)).html)).toBe('Acknowledge ACT-2026-000042?');
    const used = await service.use(token, 'request-7');
    expect(used.status).toBe(HttpStatus.OK);
    expect(commands.execute).toHaveBeenCalledWith(
      expect.objectContaining({ workflowId }),
      acknowledgeActionUpdate,
      { actorId: recipientId },
    );
  });

  it('lets the link be tried again when the workflow service fails', async () => {
    const { service, commands } = setUp();
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    commands.execute.mockRejectedValueOnce(new Error('connection refused'));
    const failed = await service.use(tokenFor('acknowledge'), 'request-4');
    expect(failed.status).toBe(HttpStatus.SERVICE_UNAVAILABLE);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
