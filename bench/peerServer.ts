// The bench's peer as a language server over stdio: Microsoft's vscode-markdown-languageservice (the
// engine behind VS Code's Markdown support) over a folder of Markdown files on disk, parsed with
// markdown-it. It answers what the bench asks Kaidan: initialize, didOpen/didChange/didClose,
// documentSymbol, workspace/symbol and references. `node out/bench/peerServer.js --stdio`.

import { Dirent, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Emitter, TextDocumentSyncKind, createConnection } from 'vscode-languageserver/node';
import { IMdLanguageService, IMdParser, ITextDocument, IWorkspace, LogLevel, Token, createLanguageService, githubSlugifier } from 'vscode-markdown-languageservice';
import { URI } from 'vscode-uri';

// markdown-it ships no types; this is the one call the parser needs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: { html: boolean }) => { parse(text: string, env: object): Token[] };

const MARKDOWN = new Set(['.md']);
const isMarkdown = (path: string) => MARKDOWN.has(extname(path).toLowerCase());
/** One spelling of a URI, so that the client's and the service's strings agree. */
const keyOf = (uri: string | URI) => (typeof uri === 'string' ? URI.parse(uri) : uri).toString();

/** markdown-it as VS Code's Markdown extension configures it, keeping the tokens of the last document read. */
class MarkdownItParser implements IMdParser {
  readonly slugifier = githubSlugifier;
  readonly #engine = new MarkdownIt({ html: true });
  #last: { uri: string; version: number; tokens: Token[] } | null = null;

  async tokenize(document: ITextDocument): Promise<Token[]> {
    if (this.#last && this.#last.uri === document.uri && this.#last.version === document.version) return this.#last.tokens;
    const tokens = this.#engine.parse(document.getText(), {});
    this.#last = { uri: document.uri, version: document.version, tokens };
    return tokens;
  }
}

/** The workspace: the Markdown files under the root folder, with the editor's open documents over them. */
class FolderWorkspace implements IWorkspace {
  readonly #changed = new Emitter<ITextDocument>();
  readonly #created = new Emitter<ITextDocument>();
  readonly #deleted = new Emitter<URI>();
  readonly onDidChangeMarkdownDocument = this.#changed.event;
  readonly onDidCreateMarkdownDocument = this.#created.event;
  readonly onDidDeleteMarkdownDocument = this.#deleted.event;
  /** Documents the editor has open, by URI key. */
  readonly #open = new Map<string, TextDocument>();
  /** Files read from disk, by URI key, read once each. */
  readonly #onDisk = new Map<string, TextDocument>();
  #listing: Set<string> | null = null;

  constructor(private readonly roots: readonly string[]) {}

  get workspaceFolders(): readonly URI[] {
    return this.roots.map((root) => URI.file(root));
  }

  /** Every Markdown file under the roots, found once (the bench does not add files while it runs). */
  #files(): Set<string> {
    if (this.#listing) return this.#listing;
    const found: string[] = [];
    const walk = (folder: string) => {
      let entries: Dirent[];
      try {
        entries = readdirSync(folder, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.isFile() && isMarkdown(entry.name)) found.push(path);
      }
    };
    for (const root of this.roots) walk(root);
    this.#listing = new Set(found);
    return this.#listing;
  }

  #read(path: string): TextDocument | undefined {
    const uri = URI.file(path).toString();
    const known = this.#onDisk.get(uri);
    if (known) return known;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    const document = TextDocument.create(uri, 'markdown', 0, text);
    this.#onDisk.set(uri, document);
    return document;
  }

