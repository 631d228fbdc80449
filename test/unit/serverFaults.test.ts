// The bundled language server over stdio under faults: a client that refuses to create a progress
// bar, frames whose Content-Length cannot be right, and an error thrown where no handler catches it
// (that one in a process of its own, with the policy the server installs).
// The server logs each in one line and keeps answering. Its kuromoji dictionary is a path that does
// not exist, so topics are off (said once) and no 370 MB worker loads.

import assert from 'node:assert/strict';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { MessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { readTextFile } from '../../server/src/io/readText';
import { ROOT, seedPath } from './helpers';

const SERVER = join(ROOT, 'dist', 'server', 'server.js');
const MISSING_DICTIONARY = join(tmpdir(), 'kaidan-no-such-dict');

interface Symbol {
  name: string;
  children?: Symbol[];
}

/** Rejects when the server has not answered in time (a connection that lost its place answers nothing). */
function answered<T>(request: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([request, late]).finally(() => clearTimeout(timer));
}

describe('the language server over stdio, under faults', () => {
  let server: ChildProcess;
  let connection: MessageConnection;
  let exitCode: number | null = null;
  const logs: string[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'kaidan-faults-'));
  const seed = join(folder, basename(seedPath(1)));
  const seedUri = pathToFileURL(seed).href;

  before(async () => {
    assert.ok(existsSync(SERVER), 'dist/server/server.js is missing: run npm run build first');
    copyFileSync(seedPath(1), seed);
    copyFileSync(seedPath(3), join(folder, basename(seedPath(3))));
    server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, KAIDAN_KUROMOJI_DICT: MISSING_DICTIONARY } });
    server.once('exit', (code) => (exitCode = code));
    connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    // The protocol lets a client refuse: the server must index all the same, without a progress bar.
    connection.onRequest('window/workDoneProgress/create', () => new ResponseError(-32603, 'no progress bars here'));
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.onNotification('window/logMessage', ({ message }: { message: string }) => logs.push(message));
    connection.listen();
    const capabilities = { window: { workDoneProgress: true } };
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, workspaceFolders: null, capabilities });
    await connection.sendNotification('initialized', {});
  });

  after(async () => {
    if (exitCode === null) {
      const exited = new Promise((done) => server.once('exit', done));
      // A server that stopped answering is ended, so that a failed test does not hang the run.
      await answered(connection.sendRequest('shutdown'), 5000).then(
        () => connection.sendNotification('exit'),
        () => server.kill(),
      );
      await exited;
    }
    connection.dispose();
  });

  it('indexes without a progress bar when the client refuses one, and answers outlines and workspace symbols', async () => {
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: seedUri, languageId: 'readout', version: 1, text: readTextFile(seed) } });
    const outline = await answered(connection.sendRequest<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri: seedUri } }));
    assert.ok(outline.some((symbol) => symbol.children?.some((child) => child.name.startsWith('2 日米関係'))), JSON.stringify(outline.map((s) => s.name)));
    const symbols = await answered(connection.sendRequest<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: '' }));
    const files = new Set(symbols.map((symbol) => basename(symbol.location.uri)));
    assert.deepEqual([...files].sort(), [basename(seedPath(1)), basename(seedPath(3))].sort());
    const state = await answered(connection.sendRequest<{ state: string; files: number }>('kaidan/indexState'));
    assert.equal(state.state, 'ready');
    assert.deepEqual(
      logs.filter((line) => /progress bar/.test(line)),
      ['The client did not create a progress bar (no progress bars here); indexing goes on without one.'],
    );
    assert.equal(exitCode, null);
  });

  it('says once that the dictionary did not load, however many topic passes there are', async () => {
    // Each edit that reaches the index brings a topics pass.
    for (let version = 2; version <= 4; version++) {
      const text = readTextFile(seed) + '\n追記。'.repeat(version);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri: seedUri, version }, contentChanges: [{ text }] });
      await new Promise((done) => setTimeout(done, 500));
    }
    await answered(connection.sendRequest('workspace/symbol', { query: '' }));
    const told = logs.filter((line) => line.includes(MISSING_DICTIONARY));
    assert.equal(told.length, 1, JSON.stringify(told));
    assert.match(told[0], /^the kuromoji dictionary at .* did not load: ENOENT.*Topics are off; loading is tried again later, less often each time$/);
  });

  const request = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'kaidan/indexState' });
  const badFrames: [string, string, string][] = [
    ['a Content-Length that is not a number', `Content-Length: abc\r\n\r\n${request(901)}`, 'Content-Length "abc" is not a non-negative integer'],
    ['a negative Content-Length', `Content-Length: -5\r\n\r\n${request(902)}`, 'Content-Length "-5" is not a non-negative integer'],
    ['a Content-Length too small for its body', `Content-Length: 10\r\n\r\n${request(903)}`, 'Content-Length 10 does not frame a JSON object'],
    ['a Content-Length of 0 before a body', `Content-Length: 0\r\n\r\n${request(904)}`, 'Content-Length 0 does not frame a JSON object'],
    ['a header line that is not a header', `{"jsonrpc": "2.0"}\r\n\r\n`, 'a header line without a name and \':\' ("{\\"jsonrpc\\": \\"2.0\\"}")'],
  ];
  for (const [name, frame, reason] of badFrames) {
    it(`skips a frame with ${name}, logs it in one line, and answers the next request`, async () => {
      const before = logs.length;
      server.stdin!.write(frame);
      const state = await answered(connection.sendRequest<{ state: string }>('kaidan/indexState'));
      assert.equal(state.state, 'ready');
      assert.deepEqual(
        logs.slice(before).filter((line) => /frame/.test(line)),
        [`A message frame could not be read (${reason}); skipped to the next Content-Length header.`],
      );
      assert.equal(exitCode, null);
    });
  }

  it('answers a request written one byte at a time after a bad frame', async () => {
    server.stdin!.write(`Content-Length: x\r\n\r\n${request(905)}`);
    const body = request(906);
    const frame = Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const reply = new Promise<{ id: number; result: { state: string } }>((resolve) => {
      const reader = new StreamMessageReader(server.stdout!);
      // A second reader sees the same bytes as the connection's: only the answer to 906 is wanted here.
      const listening = reader.listen((message) => {
        if ((message as { id?: number }).id !== 906) return;
        listening.dispose();
        resolve(message as never);
      });
    });
    for (const byte of frame) server.stdin!.write(Buffer.from([byte]));
    assert.equal((await answered(reply)).result.state, 'ready');
  });
});

// The policy the server installs at start, in a process of its own: a throw from a timer and a
// rejection nobody hears are each one line, and the process goes on to its own end.
describe('the server process after a fault no handler caught', () => {
  it('logs a throw from a timer and an unheard rejection on one line each, and goes on', () => {
    const policy = join(ROOT, 'out', 'server', 'src', 'processPolicy.js');
    const script = [
      `require(${JSON.stringify(policy)}).keepServingOnFaults((line) => console.log(line.replace(/ \\(at .*\\)/, '')));`,
      "setTimeout(() => { throw new TypeError('a timer fault'); }, 10);",
      "setTimeout(() => void Promise.reject(new RangeError('an unheard fault')), 20);",
      "setTimeout(() => console.log('still serving'), 60);",
    ].join('\n');
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.stdout.trim().split('\n'), [
      'An unexpected error: TypeError: a timer fault; the server goes on.',
      'A failure nothing waited for: RangeError: an unheard fault; the server goes on.',
      'still serving',
    ]);
  });
});
