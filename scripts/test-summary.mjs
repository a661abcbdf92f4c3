// One closing line for the whole suite, in the plain form CI reads:
// (Playwright empties its own outputDir, test-results/, at start: the reports live in test-reports/.)
// "tests: N passed, N failed, N skipped", from Vitest's and Playwright's JSON reports.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;

if (existsSync('test-reports/unit.json')) {
  const unit = JSON.parse(readFileSync('test-reports/unit.json', 'utf8'));
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
}
if (existsSync('test-reports/e2e.json')) {
  const e2e = JSON.parse(readFileSync('test-reports/e2e.json', 'utf8'));
  passed += e2e.stats?.expected ?? 0;
  failed += (e2e.stats?.unexpected ?? 0) + (e2e.stats?.flaky ?? 0);
  skipped += e2e.stats?.skipped ?? 0;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
