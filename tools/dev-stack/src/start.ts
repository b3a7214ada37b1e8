import { join } from 'node:path';
import { seedDemoData } from './demo-data';
import { repoRoot } from './paths';
import { startStack } from './stack';

function port(name: string, fallback: number): number {
  return Number(process.env[name] ?? fallback);
}

/** `npm start`: the whole stack with demo data, until Ctrl-C. */
async function main(): Promise<void> {
  console.log(
    'Starting Postgres, Temporal, the mail catcher, the identity provider, the worker and the API…',
  );
  const stack = await startStack({
    ports: {
      postgres: port('DEV_POSTGRES_PORT', 55432),
      temporal: port('DEV_TEMPORAL_PORT', 7233),
      temporalUi: port('DEV_TEMPORAL_UI_PORT', 8233),
      smtp: port('DEV_SMTP_PORT', 1025),
      mailWeb: port('DEV_MAIL_WEB_PORT', 1080),
      api: port('PORT', 3000),
      identity: port('DEV_IDENTITY_PORT', 9090),
      web: port('DEV_WEB_PORT', 3001),
    },
    dataDir: join(repoRoot, '.data'),
    persistent: true,
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping everything…');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const demo = await seedDemoData(stack);
  const lines = [
    '',
    'The safeguarding stack is up.',
    `  Web service        ${stack.webUrl}   <- start here`,
    `  API                ${stack.apiUrl}`,
    `  API docs (OpenAPI) ${stack.apiUrl}/docs`,
    `  Readiness          ${stack.apiUrl}/ready`,
    `  Sign-in (OIDC)     ${stack.identityUrl}/.well-known/openid-configuration`,
    stack.temporalUiUrl
      ? `  Temporal UI        ${stack.temporalUiUrl}`
      : `  Temporal           ${stack.temporalAddress}`,
    stack.mailWebUrl
      ? `  Caught emails      ${stack.mailWebUrl}`
      : `  SMTP               ${stack.smtpUrl}`,
    `  Postgres           ${stack.databaseUrl}`,
    '',
    'Demo data: the Northshire Safeguarding Adults Board with six agencies and their people.',
    `Open ${stack.webUrl} and, at the development sign-in, choose who you are:`,
    ...demo.signInAs.map(
      ({ who, email, waiting }) => `  ${who}: ${email}\n      waiting: ${waiting}`,
    ),
    '',
    'Every call needs a token. Act as anyone in the directory with the development issuer, e.g.',
    `  the safeguarding lead:  ${demo.tokenCommands.lead}`,
    `  an NHS practitioner:    ${demo.tokenCommands.practitioner}`,
    `  the partnership admin:  ${demo.tokenCommands.admin}`,
    '  then: curl -H "Authorization: Bearer $TOKEN" ' +
      `${stack.apiUrl}/agencies?partnershipId=${demo.partnershipId}`,
    `  (or "Authorize" on ${stack.apiUrl}/docs)`,
    `Demo action ${demo.actionReference} falls due at ${demo.actionDueAt}: its owner is told now that it is due soon, and again then.`,
    `  curl -H "Authorization: Bearer $TOKEN" ${stack.apiUrl}/actions/${demo.actionId}`,
    `  Temporal workflow id: action-${demo.actionId}`,
    `Demo meeting ${demo.meetingReference}, with its action log, minutes, actions and review:`,
    `  curl -H "Authorization: Bearer $TOKEN" ${stack.apiUrl}/meetings/${demo.meetingId}`,
    `Demo Section 42 enquiry ${demo.enquiryReference}, delegated to the hospital trust and waiting for it to accept:`,
    `  curl -H "Authorization: Bearer $TOKEN" ${stack.apiUrl}/enquiries/${demo.enquiryId}`,
    `Demo professional disagreement ${demo.disagreementReference}, at stage 1 between the police and the care home:`,
    `  curl -H "Authorization: Bearer $TOKEN" ${stack.apiUrl}/disagreements/${demo.disagreementId}`,
    '',
    'Press Ctrl-C to stop everything.',
  ];
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
