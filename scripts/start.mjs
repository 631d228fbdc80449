#!/usr/bin/env node
// npm start (after npm run build): VS Code with Kaidan under development and a folder of readouts
// open (corpus/ unless `npm start -- FOLDER` names another). With a desktop `code` on PATH it runs
// that; otherwise it starts the offline VS Code server (.cache/vscode-server/) and prints a URL to
// open in a browser. Ctrl-C stops everything.
//
//   KAIDAN_PORT=8080   serve on this port (default: 8470, or a free one when that is taken); 127.0.0.1 only
//   KAIDAN_WEB=1       use the VS Code server even when `code` is on PATH
//   KAIDAN_VSCODE_LOG=1  echo the server's log
//   KAIDAN_VSCODE_EXTENSION=/path  another extension (default: this repository)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SetupError, ensureJapaneseFont, ensureVSCodeServer, freePort, repoRoot, startVSCodeServer, which } from './vscode/server.mjs';

// The same port each time, so that a browser tab left open finds the editor again after a restart.
const DEFAULT_PORT = 8470;

const workspace = path.resolve(process.argv[2] ?? path.join(repoRoot, 'corpus'));
if (!fs.statSync(workspace, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`start: ${workspace} is not a folder`);
  process.exit(1);
}
const extensionPath = path.resolve(process.env.KAIDAN_VSCODE_EXTENSION || repoRoot);
const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
if (manifest.main && !fs.existsSync(path.resolve(extensionPath, manifest.main))) {
  console.error(`start: ${manifest.main} is missing: run npm run build first`);
  process.exit(1);
}

const code = process.env.KAIDAN_WEB ? undefined : which('code');
if (code) {
  console.log(`Starting ${code} with Kaidan under development and ${path.relative(process.cwd(), workspace) || workspace}/ open`);
  const r = spawnSync(code, [`--extensionDevelopmentPath=${extensionPath}`, workspace], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

try {
  ensureVSCodeServer();
  // Readouts are Japanese: without a font for it, a browser on this machine draws every kanji as a box.
  try {
    ensureJapaneseFont();
  } catch (err) {
    console.error(`start: ${err instanceof SetupError ? err.message : err}; Japanese text may show as boxes`);
  }
  const server = await startVSCodeServer({
    workspace,
    extensionPath,
    port: Number(process.env.KAIDAN_PORT) || (await freePort(DEFAULT_PORT)),
    log: process.env.KAIDAN_VSCODE_LOG ? 'inherit' : 'quiet',
  });
  console.log(`Kaidan is running on ${path.relative(process.cwd(), workspace) || workspace}/: open ${server.url} in a browser (Ctrl-C to stop)`);
  // Runs until Ctrl-C (server.mjs stops the server and removes its data on SIGINT/SIGTERM).
  const { code: exitCode, signal } = await server.exited;
  console.error(`start: the VS Code server stopped (${exitCode ?? signal})\n${server.log().trim().split('\n').slice(-20).join('\n')}`);
  await server.stop();
  process.exit(1);
} catch (err) {
  console.error(`start: ${err instanceof SetupError ? err.message : err?.stack ?? err}`);
  process.exit(1);
}
