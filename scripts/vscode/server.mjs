// A real VS Code, offline: installs the VS Code server shipped inside the npm package
// code-server (its lib/vscode is a plain VS Code server build) into .cache/vscode-server/,
// starts it on a loopback port with fresh data directories, and stops everything it started.
//
// Used by scripts/test-vscode.mjs, scripts/start.mjs and scripts/screenshots.mjs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = path.join(repoRoot, '.cache');

const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3, runs on Node 20
const installDir = path.join(cacheDir, 'vscode-server');
const packageDir = path.join(installDir, 'package');
const vscodeDir = path.join(packageDir, 'lib', 'vscode');
const markerFile = path.join(installDir, `installed-code-server-${CODE_SERVER_VERSION}`);
const NATIVE_MODULES = ['@vscode/spdlog', 'node-pty', 'native-watchdog', 'kerberos'];

export class SetupError extends Error {}

// ---------------------------------------------------------------------------------------------
// Cleanup: every child process we start is a process-group leader (detached) and is killed as a
// group; every temporary directory is removed. Runs on normal exit, on error and on signals.

const children = new Set();
const tempDirs = new Set();
const cleanups = [];
let handlersInstalled = false;

function killGroup(child, signal) {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try { child.kill(signal); } catch { /* already gone */ }
  }
}

function cleanupSync() {
  for (const fn of cleanups.splice(0)) {
    try { fn(); } catch { /* best effort */ }
  }
  for (const child of children) killGroup(child, 'SIGKILL');
  children.clear();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', cleanupSync);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      cleanupSync();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  process.on('uncaughtException', (err) => {
    console.error(err);
    cleanupSync();
    process.exit(1);
  });
  process.on('unhandledRejection', (err) => {
    console.error(err);
    cleanupSync();
    process.exit(1);
  });
}

/** Registers a synchronous function to run at exit (before processes are killed). */
export function onCleanup(fn) {
  installHandlers();
  cleanups.push(fn);
}

/** Starts a process in its own process group; it is killed (with its group) when we exit. */
export function spawnTracked(command, args, options = {}) {
  installHandlers();
  const child = spawn(command, args, { ...options, detached: true });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Stops a child started with spawnTracked: SIGTERM to its group, SIGKILL after `graceMs`. */
export async function stopTracked(child, graceMs = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    // The leader may be gone while others in its group remain.
    if (child?.pid) { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* none left */ } }
    children.delete(child);
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group already empty */ }
  children.delete(child);
}

/** A fresh directory under .cache/ (prefix e.g. 'run-'), removed at exit unless `keep`. */
export function makeTempDir(prefix = 'run-', { keep = false } = {}) {
  installHandlers();
  fs.mkdirSync(cacheDir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cacheDir, prefix));
  if (!keep) tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

// ---------------------------------------------------------------------------------------------
// System packages (Debian).

function which(command) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch { /* not here */ }
  }
  return undefined;
}
export { which };

function debInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

