// Shared helpers for the integration tests (not a test file: no .test. in its name).
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kaidan.kaidan';

/** What the extension's activate() returns. */
export interface KaidanApi {
  /** resolves when the language client is running */
  ready: Promise<void>;
}

export function extension(): vscode.Extension<KaidanApi> {
  const ext = vscode.extensions.getExtension<KaidanApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return ext;
}

/** Activates the extension (if needed) and waits until its language client is running. */
export async function activateKaidan(): Promise<KaidanApi> {
  const api = await extension().activate();
  assert.ok(api && typeof api.ready?.then === 'function', 'activate() must return { ready: Promise<void> }');
  await api.ready;
  return api;
}

/**
 * Resolves with the first truthy value of `check()`. It is re-checked whenever one of `events`
 * fires, and otherwise every `intervalMs` (for state VS Code has no event for); fails after `timeoutMs`.
 */
export function waitUntil<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  { what, timeoutMs = 20_000, intervalMs = 50, events = [] }: { what: string; timeoutMs?: number; intervalMs?: number; events?: vscode.Event<unknown>[] },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const disposables: vscode.Disposable[] = [];
    let done = false;
    let checking = false;
    const finish = (err: Error | undefined, value?: T) => {
      if (done) return;
      done = true;
      clearInterval(interval);
      clearTimeout(timer);
      disposables.forEach((d) => d.dispose());
      if (err) reject(err);
      else resolve(value as T);
    };
    const probe = async () => {
      if (done || checking) return;
      checking = true;
      try {
        const value = await check();
        if (value) finish(undefined, value);
      } catch (err) {
        finish(err instanceof Error ? err : new Error(String(err)));
      } finally {
        checking = false;
      }
    };
    for (const event of events) disposables.push(event(() => void probe()));
    const interval = setInterval(() => void probe(), intervalMs);
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    void probe();
  });
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (the tests expect corpus/)');
  return folder;
}

/** The corpus readout whose file name starts with `prefix` (e.g. 'seed-001-'). */
export async function corpusFile(prefix: string): Promise<vscode.Uri> {
  const root = workspaceFolder().uri;
  const entries = await vscode.workspace.fs.readDirectory(root);
  const names = entries
    .filter(([name, type]) => type === vscode.FileType.File && name.startsWith(prefix) && name.endsWith('.readout.txt'))
    .map(([name]) => name)
    .sort();
  assert.ok(names.length > 0, `no ${prefix}*.readout.txt in ${root.toString()} (found: ${entries.map(([n]) => n).join(', ')})`);
  return vscode.Uri.joinPath(root, names[0]);
}

/** A file under test/fixtures/ of the extension under test. */
export function fixture(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(extension().extensionUri, 'test', 'fixtures', ...segments);
}

/** Opens a document in an editor and returns it. */
export async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The open document for `uri` once its languageId is `languageId` (the extension may switch it). */
export function waitForLanguage(uri: vscode.Uri, languageId: string, timeoutMs = 20_000): Promise<vscode.TextDocument> {
  return waitUntil(
    () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === languageId),
    {
      what: `${uri.path.split('/').pop()} to have languageId '${languageId}'`,
      timeoutMs,
      events: [vscode.workspace.onDidOpenTextDocument, vscode.window.onDidChangeActiveTextEditor],
    },
  );
}

/** Document symbols as a tree; fails if the provider answered nothing or flat SymbolInformation. */
export async function documentSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>(
    'vscode.executeDocumentSymbolProvider',
    uri,
  );
  assert.ok(symbols && symbols.length > 0, `no document symbols for ${uri.path.split('/').pop()}`);
  for (const s of symbols) assert.ok('children' in s, 'expected hierarchical DocumentSymbol[], got SymbolInformation[]');
  return symbols as vscode.DocumentSymbol[];
}

export async function foldingRanges(uri: vscode.Uri): Promise<vscode.FoldingRange[]> {
  const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[] | undefined>('vscode.executeFoldingRangeProvider', uri);
  return ranges ?? [];
}

/** Every symbol of the tree with its parent (undefined for roots), depth first. */
export function walk(symbols: vscode.DocumentSymbol[], parent?: vscode.DocumentSymbol): { symbol: vscode.DocumentSymbol; parent?: vscode.DocumentSymbol }[] {
  return symbols.flatMap((symbol) => [{ symbol, parent }, ...walk(symbol.children, symbol)]);
}

/** Names are compared after NFKC (so （１） and (1), full- and half-width spaces, match). */
export function norm(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

export function findByPrefix(symbols: vscode.DocumentSymbol[], prefix: string): vscode.DocumentSymbol | undefined {
  return symbols.find((s) => norm(s.name).startsWith(norm(prefix)));
}

/** The top-level symbol whose children include a name starting with each prefix. */
export function rootWithChildren(symbols: vscode.DocumentSymbol[], prefixes: string[]): vscode.DocumentSymbol | undefined {
  return symbols.find((s) => prefixes.every((p) => findByPrefix(s.children, p)));
}

export function describeTree(symbols: vscode.DocumentSymbol[], depth = 0, max = 60): string {
  const lines: string[] = [];
  const visit = (list: vscode.DocumentSymbol[], d: number) => {
    for (const s of list) {
      if (lines.length >= max) return;
      lines.push(`${'  '.repeat(d)}${s.name.slice(0, 40)} [${s.range.start.line}-${s.range.end.line}]`);
      visit(s.children, d + 1);
    }
  };
  visit(symbols, depth);
  return lines.join('\n');
}

export function fmt(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}
