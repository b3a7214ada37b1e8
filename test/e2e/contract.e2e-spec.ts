import {
  devToken,
  repoRoot,
  schemathesisPath,
  seedDemoData,
  type DemoData,
} from '@safeguard/dev-stack';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiUrl, stackAppEnv } from './support/e2e-env';

/**
 * The OpenAPI document tells the truth. schemathesis sends every operation of docs/openapi.json
 * cases drawn from the document, valid and invalid, and checks every answer against it: its
 * status, body, headers and content type, that valid input is taken and invalid input refused,
 * and that no token means 401. As two people of the demo partnership, one after the other: a
 * council's safeguarding lead, who sees the whole partnership, and an NHS practitioner, who sees
 * their own work. How it runs, and why each check that does not apply somewhere does not:
 * contract.schemathesis.toml.
 */
const CONFIG = join(__dirname, 'contract.schemathesis.toml');
const LOGS = join(repoRoot, 'tmp', 'e2e-logs');

/** A run takes one and a half minutes on a loaded two-core machine. */
const RUN_TIMEOUT_MS = 5 * 60_000;

describe('the API does what docs/openapi.json says', () => {
  let demo: DemoData;
  let config: string;

  beforeAll(async () => {
    demo = await seedDemoData({ apiUrl: apiUrl(), databaseUrl: stackAppEnv().DATABASE_URL });
    config = join(LOGS, 'contract.schemathesis.toml');
    writeFileSync(config, withDemoIds(readFileSync(CONFIG, 'utf8'), demo));
  });

  it.each([
    ['a council safeguarding lead', 'lead'],
    ['an NHS practitioner', 'practitioner'],
  ] as const)(
    'as %s',
    async (_who, role) => {
      const token = await devToken(apiUrl(), demo.emails[role]);
      const { passed, output } = await schemathesis(config, token);
      const report = join(LOGS, `schemathesis-${role}.txt`);
      writeFileSync(report, output);
      if (!passed) throw new Error(`schemathesis, as the ${role} (also in ${report}):\n${output}`);
    },
    RUN_TIMEOUT_MS,
  );
});

/** The configuration with its dictionaries: the ids the run puts in paths. */
function withDemoIds(configuration: string, demo: DemoData): string {
  const ids = {
    partnership: demo.partnershipId,
    enquiry: demo.enquiryId,
    meeting: demo.meetingId,
    action: demo.actionId,
    disagreement: demo.disagreementId,
    person: demo.ownerId,
  };
  const dictionaries = Object.entries(ids).map(
    ([name, id]) => `[dictionaries.${name}]\nvalues = ["${id}"]\n`,
  );
  return [configuration, ...dictionaries].join('\n');
}

function schemathesis(config: string, token: string): Promise<{ passed: boolean; output: string }> {
  return new Promise((resolve) => {
    execFile(
      schemathesisPath(),
      ['--config-file', config, 'run', 'docs/openapi.json', '--url', apiUrl(), '--no-color'],
      {
        cwd: repoRoot,
        // Hypothesis, which draws the cases, keeps its caches in the git-ignored tmp/ too.
        env: {
          ...process.env,
          CONTRACT_TOKEN: token,
          HYPOTHESIS_STORAGE_DIRECTORY: join(repoRoot, 'tmp', 'hypothesis'),
        },
        maxBuffer: 64 * 1024 * 1024,
      },
      // st exits 1 when it finds failures: its report is the answer either way.
      (error, stdout, stderr) => resolve({ passed: !error, output: `${stdout}${stderr}` }),
    );
  });
}
