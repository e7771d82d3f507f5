// Sums vitest JSON reports into the plain closing line CI reads: "N passed, N failed".
// A run that crashed before writing its report counts as one failure, so a red run never reads green.
import { existsSync, readFileSync } from 'node:fs';

const files = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const file of files) {
  if (!existsSync(file)) {
    failed += 1;
    continue;
  }
  /** @type {{ numPassedTests: number, numFailedTests: number, success: boolean }} */
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  // A file that fails to load fails no test, yet the run is not a success.
  failed += report.numFailedTests > 0 || report.success ? report.numFailedTests : 1;
}
console.log(`${String(passed)} passed, ${String(failed)} failed`);
process.exitCode = failed > 0 ? 1 : 0;
