/**
 * Demo data a new user can click through, seeded through the public API so it exercises the
 * same path as real use. Safe to run on every start: existing people are found, not duplicated.
 */
const DEMO_PEOPLE = [
  {
    displayName: 'Alex Morgan (enquiry manager, County Council)',
    email: 'alex.morgan@county-council.example',
  },
  {
    displayName: 'Priya Shah (safeguarding nurse, NHS trust)',
    email: 'priya.shah@nhs-trust.example',
  },
  { displayName: 'Dan Hughes (detective sergeant, police)', email: 'dan.hughes@police.example' },
];

export interface DemoData {
  ownerId: string;
  actionId: string;
  actionReference: string;
  actionDueAt: string;
}

export async function seedDemoData(apiUrl: string): Promise<DemoData> {
  const ids: string[] = [];
  for (const person of DEMO_PEOPLE) ids.push(await ensurePerson(apiUrl, person));
  const dueAt = new Date(Date.now() + 60_000).toISOString();
  const action = await post(apiUrl, '/actions', {
    title: 'Share the GP summary with the enquiry manager',
    ownerId: ids[1],
    dueAt,
  });
  return {
    ownerId: ids[1],
    actionId: action.id,
    actionReference: action.reference,
    actionDueAt: dueAt,
  };
}

async function ensurePerson(
  apiUrl: string,
  person: { displayName: string; email: string },
): Promise<string> {
  const response = await fetch(`${apiUrl}/people`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(person),
  });
  if (response.status === 409) {
    const lookup = await fetch(`${apiUrl}/people?email=${encodeURIComponent(person.email)}`);
    const [existing] = (await lookup.json()) as Array<{ id: string }>;
    return existing.id;
  }
  if (!response.ok)
    throw new Error(`seeding ${person.email} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

async function post(
  apiUrl: string,
  path: string,
  body: unknown,
): Promise<{ id: string; reference: string }> {
  const response = await fetch(`${apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`POST ${path} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; reference: string };
}
