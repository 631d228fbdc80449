#!/usr/bin/env node
// npm run test:start — `npm start` as a new user runs it, through npm: it prints no npm warning and
// no line about a failed step, serves the editor on its fixed default port (when free),
// and that URL answers. Then it is stopped with Ctrl-C (SIGINT), as a user would.
import { spawn } from 'node:child_process';
import { freePort, repoRoot } from './vscode/server.mjs';

const TIMEOUT_MS = 180_000;
const READY = /Kaidan is running on corpus\/: open (http:\/\/127\.0\.0\.1:(\d+)\/\S*) in a browser/;

function fail(message, output) {
  console.error(`test:start: ${message}\n${output}`);
  process.exit(1);
}

// The port start.mjs serves on by default, unless something here holds it already.
const port = await freePort(8470);
const env = { ...process.env, KAIDAN_WEB: '1' };
delete env.KAIDAN_PORT;
const child = spawn('npm', ['start'], { cwd: repoRoot, env, detached: true });
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));
const timer = setTimeout(() => {
  process.kill(-child.pid, 'SIGKILL');
  fail(`no 'Kaidan is running' line after ${TIMEOUT_MS / 1000} s`, output);
}, TIMEOUT_MS);

const url = await new Promise((resolve) => {
  const check = () => {
    const ready = READY.exec(output);
    if (ready) resolve(ready);
  };
  child.stdout.on('data', check);
  child.on('exit', (code) => fail(`npm start exited (${code}) before serving`, output));
});
clearTimeout(timer);
const response = await fetch(url[1]).catch((error) => fail(`${url[1]} does not answer: ${error.message}`, output));
process.kill(-child.pid, 'SIGINT');
child.removeAllListeners('exit');
await new Promise((resolve) => child.on('exit', resolve));

const noise = output.split('\n').filter((line) => /npm (warn|WARN|ERR)|exit(ed)? (code )?1\b|\bexit 1\b/.test(line));
if (Number(url[2]) !== port) fail(`served on ${url[2]}, not on the default port ${port}`, output);
if (!response.ok) fail(`${url[1]} answered ${response.status}`, output);
if (noise.length) fail(`npm start printed:\n${noise.join('\n')}`, output);
console.log(`test:start: npm start served ${url[1]} (HTTP ${response.status}) with no npm warning or failed step`);
