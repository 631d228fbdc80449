// Faults in the real editor: a readout edited up to 100 times a second ends with the model
// of a fresh parse, and a killed language server is restarted by the client with its features back.
// Last of the suite, since it kills the server.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateKaidan, corpusFile, documentSymbols, open, waitUntil } from './helpers';

interface ServerInfoApi {
  serverInfo(): Promise<{ pid: number }>;
}

/** Over the service's INCREMENTAL_TOKENS_MIN (200,000), so that tokens are brought up to date line by line while typing. */
const LARGE_READOUT_CHARS = 250_000;
const EDITS = 200;
const EDIT_INTERVAL_MS = 10;

/** The outline as plain data, to compare two documents' outlines. */
function outlineOf(symbols: vscode.DocumentSymbol[]): unknown[] {
  const range = (r: vscode.Range) => [r.start.line, r.start.character, r.end.line, r.end.character];
  return symbols.map((s) => ({ name: s.name, detail: s.detail, kind: s.kind, range: range(s.range), selection: range(s.selectionRange), children: outlineOf(s.children) }));
}

async function semanticTokens(uri: vscode.Uri): Promise<number[]> {
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', uri);
  assert.ok(tokens, `no semantic tokens for ${uri.toString()}`);
  return [...tokens.data];
}

/** A deterministic pseudo-random sequence (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What typing in a readout adds: line breaks, numbering, speaker tags, names, dates, sentence ends. */
const SNIPPETS = ['\n', '\n2 日露関係\n', '(1) ', '【記者】', '【大臣】', '(岸田外務大臣)', '令和4年1月7日、', '米国', '。', '　', 'ア', '1 '];

/** One small edit at a random place: an insertion, a deletion or a replacement of a few characters. */
function randomEdit(document: vscode.TextDocument, next: () => number): vscode.WorkspaceEdit {
  const line = document.lineAt(Math.floor(next() * document.lineCount));
  // Half the edits at a line start, where structure (numbering, tags) is read.
  const character = next() < 0.5 ? 0 : Math.floor(next() * (line.text.length + 1));
  const start = new vscode.Position(line.lineNumber, character);
  const end = document.positionAt(document.offsetAt(start) + Math.floor(next() * 4));
  const snippet = SNIPPETS[Math.floor(next() * SNIPPETS.length)];
  const edit = new vscode.WorkspaceEdit();
  const kind = next();
  if (kind < 0.4) edit.insert(document.uri, start, snippet);
  else if (kind < 0.7) edit.delete(document.uri, new vscode.Range(start, end));
  else edit.replace(document.uri, new vscode.Range(start, end), snippet);
  return edit;
}

/**
 * Applies `count` edits in turn, each one `intervalMs` after the last began at most: the rate is the
 * scenario. Each edit waits for the one before, since its place is found in the text that one left.
 */
async function editAtRate(document: vscode.TextDocument, count: number, intervalMs: number, next: () => number): Promise<void> {
  const started = Date.now();
  for (let i = 0; i < count; i++) {
    assert.ok(await vscode.workspace.applyEdit(randomEdit(document, next)), `edit ${i + 1} was not applied`);
    const early = started + (i + 1) * intervalMs - Date.now();
    if (early > 0) await new Promise((resolve) => setTimeout(resolve, early));
  }
}

/** Waits until `probe` gives the same answer for both documents; fails with the last difference. */
async function waitUntilSame<T>(what: string, probe: (uri: vscode.Uri) => Promise<T>, edited: vscode.Uri, fresh: vscode.Uri, intervalMs: number): Promise<void> {
  let last = '';
  try {
    await waitUntil(
      async () => {
        const [a, b] = [JSON.stringify(await probe(edited)), JSON.stringify(await probe(fresh))];
        last = `edited: ${a.slice(0, 300)}…\nfresh:  ${b.slice(0, 300)}…`;
        return a === b;
      },
      { what, timeoutMs: 15_000, intervalMs },
    );
  } catch (error) {
    assert.fail(`${(error as Error).message}\n${last}`);
  }
}

suite('Faults', () => {
  suiteSetup(async () => {
    await activateKaidan();
  });

  test('a large readout edited 200 times, up to 100 times a second, ends with the outline and tokens of a fresh parse', async () => {
    const seeds = await Promise.all(['seed-000-', 'seed-001-', 'seed-003-'].map(async (prefix) => new TextDecoder().decode(await vscode.workspace.fs.readFile(await corpusFile(prefix)))));
    let content = '';
    while (content.length < LARGE_READOUT_CHARS) content += seeds.join('\n');
    const edited = await vscode.workspace.openTextDocument({ language: 'readout', content });
    // Visible, so that the editor asks for semantic tokens while the edits arrive, as when typing.
    await vscode.window.showTextDocument(edited, { preview: false });
    try {
      await documentSymbols(edited.uri);
      await editAtRate(edited, EDITS, EDIT_INTERVAL_MS, random(7));
      assert.notEqual(edited.getText(), content, 'the edits changed the text');
      const fresh = await vscode.workspace.openTextDocument({ language: 'readout', content: edited.getText() });
      // Tokens read line by line are replaced after a full parse, 600 ms after the last request for them
      // (server.ts FULL_PARSE_DELAY_MS): asking less often lets that happen.
      await waitUntilSame('the same semantic tokens', semanticTokens, edited.uri, fresh.uri, 700);
      await waitUntilSame('the same outline', async (uri) => outlineOf(await documentSymbols(uri)), edited.uri, fresh.uri, 200);
    } finally {
      await vscode.window.showTextDocument(edited);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('the server killed: the client restarts it, and the outline comes back from the new process', async () => {
    const api = (await activateKaidan()) as unknown as ServerInfoApi;
    assert.ok(typeof api.serverInfo === 'function', 'activate() must return serverInfo()');
    const uri = await corpusFile('seed-001-');
    await open(uri);
    const before = outlineOf(await documentSymbols(uri));
    const { pid } = await api.serverInfo();
    process.kill(pid, 'SIGKILL');
    // Requests in flight while the server is down are rejected: the next try asks again.
    const after = await waitUntil(
      async () => {
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri).then(undefined, () => undefined);
        const info = await api.serverInfo().catch(() => undefined);
        return symbols && symbols.length > 0 && info && info.pid !== pid && { pid: info.pid, outline: outlineOf(symbols) };
      },
      { what: 'an outline from a restarted server', timeoutMs: 30_000, intervalMs: 200 },
    );
    assert.notEqual(after.pid, pid);
    assert.deepStrictEqual(after.outline, before);
  });
});
