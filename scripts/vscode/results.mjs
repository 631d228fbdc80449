// Reads and prints the results file written by test/vscode/suite/index.ts.
import fs from 'node:fs';

export function readResults(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Prints one line per test and the closing line `N passed, N failed` (`, N skipped` when some were).
 * `extraFailures` are harness failures (crash, timeout) counted as failed tests.
 * Returns true when everything passed.
 */
export function printResults(results, { extraFailures = [] } = {}) {
  const tests = results?.tests ?? [];
  for (const t of tests) {
    const where = t.suite ? `${t.suite} › ${t.title}` : t.title;
    if (t.state === 'passed') console.log(`  ✓ ${where} (${t.durationMs} ms)`);
    else if (t.state === 'pending') console.log(`  - ${where} (skipped)`);
    else {
      console.log(`  ✗ ${where} (${t.durationMs} ms)`);
      const detail = (t.error ?? '').split('\n').slice(0, 12).map((l) => `      ${l}`).join('\n');
      if (detail.trim()) console.log(detail);
    }
  }
  const failures = [...extraFailures];
  if (results?.error) failures.push(`the test run failed: ${results.error}`);
  if (results && tests.length === 0 && failures.length === 0) failures.push('no tests ran');
  for (const f of failures) {
    console.log(`  ✗ ${f.split('\n').slice(0, 20).join('\n      ')}`);
  }
  const passed = tests.filter((t) => t.state === 'passed').length;
  const failed = tests.filter((t) => t.state === 'failed').length + failures.length;
  const skipped = tests.filter((t) => t.state === 'pending').length;
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return failed === 0 && passed + skipped > 0;
}
