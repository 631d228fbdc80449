#!/usr/bin/env node
// npm run test:electron — the same integration tests (test/vscode/suite/) in desktop VS Code,
// downloaded by @vscode/test-electron. For machines that can reach the VS Code download site;
// offline, use npm run test:vscode (the VS Code server + headless chromium) instead.
// Assumes `npm run build` and `npm run compile-tests` ran.
//
//   KAIDAN_VSCODE_VERSION=1.100.3   VS Code version to download (default: the one test:vscode uses)
//   KAIDAN_TEST_GREP=regex          run only matching tests
// On Linux without a display, run it under xvfb-run -a.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { printResults, readResults } from '../../scripts/vscode/results.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'vscode', 'suite', 'index.js');
const workspace = path.join(repoRoot, 'corpus');

async function main() {
  if (!fs.existsSync(extensionTestsPath)) throw new Error(`${path.relative(repoRoot, extensionTestsPath)} is missing: run npm run compile-tests first`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kaidan-electron-'));
  const resultsFile = path.join(scratch, 'results.json');
  let exitCode = 1;
  let crash;
  try {
    await runTests({
      version: process.env.KAIDAN_VSCODE_VERSION || '1.100.3',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      extensionTestsEnv: { KAIDAN_TEST_RESULTS: resultsFile, KAIDAN_TEST_GREP: process.env.KAIDAN_TEST_GREP ?? '' },
      launchArgs: [
        workspace,
        '--disable-extensions', // other installed extensions stay off; the one under development runs
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(scratch, 'user-data')}`,
      ],
    });
  } catch (err) {
    // runTests rejects when the test process exits non-zero (a failing test, or a crash).
    crash = `VS Code exited: ${err?.message ?? err}`;
  }
  let results;
  try {
    results = readResults(resultsFile);
    crash = undefined; // failures are in the results
  } catch {
    crash ??= 'the tests wrote no results';
  }
  const ok = printResults(results, { extraFailures: crash ? [crash] : [] });
  exitCode = ok ? 0 : 1;
  fs.rmSync(scratch, { recursive: true, force: true });
  process.exit(exitCode);
}

main().catch((err) => {
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
