import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './paths';

export interface BootstrapAdmin {
  partnership: string;
  nation: string;
  agency: string;
  agencyType: string;
  name: string;
  email: string;
  roles: string[];
}

/** Creates (or finds) a partnership's first administrator, as an operator would. */
export async function bootstrapAdmin(databaseUrl: string, admin: BootstrapAdmin): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      join(repoRoot, 'apps', 'api', 'dist', 'bootstrap-admin.js'),
      ...['--partnership', admin.partnership, '--nation', admin.nation],
      ...['--agency', admin.agency, '--agency-type', admin.agencyType],
      ...['--name', admin.name, '--email', admin.email, '--roles', admin.roles.join(',')],
    ],
    { env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  return (JSON.parse(stdout) as { personId: string }).personId;
}

/** A bearer token for someone in the directory, from the stack's development issuer. */
export async function devToken(apiUrl: string, email: string): Promise<string> {
  const response = await fetch(`${apiUrl}/dev/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!response.ok)
    throw new Error(`no dev token for ${email}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
