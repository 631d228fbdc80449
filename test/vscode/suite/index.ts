// Mocha runner for the integration tests. VS Code calls run() inside the extension host, both
// under the offline VS Code server (scripts/test-vscode.mjs) and under @vscode/test-electron
// (test/vscode/electron.mjs). The extension host's exit code is not reliable (it was 0 even when
// run() threw), so the results are also written to a JSON file that the runner reads:
// $KAIDAN_TEST_RESULTS, else results.json beside this file.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export interface TestResult {
  suite: string;
  title: string;
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
  stack?: string;
}

export interface TestResults {
  /** true when every test ran and none failed */
  ok: boolean;
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
  /** set when run() itself failed (a test file did not load, mocha crashed, ...) */
  error?: string;
  startedAt: string;
  finishedAt: string;
  vscodeVersion?: string;
}

export function resultsPath(): string {
  return process.env.KAIDAN_TEST_RESULTS || path.join(__dirname, 'results.json');
}

function writeResults(results: TestResults, file = resultsPath()): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename, so a reader never sees half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2) + '\n');
  fs.renameSync(tmp, file);
}

function errorText(err: unknown): { message: string; stack?: string } {
  if (err instanceof Error) return { message: err.message, stack: err.stack };
  return { message: String(err) };
}

function vscodeVersion(): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('vscode') as typeof import('vscode')).version;
  } catch {
    return undefined;
  }
}

export function run(): Promise<void> {
  return runSuite(__dirname);
}

/** Runs the *.test.js files of `dir` (this suite, or the packaged extension's in ../packaged). */
export async function runSuite(dir: string): Promise<void> {
  const startedAt = new Date().toISOString();
  const tests: TestResult[] = [];
  let written = false;
  const finish = (error?: string): TestResults => {
    const count = (state: TestResult['state']) => tests.filter((t) => t.state === state).length;
    const failed = count('failed');
    return {
      ok: !error && failed === 0,
      passed: count('passed'),
      failed,
      pending: count('pending'),
      tests,
      error,
      startedAt,
      finishedAt: new Date().toISOString(),
      vscodeVersion: vscodeVersion(),
    };
  };

  try {
    const mocha = new Mocha({
      ui: 'tdd',
      color: false,
      timeout: Number(process.env.KAIDAN_TEST_TIMEOUT_MS) || 60_000,
      reporter: 'spec',
    });
    if (process.env.KAIDAN_TEST_GREP) mocha.grep(process.env.KAIDAN_TEST_GREP);

    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.test.js'))
      .sort();
    if (files.length === 0) throw new Error(`no *.test.js files in ${dir}`);
    for (const f of files) mocha.addFile(path.join(dir, f));

    // mocha.run loads the files with require (as the extension host expects for `vscode`);
    // a file that fails to load throws here, which rejects this promise.
    const failures = await new Promise<number>((resolve) => {
      const runner = mocha.run((n) => resolve(n));
      const suiteOf = (t: Mocha.Runnable) => (t.parent ? t.parent.fullTitle() : '');
      runner.on('pass', (t: Mocha.Test) => {
        tests.push({ suite: suiteOf(t), title: t.title, fullTitle: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 });
      });
      runner.on('pending', (t: Mocha.Test) => {
        tests.push({ suite: suiteOf(t), title: t.title, fullTitle: t.fullTitle(), state: 'pending', durationMs: 0 });
      });
      // Progress, so a runner can tell what ran before a crash of the extension host.
      runner.on('test end', () => writeResults(finish('the run did not finish'), `${resultsPath()}.partial`));
      // Also fires for failing hooks ("before all" hook for …), which mocha reports as one failure.
      runner.on('fail', (t: Mocha.Runnable, err: unknown) => {
        const { message, stack } = errorText(err);
        tests.push({ suite: suiteOf(t), title: t.title, fullTitle: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error: message, stack });
      });
    });

    const results = finish();
    writeResults(results);
    written = true;
    fs.rmSync(`${resultsPath()}.partial`, { force: true });
    if (failures > 0 || results.failed > 0) throw new Error(`${Math.max(failures, results.failed)} test(s) failed`);
  } catch (err) {
    const { message, stack } = errorText(err);
    if (!written) writeResults(finish(stack ?? message));
    throw err;
  }
}
