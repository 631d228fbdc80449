// The bundled language server over stdio, as an editor drives it: a readout edited 100 times a
// second for 2 seconds ends with the model of a fresh parse, and a huge readout is told once that
// its colours are limited.

import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { FULL_TOKENS_LIMIT } from '../../server/src/features/semanticTokens';
import { readTextFile } from '../../server/src/io/readText';
import { ROOT, seedPath } from './helpers';

const SERVER = join(ROOT, 'dist', 'server', 'server.js');

interface Symbol {
  name: string;
  children?: Symbol[];
}

/** Names of an outline, depth first, so that two outlines compare as one list. */
function names(symbols: readonly Symbol[]): string[] {
  return symbols.flatMap((symbol) => [symbol.name, ...names(symbol.children ?? [])]);
}

describe('the language server over stdio', () => {
  let server: ChildProcess;
  let connection: MessageConnection;
  const messages: string[] = [];

  before(async () => {
    assert.ok(existsSync(SERVER), 'dist/server/server.js is missing: run npm run build first');
    server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.onNotification('window/showMessage', ({ message }: { message: string }) => messages.push(message));
    connection.listen();
    // An empty workspace folder: only the documents opened here are read.
    const folder = mkdtempSync(join(tmpdir(), 'kaidan-protocol-'));
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, workspaceFolders: [], capabilities: {} });
    await connection.sendNotification('initialized', {});
  });

  after(async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await new Promise((done) => server.once('exit', done));
    connection.dispose();
  });

  it('ends 200 edits at 100 a second with the outline and tokens of a fresh parse of the final text', async () => {
    const seed = readTextFile(seedPath(1));
    const uri = 'untitled:edited.readout';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'readout', version: 1, text: seed } });
    let text = seed;
    for (let version = 2; version <= 201; version++) {
      // Typing at the end of a line somewhere in the middle, and now and then deleting what was typed.
      const lines = text.split('\n');
      const line = 5 + (version % 15);
      const character = lines[line].length;
      const deleting = version % 7 === 0 && character > 0;
      const range = deleting
        ? { start: { line, character: character - 1 }, end: { line, character } }
        : { start: { line, character }, end: { line, character } };
      const inserted = deleting ? '' : version % 11 === 0 ? '\n' : '旨述べた。';
      lines[line] = deleting ? lines[line].slice(0, -1) : lines[line] + inserted;
      text = lines.join('\n');
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: inserted }] });
      // What an editor asks for while typing.
      if (version % 10 === 0) await connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
      await new Promise((done) => setTimeout(done, 10));
    }
    const fresh = 'untitled:fresh.readout';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: fresh, languageId: 'readout', version: 1, text } });
    const outline = (target: string) => connection.sendRequest<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri: target } });
    const tokens = (target: string) => connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: target } });
    assert.deepEqual(names(await outline(uri)), names(await outline(fresh)));
    assert.deepEqual((await tokens(uri)).data, (await tokens(fresh)).data);
    assert.ok(names(await outline(uri)).some((name) => name.startsWith('2 日米関係')), 'the edited readout still has its sections');
  });

  it('tells once that a huge readout gets only speakers and mentions coloured', async () => {
    const part = `日米外相会談(概要)\n\n${readTextFile(seedPath(1))}\n`;
    const text = part.repeat(Math.ceil(FULL_TOKENS_LIMIT / part.length) + 1);
    const uri = 'untitled:huge.readout';
    const before = messages.length;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'readout', version: 1, text } });
    const outline = await connection.sendRequest<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(outline.length > 0, 'the huge readout still has an outline');
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '。' }] });
    await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const told = messages.slice(before).filter((message) => message.includes('huge.readout'));
    assert.equal(told.length, 1, JSON.stringify(messages.slice(before)));
    assert.match(told[0], /very large/);
  });
});
