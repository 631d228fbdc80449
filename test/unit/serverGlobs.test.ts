// The bundled language server with the client's globs: files.exclude entries (sent with
// kaidan.corpus.exclude) keep a folder out of the index, and a hostile glob is refused with one
// warning in the output while the rest of the index is built.

import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { readTextFile } from '../../server/src/io/readText';
import { ROOT, seedPath } from './helpers';

const SERVER = join(ROOT, 'dist', 'server', 'server.js');
const HOSTILE = '*a*a*a*a*a*a*a*a*a*a*a*a*b';

describe('the language server with the client’s exclude globs', () => {
  let server: ChildProcess;
  let connection: MessageConnection;
  const warnings: string[] = [];
  let ready: Promise<void>;

  before(async () => {
    assert.ok(existsSync(SERVER), 'dist/server/server.js is missing: run npm run build first');
    const folder = mkdtempSync(join(tmpdir(), 'kaidan-globs-server-'));
    mkdirSync(join(folder, 'build', 'deep'), { recursive: true });
    writeFileSync(join(folder, 'build', 'deep', 'hidden.readout.txt'), readTextFile(seedPath(3)));
    writeFileSync(join(folder, 'kept.readout.txt'), readTextFile(seedPath(1)));
    server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/logMessage', ({ type, message }: { type: number; message: string }) => {
      if (type === 2) warnings.push(message);
    });
    ready = new Promise((resolve) => connection.onNotification('kaidan/indexState', (state: { state: string }) => state.state === 'ready' && resolve()));
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'w' }],
      capabilities: {},
      // As the client sends them: kaidan.corpus.exclude, then the files.exclude entries that are on.
      initializationOptions: { corpus: { exclude: [HOSTILE, '**/build'] } },
    });
    await connection.sendNotification('initialized', {});
  });

  after(async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await new Promise((done) => server.once('exit', done));
    connection.dispose();
  });

  it('indexes only what the globs admit and warns once about the refused one', async () => {
    await ready;
    const meetings = await connection.sendRequest<{ uri: string }[]>('kaidan/meetings');
    assert.deepEqual([...new Set(meetings.map((meeting) => meeting.uri.split('/').pop()))], ['kept.readout.txt']);
    assert.deepEqual(warnings, [`the exclude pattern "${HOSTILE}" in kaidan.corpus.exclude or files.exclude is ignored: it has 13 '*' between two slashes (at most 2)`]);
  });
});
