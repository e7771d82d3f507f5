// `npm run bench -- audit [--lines N] [--keep]`: time and peak memory of `faultline audit` on this
// repository and on a generated service-shaped project of N lines (default 100,000), and of
// `tsc --noEmit` on that project for scale: type checking alone is the floor of a typed audit.
// Each run is a fresh Node.js process on the built package (npm run build first), so the peak RSS
// is its own. Targets on 2 cores: 100k lines in at most 25 s and 1.5 GB.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateServiceProject } from './lib/generate-service-project.ts';

const root = path.resolve(import.meta.dirname, '..');
const auditEntry = path.join(root, 'packages/audit/dist/index.js');
const { values } = parseArgs({
  options: { lines: { type: 'string', default: '100000' }, keep: { type: 'boolean', default: false } },
});

interface Measurement {
  files: number;
  lines: number;
  findings: number;
  totalMs: number;
  /** User + system CPU time: on a shared machine, wall time also measures the neighbours. */
  cpuMs: number;
  phasesMs: Record<string, number>;
  peakRssMb: number;
}

// Runs in the child: one audit with the CLI's heap settings, phase times from the progress
// callback, peak RSS at the end.
const CHILD = `
const { runAudit, limitHeapGrowth } = await import(process.env.FAULTLINE_AUDIT_ENTRY);
limitHeapGrowth(process.execArgv.join(' '));
const started = performance.now();
const phases = {};
let phase = 'start';
let phaseStart = started;
const result = await runAudit({
  path: process.env.FAULTLINE_AUDIT_TARGET,
  failOn: 'none',
  onProgress: (progress) => {
    if (progress.phase === phase) return;
    const now = performance.now();
    phases[phase] = Math.round(now - phaseStart);
    phase = progress.phase;
    phaseStart = now;
  },
});
const end = performance.now();
phases[phase] = Math.round(end - phaseStart);
delete phases.start;
process.stdout.write(JSON.stringify({
  files: result.stats.files,
  lines: result.stats.lines,
  findings: result.findings.length,
  totalMs: Math.round(end - started),
  cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
  phasesMs: phases,
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
}));
`;

function measure(target: string): Measurement {
  const child = spawnSync(process.execPath, ['--input-type=module', '--eval', CHILD], {
    encoding: 'utf8',
    env: { ...process.env, FAULTLINE_AUDIT_ENTRY: pathToFileURL(auditEntry).href, FAULTLINE_AUDIT_TARGET: target },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the audit of ${target} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as Measurement;
}

// Runs in the child: tsc's own command line, CPU time and peak RSS reported on exit.
const TSC = `
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write('\\n' + JSON.stringify({ cpuMs: Math.round((user + system) / 1000), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
});
require(process.env.FAULTLINE_TSC);
`;

function measureTsc(project: string): { totalMs: number; cpuMs: number; peakRssMb: number } {
  const started = performance.now();
  // tsc reads its arguments from argv[2]: the first one is a placeholder for the script name.
  const child = spawnSync(process.execPath, ['--eval', TSC, 'tsc', '--noEmit', '-p', project], {
    encoding: 'utf8',
    env: { ...process.env, FAULTLINE_TSC: path.join(root, 'node_modules/typescript/lib/tsc.js') },
    maxBuffer: 16 * 1024 * 1024,
  });
  const totalMs = Math.round(performance.now() - started);
  const last = child.stderr.trim().split('\n').at(-1) ?? '{}';
  return { totalMs, ...(JSON.parse(last) as { cpuMs: number; peakRssMb: number }) };
}

function report(label: string, measurement: Measurement): void {
  const phases = Object.entries(measurement.phasesMs)
    .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`)
    .join(', ');
  console.log(
    `${label.padEnd(26)} ${String(measurement.lines).padStart(7)} lines ${String(measurement.files).padStart(5)} files ` +
      `${(measurement.totalMs / 1000).toFixed(1).padStart(6)} s wall ${(measurement.cpuMs / 1000).toFixed(1).padStart(6)} s CPU ${String(measurement.peakRssMb).padStart(5)} MB peak RSS ` +
      `${String(measurement.findings).padStart(5)} findings  (${phases})`,
  );
}

if (!existsSync(auditEntry)) {
  console.error('Build first: npm run build -w @faultline/eslint-plugin && npm run build -w @faultline/audit');
  process.exit(2);
}

// On a shared machine the neighbours' load explains wall times: CPU time is the comparable figure.
const describeLoad = (): string => loadavg().map((value) => value.toFixed(2)).join(', ');
console.log(`load average ${describeLoad()}`);
report('this repository', measure(root));

const folder = mkdtempSync(path.join(tmpdir(), 'faultline-bench-audit-'));
try {
  const generated = generateServiceProject(folder, Number(values.lines), path.join(root, 'node_modules'));
  const measurement = measure(folder);
  report(`generated (${String(generated.tables)} tables)`, measurement);
  const tsc = measureTsc(folder);
  console.log(
    `${'tsc --noEmit, generated'.padEnd(26)} ${(tsc.totalMs / 1000).toFixed(1).padStart(28)} s wall ${(tsc.cpuMs / 1000).toFixed(1).padStart(6)} s CPU ${String(tsc.peakRssMb).padStart(5)} MB peak RSS`,
  );
  const seconds = measurement.totalMs / 1000;
  const verdict = measurement.lines >= 100_000 ? ` target ≤ 25 s and ≤ 1536 MB: ${seconds <= 25 && measurement.peakRssMb <= 1536 ? 'met' : 'missed'}` : '';
  console.log(`${(measurement.lines / seconds).toFixed(0)} lines/s on the generated project.${verdict}`);
  console.log(`load average ${describeLoad()}`);
} finally {
  if (values.keep) console.log(`kept ${folder}`);
  else rmSync(folder, { recursive: true, force: true });
}
