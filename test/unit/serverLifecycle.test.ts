// The bundled language server over stdio, across documents' lifecycles: its heap comes back after
// documents are opened, edited, hovered and closed by the hundred; a document opened again with the
// same version and other text is read anew; a request before `initialize` does not leave the corpus
// empty; URIs no local path stands for (a UNC share, an encoded '/') are served, not fatal.

import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { readTextFile } from '../../server/src/io/readText';
import { CORPUS, ROOT, seedPath } from './helpers';

const SERVER = join(ROOT, 'dist', 'server', 'server.js');
const MB = 1024 * 1024;
const SEED_1 = readTextFile(seedPath(1));
const SEED_3 = readTextFile(seedPath(3));
/** Seed 003's opening: 13 meeting references in 2,473 characters. */
const DENSE = SEED_3.slice(0, SEED_3.lastIndexOf('。', 2500) + 1);
/** On 'ラヴロフ' in '(ラヴロフ外務大臣)', the 8th line of seed 003. */
const HOVERED = { line: 7, character: 2 };

interface Server {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly exited: Promise<number | null>;
}

/** The bundle with the collector exposed (as the extension starts it), not yet initialized. */
function startServer(): Server {
  assert.ok(existsSync(SERVER), 'dist/server/server.js is missing: run npm run build first');
  const child = spawn(process.execPath, ['--expose-gc', SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/semanticTokens/refresh', () => null);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  return { process: child, connection, exited };
}

/** Initializes with corpus/ as the workspace folder and waits for its index. */
async function initialize({ connection }: Server): Promise<void> {
  const folder = pathToFileURL(CORPUS).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'corpus' }], capabilities: {} });
  await connection.sendNotification('initialized', {});
}

async function stop({ connection, exited }: Server): Promise<void> {
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await exited;
  connection.dispose();
}

const open = (server: Server, uri: string, version: number, text: string) =>
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'readout', version, text } });
const close = (server: Server, uri: string) => server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
const insertAtStart = (server: Server, uri: string, version: number, text: string) =>
  server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text }],
  });
const hover = (server: Server, uri: string) => server.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: HOVERED });
const codeLenses = (server: Server, uri: string) => server.connection.sendRequest<{ command: { title: string } }[] | null>('textDocument/codeLens', { textDocument: { uri } });
const outline = (server: Server, uri: string) => server.connection.sendRequest<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
const heapUsed = async (server: Server) => (await server.connection.sendRequest<{ heapUsed: number }>('kaidan/serverInfo')).heapUsed;

describe('the language server over stdio, across documents’ lifecycles', () => {
  let server: Server;

  before(async () => {
    server = startServer();
    // The corpus's topics arrive from kuromoji's worker after the index: the heap is measured after them.
    const topics = new Promise((done) => server.connection.onNotification('kaidan/topicsState', done));
    await initialize(server);
    await server.connection.sendRequest('kaidan/meetings');
    await topics;
  });

  after(() => stop(server));

  it('gives its heap back after 400 documents opened, edited, hovered, asked code lenses and closed, and 300 edits of one', async () => {
    const lifecycle = async (n: number) => {
      const uri = `untitled:Untitled-${n}`;
      await open(server, uri, 1, `${n}\n${DENSE}`);
      await outline(server, uri);
      await hover(server, uri);
      await insertAtStart(server, uri, 2, '。');
      await hover(server, uri);
      await codeLenses(server, uri);
      await close(server, uri);
    };
    const edits = async (count: number) => {
      const uri = 'untitled:edited';
      await open(server, uri, 1, DENSE);
      for (let version = 2; version <= count; version++) {
        await insertAtStart(server, uri, version, 'あ');
        await hover(server, uri);
        await codeLenses(server, uri);
      }
      await close(server, uri);
    };
    // Warm up what is made once (compiled code, the corpus's lookups) before the heap is measured.
    for (let n = 0; n < 20; n++) await lifecycle(n);
    await edits(20);
    const start = await heapUsed(server);
    assert.equal(typeof start, 'number', 'kaidan/serverInfo tells the heap');
    for (let n = 0; n < 400; n++) await lifecycle(n);
    await edits(300);
    const grown = ((await heapUsed(server)) - start) / MB;
    assert.ok(grown < 3, `the server's heap grew by ${grown.toFixed(1)} MB`);
  });

  it('reads a document opened again with the same URI and version and other text anew', async () => {
    const uri = 'untitled:reopened';
    await open(server, uri, 1, SEED_1);
    assert.equal((await outline(server, uri))[0].name, '日米外相会談(概要)');
    await open(server, uri, 1, SEED_3);
    assert.equal((await outline(server, uri))[0].name, '日露外務・防衛閣僚会合共同記者発表概要');
    await close(server, uri);
  });

  it('serves documents whose URIs no local path stands for: a UNC share and an encoded /', async () => {
    const uris = ['file://host/share/2018-08-01-dense.readout', 'file:///tmp/a%2Fb/2018-08-01-dense.readout'];
    for (const uri of uris) {
      await open(server, uri, 1, DENSE);
      await insertAtStart(server, uri, 2, '。');
    }
    // The index takes the editor's text after a pause in typing (300 ms).
    await new Promise((done) => setTimeout(done, 600));
    for (const uri of uris) {
      assert.match((await hover(server, uri))?.contents.value ?? '', /ラヴロフ/, uri);
      assert.match((await codeLenses(server, uri))?.[0].command.title ?? '', /related meeting/, uri);
      await close(server, uri);
    }
    await new Promise((done) => setTimeout(done, 100));
    assert.equal(server.process.exitCode, null, 'the server still runs');
  });
});

describe('a request before initialize', () => {
  it('is refused, and the corpus is built after initialize all the same', async () => {
    const server = startServer();
    try {
      await assert.rejects(server.connection.sendRequest('kaidan/meetings'), { code: -32002 });
      await initialize(server);
      const meetings = await server.connection.sendRequest<unknown[]>('kaidan/meetings');
      // corpus/'s 34 readouts hold 36 meetings.
      assert.equal(meetings.length, 36);
    } finally {
      await stop(server);
    }
  });
});