let aptUpdated = false;
function ensureDebianPackages(packages) {
  const missing = packages.filter((p) => !debInstalled(p));
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !which('apt-get')) {
    throw new SetupError(`missing Debian packages: run  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  }
  const run = (args) => {
    console.error(`[vscode] apt-get ${args.join(' ')}`);
    const r = spawnSync('apt-get', args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status !== 0) throw new SetupError(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
  };
  if (!aptUpdated) {
    run(['update', '-q']);
    aptUpdated = true;
  }
  run(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

/** The headless browser to use: $KAIDAN_BROWSER, else Debian's chromium (installed if missing). */
export function ensureBrowser() {
  const named = process.env.KAIDAN_BROWSER;
  if (named) {
    if (!fs.existsSync(named)) throw new SetupError(`KAIDAN_BROWSER=${named} does not exist`);
    return named;
  }
  const found = ['chromium', 'chromium-browser'].map(which).find(Boolean);
  if (found) return found;
  ensureDebianPackages(['chromium']);
  const installed = which('chromium') ?? '/usr/bin/chromium';
  if (!fs.existsSync(installed)) throw new SetupError('chromium is not installed: apt-get install -y chromium (or set KAIDAN_BROWSER=/path/to/chrome)');
  return installed;
}

/** A Japanese font for screenshots (any font fontconfig lists for :lang=ja; else Debian's fonts-noto-cjk). */
export function ensureJapaneseFont() {
  const hasFont = () => {
    const r = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
    return r.status === 0 && r.stdout.trim().length > 0;
  };
  if (hasFont()) return;
  ensureDebianPackages(['fonts-noto-cjk']);
  if (!hasFont()) throw new SetupError('no Japanese font found (fc-list :lang=ja): apt-get install -y fonts-noto-cjk');
}

/** Chromium flags for a browser that must not reach the network or keep state. */
export function browserArgs(userDataDir, { headless = true, width = 1400, height = 900, lang } = {}) {
  return [
    ...(headless ? ['--headless'] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    '--password-store=basic',
    `--window-size=${width},${height}`,
    ...(lang ? [`--lang=${lang}`] : []),
    ...(userDataDir ? [`--user-data-dir=${userDataDir}`] : []),
  ];
}

// ---------------------------------------------------------------------------------------------
// Installing the server.

function run(command, args, cwd, { allowFailure = false } = {}) {
  const started = Date.now();
  console.error(`[vscode] ${path.relative(repoRoot, cwd) || '.'}$ ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0 && !allowFailure) {
    const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new SetupError(`${command} ${args.join(' ')} failed in ${cwd} (exit ${r.status ?? r.signal}):\n${tail}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  // A failure allowed here is judged by the caller's own check, which names what did not build.
  console.error(`[vscode]   done in ${seconds}s`);
  return r;
}

function nativeModuleBuilt(name) {
  const release = path.join(vscodeDir, 'node_modules', name, 'build', 'Release');
  try {
    return fs.readdirSync(release).some((f) => f.endsWith('.node'));
  } catch {
    return false;
  }
}

export function isVSCodeServerInstalled() {
  return fs.existsSync(markerFile) && fs.existsSync(path.join(vscodeDir, 'out', 'server-main.js'));
}

/**
 * Installs the VS Code server into .cache/vscode-server/ once (a marker file records completion;
 * a half-done install is thrown away and redone). Returns the directory holding out/server-main.js.
 */
export function ensureVSCodeServer({ quiet = false } = {}) {
  if (isVSCodeServerInstalled()) return vscodeDir;
  const started = Date.now();
  const [major] = process.versions.node.split('.').map(Number);
  if (major < 20) throw new SetupError(`the VS Code server needs Node 20 or later (this is ${process.version})`);
  ensureDebianPackages(['ripgrep', 'libkrb5-dev']);
  for (const tool of ['make', 'g++', 'python3']) {
    if (!which(tool)) throw new SetupError(`${tool} is needed to build the VS Code server's native modules: apt-get install -y build-essential python3`);
  }
  if (!quiet) console.error(`[vscode] installing the VS Code server (code-server@${CODE_SERVER_VERSION}) into ${path.relative(repoRoot, installDir)}/ — once, about 320 MB`);

  fs.rmSync(installDir, { recursive: true, force: true });
  fs.mkdirSync(installDir, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packed = run(npm, ['pack', `code-server@${CODE_SERVER_VERSION}`, '--silent'], installDir);
  const tarball = packed.stdout.trim().split('\n').pop();
  run('tar', ['-xzf', tarball], installDir);
  fs.rmSync(path.join(installDir, tarball), { force: true });
  if (!fs.existsSync(path.join(vscodeDir, 'out', 'server-main.js'))) throw new SetupError('code-server package has no lib/vscode/out/server-main.js');

  const npmInstall = ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  run(npm, npmInstall, packageDir);
  run(npm, npmInstall, vscodeDir);
  run(npm, npmInstall, path.join(vscodeDir, 'extensions'));

  // node-pty's post-install step may fail after the module itself built: check the .node files.
  run(npm, ['rebuild', ...NATIVE_MODULES, '--loglevel=error'], vscodeDir, { allowFailure: true });
  const unbuilt = NATIVE_MODULES.filter((m) => !nativeModuleBuilt(m));
  if (unbuilt.length) throw new SetupError(`native modules did not build: ${unbuilt.join(', ')} (look under ${vscodeDir}/node_modules/*/build)`);

  const asar = path.join(vscodeDir, 'node_modules.asar');
  fs.rmSync(asar, { force: true });
  fs.symlinkSync('node_modules', asar);

  const rg = which('rg') ?? '/usr/bin/rg';
  if (!fs.existsSync(rg)) throw new SetupError('ripgrep (rg) not found: apt-get install -y ripgrep');
  const rgDest = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  fs.mkdirSync(path.dirname(rgDest), { recursive: true });
  fs.copyFileSync(rg, rgDest);
  fs.chmodSync(rgDest, 0o755);

  fs.writeFileSync(markerFile, JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: process.version, installedAt: new Date().toISOString() }, null, 2) + '\n');
  if (!quiet) console.error(`[vscode] installed in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  return vscodeDir;
}

// ---------------------------------------------------------------------------------------------
// Starting the server.

/** A port on 127.0.0.1 that is free now: `wanted` when it is, else one the system picks. */
export function freePort(wanted = 0) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', (err) => (wanted && err.code === 'EADDRINUSE' ? freePort().then(resolve, reject) : reject(err)));
    srv.listen(wanted, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => { req.destroy(); resolve(0); });
    req.on('error', () => resolve(0));
  });
}

/** Resolves when `predicate()` is truthy; re-checks on `events` and at most every `intervalMs`. */
export async function waitFor(predicate, { timeoutMs, intervalMs = 100, what = 'condition', abort } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    const reason = abort?.();
    if (reason) throw new Error(`${what}: ${reason}`);
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/**
 * Starts the VS Code server. Options:
 *  - workspace: folder to open; extensionPath: extension under development (optional);
 *  - testsPath: the tests module (its run() is called in the extension host);
 *  - openFile: a file to open in an editor; port: a fixed port (default: a free one);
 *  - settings: extra user settings;
 *  - installExtensions: .vsix files installed (server CLI, --install-extension) before the server starts;
 *  - locale: passed as --locale; offline the web workbench stays English (its translations come from a CDN);
 *  - env: extra environment for the server, inherited by its extension host;
 *  - log: 'inherit' | 'quiet' (default quiet: output kept in memory, see .log()).
 * Returns { url, urlFor({ openFile, ... }), port, baseUrl, runDir, log(), exited, stop() }.
 */
export async function startVSCodeServer({ workspace, extensionPath, testsPath, openFile, installExtensions = [], locale, port: fixedPort, settings: extraSettings = {}, env = {}, log = 'quiet', startTimeoutMs = 60_000 } = {}) {
  const vscode = ensureVSCodeServer();
  installHandlers();
  const port = fixedPort || (await freePort());
  const runDir = makeTempDir('run-');
  const userDataDir = path.join(runDir, 'user-data');
  const serverDataDir = path.join(runDir, 'server-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(serverDataDir, { recursive: true });
  // Settings for a quiet, deterministic workbench.
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    'window.commandCenter': false,
    ...extraSettings,
  };
  for (const dir of [path.join(userDataDir, 'User'), path.join(serverDataDir, 'data', 'Machine')]) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
  }

  const dataArgs = [
    '--accept-server-license-terms',
    '--user-data-dir', userDataDir,
    '--server-data-dir', serverDataDir,
    '--extensions-dir', path.join(serverDataDir, 'extensions'),
  ];
  for (const vsix of installExtensions) {
    // The server's CLI mode installs into --extensions-dir and exits; the server below loads it from there.
    const installed = spawnSync(process.execPath, [path.join(vscode, 'out', 'server-main.js'), ...dataArgs, '--install-extension', path.resolve(vsix)], { encoding: 'utf8' });
    if (installed.status !== 0 || !/successfully installed/.test(installed.stdout)) {
      removeTempDir(runDir);
      throw new Error(`installing ${vsix} failed (exit ${installed.status ?? installed.signal}):\n${installed.stdout}${installed.stderr}`);
    }
  }
  const args = [
    path.join(vscode, 'out', 'server-main.js'),
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--disable-telemetry',
    '--disable-update-check',
    ...dataArgs,
    ...(locale ? ['--locale', locale] : []),
  ];
  const output = [];
  const childEnv = { ...process.env, ...env };
  delete childEnv.VSCODE_CLI;
  delete childEnv.VSCODE_IPC_HOOK_CLI;
  const child = spawnTracked(process.execPath, args, {
    cwd: runDir,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      output.push(chunk);
      if (output.length > 4000) output.splice(0, output.length - 2000); // a long `npm start` session
      if (log === 'inherit') process.stderr.write(chunk);
    });
  }
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let exitInfo;
  exited.then((info) => { exitInfo = info; });

  const baseUrl = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    await stopTracked(child);
    removeTempDir(runDir);
  };
  try {
    await waitFor(async () => (await httpStatus(baseUrl)) === 200, {
      timeoutMs: startTimeoutMs,
      what: 'the VS Code server to answer',
      abort: () => (exitInfo ? `server exited (${exitInfo.code ?? exitInfo.signal}):\n${output.join('').slice(-3000)}` : undefined),
    });
  } catch (err) {
    await stop();
    throw err;
  }

  const urlFor = (opts = {}) => {
    const query = [];
    const folder = opts.workspace ?? workspace;
    if (folder) query.push(`folder=${encodeURIComponent(path.resolve(folder)).replace(/%2F/g, '/')}`);
    const payload = [];
    const ext = opts.extensionPath ?? extensionPath;
    const tests = opts.testsPath ?? testsPath;
    const file = opts.openFile ?? openFile;
    if (ext) payload.push(['extensionDevelopmentPath', remoteUri(port, path.resolve(ext))]);
    if (tests) payload.push(['extensionTestsPath', remoteUri(port, path.resolve(tests))]);
    if (file) payload.push(['openFile', remoteUri(port, path.resolve(file))]);
    if (payload.length) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
    return baseUrl + (query.length ? `?${query.join('&')}` : '');
  };
  const url = urlFor();

  return {
    url,
    urlFor,
    port,
    baseUrl,
    runDir,
    process: child,
    exited,
    log: () => output.join(''),
    stop,
  };
}
