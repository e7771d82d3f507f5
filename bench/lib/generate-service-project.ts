// Writes a service-shaped TypeScript project of about `targetLines` lines for
// `npm run bench -- audit`: Hono routes → services → Kysely repositories, one folder per feature
// module, each with its domain model, zod schemas, mappers, business rules, a background job,
// often an HTTP gateway, and tests. Deterministic for a given size.
//
// Its proportions follow real services rather than stress the type checker: about 1,900 lines
// per table (documenso: 264k lines of TypeScript, 51 models) and a fifth of the files querying
// the database (documenso: 467 of 2,074 files). An earlier version gave every 210 lines a table
// of its own (476 tables in one `DB` interface at 100k lines) and made every other file a query
// builder or a zod-validated route: Kysely's types cost in proportion to the tables in `DB`, so
// each query took 5× longer to check than against 95 tables, and `tsc --noEmit` needed 81 s of
// CPU for 100k lines where a real 194k-line service needs 18 s. The code still varies the way
// real services do: most writes are in transactions, some are not; most catches rethrow, some
// swallow; some handlers leak errors; some results are ambiguous.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { behaviourTestFile } from './service-project/behaviour-test-file.ts';
import { DATABASE_FILE, typesFile } from './service-project/database-files.ts';
import { eventsFile } from './service-project/events-file.ts';
import { exportFile } from './service-project/export-file.ts';
import { gatewayFile } from './service-project/gateway-file.ts';
import { jobsFile } from './service-project/jobs-file.ts';
import { mapperFile } from './service-project/mapper-file.ts';
import { modelFile } from './service-project/model-file.ts';
import { notificationsFile } from './service-project/notifications-file.ts';
import { permissionsFile } from './service-project/permissions-file.ts';
import { policyFile } from './service-project/policy-file.ts';
import { policyTestFile } from './service-project/policy-test-file.ts';
import { repositoryFile } from './service-project/repository-file.ts';
import { routesFile } from './service-project/routes-file.ts';
import { schemasFile } from './service-project/schemas-file.ts';
import { createServiceModule, type ServiceModule } from './service-project/service-module.ts';
import { serviceFile } from './service-project/service-file.ts';
import { appFile, SHARED_FILES } from './service-project/shared-files.ts';

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  },
  include: ['src'],
};

/** Lines that `src/db/types.ts` and `src/app.ts` add per module, written last. */
const LATE_LINES_PER_MODULE = 21;

function moduleFiles(module: ServiceModule): [string, string][] {
  const file = (role: string): string => `src/${module.name}/${module.name}.${role}.ts`;
  return [
    [file('model'), modelFile(module)],
    [file('schemas'), schemasFile(module)],
    [file('mapper'), mapperFile(module)],
    [file('repository'), repositoryFile(module)],
    [file('policy'), policyFile(module)],
    [file('service'), serviceFile(module)],
    [file('jobs'), jobsFile(module)],
    [file('events'), eventsFile(module)],
    [file('permissions'), permissionsFile(module)],
    [file('export'), exportFile(module)],
    [file('notifications'), notificationsFile(module)],
    [file('routes'), routesFile(module)],
    [file('policy.test'), policyTestFile(module)],
    [file('behaviour.test'), behaviourTestFile(module)],
    ...(module.gateway ? [[file('gateway'), gatewayFile(module)] as [string, string]] : []),
  ];
}

/** What the generator wrote. */
export interface GeneratedProject {
  root: string;
  files: number;
  lines: number;
  /** Tables in the Kysely `DB` interface. */
  tables: number;
}

/**
 * Writes the project into `root` (which must exist and be empty) with a `node_modules` link so
 * that hono, kysely, zod and vitest types resolve as in a real service.
 *
 * @param root - the target folder
 * @param targetLines - stop adding modules once about this many lines are written (at least two modules)
 * @param nodeModules - the node_modules folder to link
 * @example
 * generateServiceProject(mkdtempSync(path.join(tmpdir(), 'svc-')), 100_000, 'node_modules');
 */
export function generateServiceProject(root: string, targetLines: number, nodeModules: string): GeneratedProject {
  let lines = 0;
  let files = 0;
  const write = (file: string, text: string): void => {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    lines += text.split('\n').length - 1;
    files += 1;
  };
  symlinkSync(nodeModules, path.join(root, 'node_modules'), 'dir');
  writeFileSync(path.join(root, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, undefined, 2)}\n`);
  for (const [file, text] of Object.entries(SHARED_FILES)) write(file, text);
  write('src/db/database.ts', DATABASE_FILE);
  const modules: ServiceModule[] = [];
  while (modules.length < 2 || lines + modules.length * LATE_LINES_PER_MODULE < targetLines) {
    const module = createServiceModule(modules.length);
    modules.push(module);
    for (const [file, text] of moduleFiles(module)) write(file, text);
  }
  write('src/db/types.ts', typesFile(modules));
  write('src/app.ts', appFile(modules));
  const tables = 4 + modules.length + modules.filter((module) => module.child !== undefined).length;
  return { root, files, lines, tables };
}
