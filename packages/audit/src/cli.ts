#!/usr/bin/env node
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { createBaseline, serializeBaseline } from './baseline/baseline.js';
import { AuditUsageError } from './errors.js';
import { limitHeapGrowth } from './limit-heap-growth.js';
import { formatReport, isReportFormat, REPORT_EXTENSIONS, REPORT_FORMATS, type ReportFormat } from './reporters/format-report.js';
import { runAudit, type AuditProgress, type FailOn } from './run-audit.js';

const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_ERROR = 2;
const DEFAULT_BASELINE = 'faultline-baseline.json';
const REPORT_BASENAME = 'faultline-audit';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

interface CliOptions {
  project?: string;
  format: ReportFormat[];
  output?: string;
  baseline?: string;
  updateBaseline?: boolean;
  failOn: FailOn;
  rules?: string[];
  include: string[];
  exclude: string[];
  moneyTables?: string[];
  quiet?: boolean;
  debug?: boolean;
}

function collectFormat(value: string, previous: ReportFormat[]): ReportFormat[] {
  const formats = value.split(',').map((format) => format.trim());
  for (const format of formats) {
    if (!isReportFormat(format)) throw new InvalidArgumentError(`expected one of ${REPORT_FORMATS.join(', ')}`);
  }
  return [...previous, ...(formats as ReportFormat[])];
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function createProgress(enabled: boolean): { update: (progress: AuditProgress) => void; clear: () => void } {
  const labels: Record<AuditProgress['phase'], string> = { load: 'loading the program', rules: 'running rules', analyzers: 'running analyzers' };
  let shown = false;
  return {
    update(progress) {
      if (!enabled) return;
      const count = progress.phase === 'load' ? '' : ` ${progress.done}/${progress.total}${progress.phase === 'rules' ? ' files' : ''}`;
      process.stderr.write(`\r\u001B[Kfaultline: ${labels[progress.phase]}${count}`);
      shown = true;
    },
    clear() {
      if (shown) process.stderr.write('\r\u001B[K');
      shown = false;
    },
  };
}

/** Where each report goes: stdout without --output, a file for one format, otherwise a folder. */
function writeReports(reports: readonly { format: ReportFormat; text: string }[], output: string | undefined): string[] {
  if (output === undefined) {
    for (const report of reports) process.stdout.write(report.text);
    return [];
  }
  const isFolder = reports.length > 1 || output.endsWith('/') || (existsSync(output) && statSync(output).isDirectory());
  if (!isFolder) {
    mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
    writeFileSync(output, reports[0]?.text ?? '');
    return [output];
  }
  mkdirSync(output, { recursive: true });
  return reports.map((report) => {
    const file = path.join(output, `${REPORT_BASENAME}.${REPORT_EXTENSIONS[report.format]}`);
    writeFileSync(file, report.text);
    return file;
  });
}

async function audit(target: string | undefined, options: CliOptions): Promise<number> {
  limitHeapGrowth([...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' '));
  const progress = createProgress(process.stderr.isTTY && options.quiet !== true);
  const baselineFile = options.baseline ?? (options.updateBaseline === true ? DEFAULT_BASELINE : undefined);
  const result = await runAudit({
    path: target ?? '.',
    failOn: options.failOn,
    include: options.include,
    exclude: options.exclude,
    onProgress: progress.update,
    ...(options.project === undefined ? {} : { project: options.project }),
    ...(options.rules === undefined ? {} : { rules: options.rules }),
    ...(options.moneyTables === undefined ? {} : { moneyTables: options.moneyTables }),
    // Updating records every current finding, so the old baseline is not read.
    ...(baselineFile === undefined || options.updateBaseline === true ? {} : { baseline: baselineFile }),
  });
  progress.clear();

  const formats = options.format.length === 0 ? (['text'] as const) : [...new Set(options.format)];
  const color = options.output === undefined && process.stdout.isTTY && process.env.NO_COLOR === undefined;
  const written = writeReports(
    formats.map((format) => ({ format, text: formatReport(format, result, { color }) })),
    options.output,
  );
  if (options.quiet !== true) {
    const showsProblems = options.output === undefined && formats.includes('text');
    if (!showsProblems) {
      for (const problem of result.problems) {
        process.stderr.write(`faultline: ${problem.file === undefined ? '' : `${problem.file}: `}${problem.message}\n`);
      }
    }
    for (const file of written) process.stderr.write(`faultline: wrote ${file}\n`);
  }
  if (options.updateBaseline === true && baselineFile !== undefined) {
    writeFileSync(baselineFile, serializeBaseline(createBaseline(result.findings)));
    if (options.quiet !== true) process.stderr.write(`faultline: recorded ${result.findings.length} findings in ${baselineFile}\n`);
    return EXIT_CLEAN;
  }
  return result.summary.failing > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}

function createProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('faultline')
    .description('Audit a TypeScript code base for error-handling and data-consistency bugs')
    .version(version)
    .exitOverride()
    .showHelpAfterError('(run faultline audit --help for usage)');

  program
    .command('audit')
    .description('audit a code base: run every Faultline rule and the whole-program analyzers, then report')
    .argument('[path]', 'the folder to audit', '.')
    .option('-p, --project <tsconfig>', 'the tsconfig to load, relative to the path (default: <path>/tsconfig.json)')
    .option('-f, --format <format>', `report format, repeatable: ${REPORT_FORMATS.join(', ')} (default: text)`, collectFormat, [])
    .option('-o, --output <file-or-dir>', 'write the report to a file, or every report to a folder (default: stdout)')
    .option('--baseline <file>', 'only findings not in this baseline count toward the exit code')
    .option('--update-baseline', `record the current findings in the baseline file (default: ${DEFAULT_BASELINE})`)
    .addOption(new Option('--fail-on <risk>', 'exit 1 when a new finding is at or above this risk').choices(['high', 'medium', 'low', 'none']).default('high'))
    .option('--rules <list>', 'comma-separated rule and analyzer ids to run (default: all)', splitList)
    .option('--include <glob>', 'only audit files matching this glob, repeatable', collect, [])
    .option('--exclude <glob>', 'leave out files matching this glob, repeatable', collect, [])
    .option('--money-tables <list>', 'comma-separated substrings of table names that hold money', splitList)
    .option('-q, --quiet', 'print nothing on stderr: no progress, no notes')
    .option('--debug', 'print stack traces of crashes')
    .action(async (target: string, options: CliOptions) => {
      setExitCode(await audit(target, options));
    });
  return program;
}

const debug = process.argv.includes('--debug');
let exitCode = EXIT_CLEAN;
try {
  await createProgram((code) => {
    exitCode = code;
  }).parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end through here with code 0; every other parse error is a usage error.
    exitCode = error.exitCode === 0 ? EXIT_CLEAN : EXIT_ERROR;
  } else if (error instanceof AuditUsageError) {
    process.stderr.write(`faultline: ${error.message}\n`);
    exitCode = EXIT_ERROR;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`faultline: the audit crashed: ${message.split('\n')[0] ?? ''}${debug ? '' : ' (run with --debug for the stack trace)'}\n`);
    if (debug && error instanceof Error && error.stack !== undefined) process.stderr.write(`${error.stack}\n`);
    exitCode = EXIT_ERROR;
  }
}
process.exitCode = exitCode;
