#!/usr/bin/env node
// npm run test:vscode — the integration tests (test/vscode/suite/) in a real VS Code, offline:
// the VS Code server from .cache/vscode-server/ plus Debian's headless chromium as the window.
// Assumes `npm run build` and `npm run compile-tests` ran. Prints one line per test and
// `N passed, N failed`; exits non-zero on a failure, a crash or a timeout.
//
// With --vsix (npm run test:vsix, after npm run package): installs kaidan-<version>.vsix into the
// server instead of loading the extension under development, and runs test/vscode/packaged/.
//
// Environment:
//   KAIDAN_TEST_GREP=regex          run only matching tests (read by the suite)
//   KAIDAN_TEST_TIMEOUT_S=300       overall limit
//   KAIDAN_VSCODE_LOG=1             echo the VS Code server's log
//   KAIDAN_BROWSER=/path            another chromium/chrome
//   KAIDAN_VSCODE_EXTENSION, KAIDAN_VSCODE_TESTS, KAIDAN_VSCODE_WORKSPACE  override the paths
import fs from 'node:fs';
import path from 'node:path';
import {
  SetupError,
  browserArgs,
  ensureBrowser,
  ensureVSCodeServer,
  makeTempDir,
  repoRoot,
  spawnTracked,
  startVSCodeServer,
  stopTracked,
  waitFor,
} from './vscode/server.mjs';
import { printResults, readResults } from './vscode/results.mjs';
import { vsixPath } from './package.mjs';

const vsix = process.argv.includes('--vsix') ? vsixPath() : undefined;
const testsPath = path.resolve(process.env.KAIDAN_VSCODE_TESTS || path.join(repoRoot, 'out', 'test', 'vscode', vsix ? 'packaged' : 'suite', 'index.js'));
const workspace = path.resolve(process.env.KAIDAN_VSCODE_WORKSPACE || path.join(repoRoot, 'corpus'));
const timeoutMs = (Number(process.env.KAIDAN_TEST_TIMEOUT_S) || 300) * 1000;
const verbose = !!process.env.KAIDAN_VSCODE_LOG;
const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

// VS Code runs tests only beside an extension under development: with --vsix, an empty one
// (test/vscode/packaged/harness) stands beside the installed extension.
const extensionPath = vsix
  ? path.join(repoRoot, 'test', 'vscode', 'packaged', 'harness')
  : path.resolve(process.env.KAIDAN_VSCODE_EXTENSION || repoRoot);

function fail(message) {
  console.error(`test:vscode: ${message}`);
  process.exit(1);
}

async function main() {
  if (!fs.existsSync(testsPath)) fail(`${path.relative(repoRoot, testsPath)} is missing: run npm run compile-tests first`);
  if (vsix && !fs.existsSync(vsix)) fail(`${path.relative(repoRoot, vsix)} is missing: run npm run package first`);
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  if (manifest.main && !fs.existsSync(path.resolve(extensionPath, manifest.main))) {
    fail(`${manifest.main} is missing: run npm run build first`);
  }
  if (!fs.existsSync(workspace)) fail(`workspace ${workspace} does not exist`);

  ensureVSCodeServer();
  const browser = ensureBrowser();
  const scratch = makeTempDir('test-');
  const resultsFile = path.join(scratch, 'results.json');
  const profileDir = path.join(scratch, 'browser');

  // KAIDAN_TEST_RESULTS is set on the server; its extension host inherits it (the suite writes there).
  const server = await startVSCodeServer({
    workspace,
    extensionPath,
    testsPath,
    installExtensions: vsix ? [vsix] : [],
    env: { KAIDAN_TEST_RESULTS: resultsFile },
    log: verbose ? 'inherit' : 'quiet',
  });
  console.error(`[test:vscode] VS Code server up on port ${server.port} after ${secs()}`);

  const browserLog = [];
  const chrome = spawnTracked(browser, [...browserArgs(profileDir), server.url], { stdio: ['ignore', 'pipe', 'pipe'] });
  for (const s of [chrome.stdout, chrome.stderr]) s.on('data', (d) => browserLog.push(String(d)));
  let chromeExit;
  chrome.once('exit', (code, signal) => { chromeExit = code ?? signal; });
  let serverExit;
  server.exited.then(({ code, signal }) => { serverExit = code ?? signal; });

  let hostExitedAt;
  const extraFailures = [];
  let results;
  try {
    await waitFor(() => fs.existsSync(resultsFile), {
      timeoutMs,
      intervalMs: 200,
      what: 'the test results',
      abort: () => {
        if (serverExit !== undefined) return `the VS Code server exited (${serverExit})`;
        if (chromeExit !== undefined) return `the browser exited (${chromeExit})`;
        // The extension host exits when run() settles; the suite writes results before that.
        // Its exit code is not reliable, so only its exit without a results file counts as a crash.
        if (/Extension Host Process exited with code/.test(server.log())) {
          hostExitedAt ??= Date.now();
          if (Date.now() - hostExitedAt > 2000) return 'the extension host exited without writing results (crash, or the tests module did not load)';
        }
        return undefined;
      },
    });
    results = readResults(resultsFile);
    console.error(`[test:vscode] results after ${secs()}${results.vscodeVersion ? ` (VS Code ${results.vscodeVersion})` : ''}`);
  } catch (err) {
    extraFailures.push(err.message);
    // What ran before the crash or timeout, if the suite got that far.
    try { results = { ...readResults(`${resultsFile}.partial`), error: undefined }; } catch { /* none */ }
    const serverTail = server.log().trim().split('\n').slice(-40).join('\n');
    const browserTail = browserLog.join('').trim().split('\n').slice(-15).join('\n');
    console.error(`--- VS Code server log (last lines) ---\n${serverTail}\n--- browser log (last lines) ---\n${browserTail}\n---`);
  } finally {
    await stopTracked(chrome);
    await server.stop();
  }
  console.error(`[test:vscode] everything stopped after ${secs()}`);
  // The closing line `N passed, N failed` is the last thing printed.
  const ok = printResults(results, { extraFailures });
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  if (err instanceof SetupError) fail(err.message);
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