  async getAllMarkdownDocuments(): Promise<Iterable<ITextDocument>> {
    const all = new Map<string, ITextDocument>();
    for (const path of this.#files()) {
      const document = this.#read(path);
      if (document) all.set(document.uri, document);
    }
    for (const [uri, document] of this.#open) all.set(uri, document);
    return all.values();
  }

  hasMarkdownDocument(resource: URI): boolean {
    const uri = keyOf(resource);
    return this.#open.has(uri) || this.#onDisk.has(uri) || (resource.scheme === 'file' && this.#files().has(resource.fsPath));
  }

  async openMarkdownDocument(resource: URI): Promise<ITextDocument | undefined> {
    const open = this.#open.get(keyOf(resource));
    if (open) return open;
    return resource.scheme === 'file' && isMarkdown(resource.fsPath) ? this.#read(resource.fsPath) : undefined;
  }

  async stat(resource: URI): Promise<{ isDirectory: boolean } | undefined> {
    if (this.#open.has(keyOf(resource))) return { isDirectory: false };
    if (resource.scheme !== 'file') return undefined;
    const stats = statSync(resource.fsPath, { throwIfNoEntry: false });
    return stats ? { isDirectory: stats.isDirectory() } : undefined;
  }

  async readDirectory(resource: URI): Promise<Iterable<readonly [string, { isDirectory: boolean }]>> {
    if (resource.scheme !== 'file') return [];
    try {
      return readdirSync(resource.fsPath, { withFileTypes: true }).map((entry) => [entry.name, { isDirectory: entry.isDirectory() }] as const);
    } catch {
      return [];
    }
  }

  document(uri: string): TextDocument | undefined {
    const key = keyOf(uri);
    return this.#open.get(key) ?? (URI.parse(uri).scheme === 'file' ? this.#read(URI.parse(uri).fsPath) : undefined);
  }

  opened(uri: string, version: number, text: string): void {
    const key = keyOf(uri);
    const known = this.#onDisk.has(key) || this.#files().has(URI.parse(uri).fsPath);
    const document = TextDocument.create(key, 'markdown', version, text);
    this.#open.set(key, document);
    (known ? this.#changed : this.#created).fire(document);
  }

  changed(uri: string, version: number, changes: Parameters<typeof TextDocument.update>[1]): void {
    const key = keyOf(uri);
    const document = this.#open.get(key);
    if (!document) return;
    this.#changed.fire(TextDocument.update(document, changes, version));
  }

  closed(uri: string): void {
    const key = keyOf(uri);
    if (!this.#open.delete(key)) return;
    const path = URI.parse(uri).fsPath;
    this.#onDisk.delete(key);
    const onDisk = isMarkdown(path) ? this.#read(path) : undefined;
    if (onDisk) this.#changed.fire(onDisk);
    else this.#deleted.fire(URI.parse(key));
  }
}

const connection = createConnection();
let workspace: FolderWorkspace | null = null;
let service: IMdLanguageService | null = null;

const ready = (): { workspace: FolderWorkspace; service: IMdLanguageService } => {
  if (!workspace || !service) throw new Error('peer server: not initialized');
  return { workspace, service };
};

connection.onInitialize((params) => {
  const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspace = new FolderWorkspace(folders.map((uri) => URI.parse(uri).fsPath));
  service = createLanguageService({
    workspace,
    parser: new MarkdownItParser(),
    logger: { level: LogLevel.Off, log: () => undefined },
  });
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      referencesProvider: true,
    },
    serverInfo: { name: 'vscode-markdown-languageservice (bench peer)' },
  };
});

connection.onDidOpenTextDocument(({ textDocument }) => ready().workspace.opened(textDocument.uri, textDocument.version, textDocument.text));
connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => ready().workspace.changed(textDocument.uri, textDocument.version, contentChanges));
connection.onDidCloseTextDocument(({ textDocument }) => ready().workspace.closed(textDocument.uri));

connection.onDocumentSymbol(async ({ textDocument }, token) => {
  const { workspace, service } = ready();
  const document = workspace.document(textDocument.uri);
  return document ? service.getDocumentSymbols(document, { includeLinkDefinitions: false }, token) : null;
});

connection.onWorkspaceSymbol(({ query }, token) => ready().service.getWorkspaceSymbols(query, token));

connection.onReferences(async ({ textDocument, position, context }, token) => {
  const { workspace, service } = ready();
  const document = workspace.document(textDocument.uri);
  return document ? service.getReferences(document, position, context, token) : null;
});

connection.onShutdown(() => service?.dispose());
connection.listen();
