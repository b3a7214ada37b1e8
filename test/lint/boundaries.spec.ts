import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { lintAs, repoRoot, type LintMessage, type Probe } from './lint-as';

/**
 * The "may import" column of docs/architecture.md ("Where code lives") is enforced by lint
 * (`safeguard/may-import`, from the LAYOUT table in eslint.config.mjs). These tests read the
 * column from the document itself, so the two cannot drift apart: for every folder the table
 * lists, a probe file there imports every other lib, tool and app, and lint must refuse exactly
 * those the column does not name.
 */

const BOUNDARY = 'safeguard/may-import';
const RESTRICTED = 'no-restricted-imports';

interface Row {
  folder: string;
  /** The folders named in the column; undefined when the cell is empty (no code to govern). */
  mayImport: string[] | undefined;
}

function whereCodeLives(): Row[] {
  const doc = readFileSync(join(repoRoot, 'docs', 'architecture.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Where code lives'));
  const table = section.slice(
    section.indexOf('\n|'),
    section.indexOf('\n\n', section.indexOf('\n|')),
  );
  return table
    .trim()
    .split('\n')
    .slice(2) // the header and its rule
    .map((line) => {
      const [path, , mayImport] = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      const folder = /^`([^`]+)`$/.exec(path)?.[1].replace(/\/$/, '');
      if (!folder)
        throw new Error(`A row of "Where code lives" must name one path, in backticks: ${line}`);
      const named = [...mayImport.matchAll(/`((?:apps|libs|tools)\/[\w-]+)`/g)].map(([, f]) => f);
      return { folder, mayImport: mayImport === '' ? undefined : named };
    });
}

const rows = whereCodeLives();
const governed = rows.filter((row): row is Row & { mayImport: string[] } => !!row.mayImport);
/** Every lib, tool and app in the tree: what code might import. */
const targets = ['apps', 'libs', 'tools'].flatMap((top) =>
  readdirSync(join(repoRoot, top)).map((name) => `${top}/${name}`),
);
/** Libs and tools are imported through their entry point; apps (and tests, benches) have none. */
const hasEntryPoint = (folder: string) => /^(libs|tools)\//.test(folder);
const packageName = (folder: string): string =>
  JSON.parse(readFileSync(join(repoRoot, folder, 'package.json'), 'utf8')).name;

/** A file in `folder` as lint sees it: TypeScript in src/ where there is one, else beside the rest. */
function probeFile(folder: string, { spec = false } = {}): string {
  const dir = existsSync(join(repoRoot, folder, 'src')) ? `${folder}/src` : folder;
  const typescript = readdirSync(join(repoRoot, dir)).some((file) => file.endsWith('.ts'));
  return `${dir}/lint-probe${spec ? '.spec' : ''}.${typescript ? 'ts' : 'js'}`;
}

/** One import statement per line, as the probe's language writes it. */
function source(fileName: string, specifiers: string[]): string {
  const statement = fileName.endsWith('.js')
    ? (s: string) => `require('${s}');`
    : (s: string) => `import '${s}';`;
  return specifiers.map(statement).join('\n');
}

/** From `fileName`, a path to a file of `folder`: an app's `src/main`, else `within`. */
function pathInto(fileName: string, folder: string, within = 'src/index'): string {
  const target = folder.startsWith('apps/') ? `${folder}/src/main` : `${folder}/${within}`;
  const path = posix.relative(dirname(fileName), target);
  return path.startsWith('.') ? path : `./${path}`;
}

/** How code would import `target` from `fileName`: its package name, or a path for an app. */
const importOf = (fileName: string, target: string) =>
  hasEntryPoint(target) ? packageName(target) : pathInto(fileName, target);

const refused = (line: number, message: string) => ({
  line,
  ruleId: BOUNDARY,
  message: expect.stringContaining(message),
});

const only = (ruleIds: string[]) => (messages: LintMessage[]) =>
  messages
    .filter(({ ruleId }) => ruleId !== null && ruleIds.includes(ruleId))
    .map(({ line, ruleId, message }) => ({ line, ruleId, message }));

// Every probe is linted in one ESLint process, before the tests read their results.
const probes: Probe[] = [];
const results = new Map<Probe, LintMessage[]>();
function probe(fileName: string, sourceText: string): Probe {
  const p = { fileName, source: sourceText };
  probes.push(p);
  return p;
}
const messagesOf = (p: Probe) => results.get(p) ?? [];

/** A probe in `folder` importing every other lib, tool and app, in the order of `others`. */
function importEverything(folder: string, spec: boolean) {
  const fileName = probeFile(folder, { spec });
  const others = targets.filter((target) => target !== folder);
  return {
    others,
    probe: probe(
      fileName,
      source(
        fileName,
        others.map((t) => importOf(fileName, t)),
      ),
    ),
  };
}

const everything = governed.map((row) => ({ row, ...importEverything(row.folder, false) }));
const everythingFromSpecs = governed
  .filter(({ folder }) => /^(apps|libs)\//.test(folder))
  .map((row) => ({ row, ...importEverything(row.folder, true) }));

/** Deep imports of each lib or tool a folder may import: by package subpath and by path. */
const deep = governed.map((row) => {
  const fileName = probeFile(row.folder);
  const libs = row.mayImport.filter(hasEntryPoint);
  const specifiers = libs.flatMap((lib) => [
    `${packageName(lib)}/src/index`,
    `${packageName(lib)}/dist/index`,
    pathInto(fileName, lib, 'src/index'),
    pathInto(fileName, lib, 'dist/index'),
  ]);
  return { row, libs, probe: probe(fileName, source(fileName, specifiers)) };
});

/** A folder's own files, by relative path, and (for a lib or tool) its own package name. */
const own = governed.map((row) => {
  const fileName = probeFile(row.folder);
  const specifiers = ['./neighbour', `../${posix.basename(dirname(fileName))}/neighbour`];
  if (hasEntryPoint(row.folder)) specifiers.push(packageName(row.folder));
  return { row, probe: probe(fileName, source(fileName, specifiers)) };
});

/** Every way TypeScript and CommonJS write an import is checked, not only `import … from`. */
const forms = [
  `import { Thing as _a } from '@safeguard/workflows';`,
  `import type { Thing as _b } from '@safeguard/workflows';`,
  `export * from '@safeguard/workflows';`,
  `export { Thing } from '@safeguard/workflows';`,
  `export const _c = import('@safeguard/workflows');`,
  `export type _D = typeof import('@safeguard/workflows');`,
  `import _e = require('@safeguard/workflows');`,
  `export const _f = require('@safeguard/workflows');`,
];
const formsProbe = probe('libs/persistence/src/deeper/still/lint-probe.ts', forms.join('\n'));
const escapeFile = 'libs/persistence/src/deeper/lint-probe.ts';
const escapeProbe = probe(
  escapeFile,
  source(escapeFile, ['../../../workflows/src/index', '../../../domain/src/index', '../entities']),
);

/** What each folder may not use from outside the repository (the column's words, not its paths). */
const outside: Array<{ fileName: string; allowed: string[]; refused: string[] }> = [
  {
    fileName: 'libs/domain/src/lint-probe.ts',
    allowed: ['zod'],
    refused: ['node:fs', 'crypto', 'typeorm', 'pg', '@nestjs/common', '@temporalio/workflow'],
  },
  {
    fileName: 'libs/workflows/src/lint-probe.ts',
    allowed: ['@temporalio/workflow', '@temporalio/common'],
    refused: ['node:crypto', 'typeorm', '@temporalio/client', '@temporalio/activity'],
  },
  {
    fileName: 'apps/web/src/lint-probe.ts',
    allowed: ['express', 'pg', 'node:crypto'],
    refused: ['typeorm', '@nestjs/common', '@temporalio/client'],
  },
  // Specs of the pure libs run Temporal's test server and use whatever they need.
  {
    fileName: 'libs/workflows/src/lint-probe.spec.ts',
    allowed: ['@temporalio/testing', '@temporalio/client', 'node:crypto'],
    refused: [],
  },
  {
    fileName: 'libs/domain/src/lint-probe.spec.ts',
    allowed: ['fast-check', 'node:fs'],
    refused: [],
  },
];
const outsideProbes = outside.map((entry) => ({
  ...entry,
  probe: probe(entry.fileName, source(entry.fileName, [...entry.allowed, ...entry.refused])),
}));

beforeAll(async () => {
  const messages = await lintAs(probes);
  probes.forEach((p, index) => results.set(p, messages[index]));
  // ESLint loads typescript-eslint once for all probes: seconds, more on a busy machine.
}, 120_000);

describe('the "Where code lives" table of docs/architecture.md', () => {
  it('has a row for every folder of apps, libs, tools and test, and each row names one', () => {
    const folders = ['apps', 'libs', 'tools', 'test'].flatMap((top) =>
      readdirSync(join(repoRoot, top)).map((name) => `${top}/${name}`),
    );
    const listed = rows.map(({ folder }) => folder);
    expect(
      folders.filter((f) => !listed.some((row) => row === f || row.startsWith(`${f}/`))),
    ).toEqual([]);
    expect(listed.filter((folder) => !existsSync(join(repoRoot, folder)))).toEqual([]);
  });

  it('names in its "may import" column only folders that exist', () => {
    const named = governed.flatMap(({ mayImport }) => mayImport);
    expect(named.filter((folder) => !targets.includes(folder))).toEqual([]);
  });
});

describe('the lint rule that enforces the "may import" column', () => {
  it.each(everything.map((e) => [e.row.folder, e]))(
    'refuses in %s exactly the libs, tools and apps the column does not name',
    (_folder, { row, others, probe: p }) => {
      const expected = others.flatMap((target, index) =>
        row.mayImport.includes(target) ? [] : [refused(index + 1, `may not import ${target}`)],
      );
      expect(only([BOUNDARY])(messagesOf(p))).toEqual(expected);
    },
  );

  it.each(everythingFromSpecs.map((e) => [e.row.folder, e]))(
    'lets the specs of %s import tools/dev-stack as well, and nothing else more',
    (_folder, { row, others, probe: p }) => {
      const allowed = [...row.mayImport, 'tools/dev-stack'];
      const expected = others.flatMap((target, index) =>
        allowed.includes(target) ? [] : [refused(index + 1, `may not import ${target}`)],
      );
      expect(only([BOUNDARY])(messagesOf(p))).toEqual(expected);
    },
  );

  it.each(deep.filter(({ libs }) => libs.length > 0).map((d) => [d.row.folder, d]))(
    'refuses in %s a path into the src or dist of a lib or tool it may import',
    (_folder, { libs, probe: p }) => {
      const expected = libs.flatMap((lib, index) =>
        [1, 2, 3, 4].map((n) =>
          refused(index * 4 + n, `Import ${lib} through its entry point '${packageName(lib)}'`),
        ),
      );
      expect(only([BOUNDARY])(messagesOf(p))).toEqual(expected);
    },
  );

  it.each(own.map((o) => [o.row.folder, o]))(
    'lets %s import its own files by path (a lib or tool: not by its own package name)',
    (folder, { probe: p }) => {
      const expected = hasEntryPoint(folder)
        ? [refused(3, `Inside ${folder}, import its files by relative path`)]
        : [];
      expect(only([BOUNDARY])(messagesOf(p))).toEqual(expected);
    },
  );

  it('sees imports written any way: type-only, re-exports, dynamic, require', () => {
    expect(only([BOUNDARY])(messagesOf(formsProbe))).toEqual(
      forms.map((_form, index) => refused(index + 1, 'may not import libs/workflows')),
    );
  });

  it('follows a relative path out of the folder even when it does not name libs/', () => {
    expect(only([BOUNDARY])(messagesOf(escapeProbe))).toEqual([
      refused(1, 'libs/persistence may not import libs/workflows'),
      refused(2, "Import libs/domain through its entry point '@safeguard/domain'"),
    ]);
  });
});

describe('the lint rule on what a folder may use from outside the repository', () => {
  it.each(outsideProbes.map((o) => [o.fileName, o]))(
    'in %s, refuses exactly the modules the column rules out',
    (_fileName, { allowed, refused: banned, probe: p }) => {
      expect(only([RESTRICTED])(messagesOf(p)).map(({ line }) => line)).toEqual(
        banned.map((_module, index) => allowed.length + index + 1),
      );
    },
  );
});
