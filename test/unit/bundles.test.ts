// The built bundles make no network connections. A corpus is someone else's text: nothing the
// extension ships may reach out. This test builds nothing; it reads what `npm run build` made.
//
// What the bundles legitimately hold: vscode-jsonrpc's pipe and socket transports require 'net'
// and connect to a named pipe or to a port on 127.0.0.1 (the client talks to the server over
// Node IPC, but the transports are bundled all the same). Anything else that can open a
// connection — the http, https, http2, tls, dgram and dns modules, fetch, XMLHttpRequest,
// WebSocket, EventSource — fails the test unless it is listed in ALLOWED_WEB_CALLS with a reason.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './helpers';

const REQUIRED_BUNDLES = ['dist/client/extension.js', 'dist/server/server.js'];
const BUNDLE_FOLDERS = ['dist/client', 'dist/server'];

let loaded: Map<string, string> | null = null;

/**
 * Every bundle's text: the two the extension runs, and the others beside them (the CLI, workers).
 * Without a build every test fails, naming the command: a skipped check would pass unnoticed.
 */
function bundleSources(): Map<string, string> {
  const missing = REQUIRED_BUNDLES.filter((path) => !existsSync(join(ROOT, path)));
  assert.deepEqual(missing, [], `missing ${missing.join(', ')}: run \`npm run build\` before the unit tests`);
  loaded ??= new Map(
    BUNDLE_FOLDERS.flatMap((folder) => readdirSync(join(ROOT, folder)).filter((name) => name.endsWith('.js')).map((name) => `${folder}/${name}`)).map((path) => [
      path,
      readFileSync(join(ROOT, path), 'utf8'),
    ]),
  );
  return loaded;
}

const NETWORK_MODULES = /require\(\s*["'](?:node:)?(http|https|http2|tls|dgram|dns|dns\/promises)["']\s*\)/g;
const WEB_CALLS = /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bEventSource\b|\bsendBeacon\b/g;

/**
 * Web calls known to be unreachable. @vscode/l10n reads a translation bundle with fetch when it is
 * configured with an http(s) URI; the server configures it with a file path only (checked below).
 */
const ALLOWED_WEB_CALLS: readonly { bundle: string; why: string; isIt: (before: string, call: string) => boolean }[] = [
  {
    bundle: 'dist/server/server.js',
    why: "@vscode/l10n's readFileFromUri, behind `protocol === 'http:' || protocol === 'https:'`",
    isIt: (before, call) => /^fetch/.test(call) && /\.protocol\s*===\s*["']https?:["']\s*\|\|\s*[\w$]+\.protocol\s*===\s*["']https?:["']\s*\)\s*\{\s*(?:let|const|var)\s+[\w$]+\s*=\s*await\s*$/.test(before),
  },
];

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

describe('the built bundles', () => {
  it('exist, with the client and the server among them', () => {
    for (const path of REQUIRED_BUNDLES) assert.ok(bundleSources().has(path), path);
  });

  it('require no network module (http, https, http2, tls, dgram, dns)', () => {
    for (const [path, text] of bundleSources()) {
      const found = [...text.matchAll(NETWORK_MODULES)].map((match) => `${match[0]} at line ${lineOf(text, match.index!)}`);
      assert.deepEqual(found, [], `${path} requires a network module`);
    }
  });

  it('require modules by name only, so that none is loaded in disguise', () => {
    for (const [path, text] of bundleSources()) {
      const dynamic = [...text.matchAll(/(?<![\w$.])require\(\s*(?!["'])[^)]{0,40}/g)].map((match) => match[0]);
      assert.deepEqual(dynamic, [], `${path} calls require with a computed name`);
    }
  });

  it("use 'net' only for a named pipe or a socket on 127.0.0.1", () => {
    for (const [path, text] of bundleSources()) {
      const bindings = [...text.matchAll(/([\w$]+)\s*=\s*require\(\s*["'](?:node:)?net["']\s*\)/g)].map((match) => match[1]);
      for (const binding of bindings) {
        const uses = [...text.matchAll(new RegExp(`(?<![\\w$.])${binding.replace(/\$/g, '\\$')}\\.([\\w$]+)(\\)?\\(([^)]*)\\))?`, 'g'))];
        assert.ok(uses.length > 0, `${path}: ${binding} = require('net') is never used`);
        for (const [use, member, , args] of uses) {
          assert.ok(member === 'createServer' || member === 'createConnection', `${path}: net.${member} (${use.slice(0, 80)})`);
          // A pipe path alone, or a port on the loopback address: never a host from outside.
          if (member === 'createConnection') assert.match(args, /^\s*[\w$]+\s*(,\s*["']127\.0\.0\.1["']\s*)?$/, `${path}: ${use}`);
        }
      }
    }
  });

  it('call no fetch, XMLHttpRequest, WebSocket or EventSource outside the reviewed exceptions', () => {
    for (const [path, text] of bundleSources()) {
      for (const match of text.matchAll(WEB_CALLS)) {
        const before = text.slice(Math.max(0, match.index! - 200), match.index!);
        const allowed = ALLOWED_WEB_CALLS.some((entry) => entry.bundle === path && entry.isIt(before, text.slice(match.index!, match.index! + 20)));
        assert.ok(allowed, `${path} line ${lineOf(text, match.index!)}: ${match[0]} in …${before.slice(-120)}${text.slice(match.index!, match.index! + 40)}…`);
      }
    }
  });

  it('configure @vscode/l10n in the server with a file path or contents only, which keeps its fetch unreachable', () => {
    const folder = join(ROOT, 'server', 'src');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
    for (const file of files) {
      for (const match of readFileSync(join(folder, file), 'utf8').matchAll(/l10n\.config\(([^)]*)\)/g)) {
        assert.match(match[1], /^\{\s*(fsPath|contents)\s*:/, `server/src/${file}: l10n.config(${match[1]})`);
      }
    }
  });
});
