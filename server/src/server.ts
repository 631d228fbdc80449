// The language server: LSP requests mapped onto the readout service, nothing more.

import {
  CodeLensRefreshRequest, DocumentHighlightKind, DocumentSymbol, ErrorCodes, FileChangeType, FoldingRange, FoldingRangeKind, InitializeParams, InlayHintKind,
  MessageType, ProposedFeatures, ResponseError, SemanticTokensBuilder, SemanticTokensRefreshRequest, ShowMessageNotification, SymbolKind, TextDocumentSyncKind, TextDocuments, createConnection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as l10n from '@vscode/l10n';
import { EncodedTokens, FULL_TOKENS_LIMIT, NUMBERS_PER_TOKEN, TOKEN_MODIFIERS, TOKEN_TYPES } from './features/semanticTokens';
import { OutlineKind, OutlineNode, Range } from './features/types';
import { SummaryWorkers } from './io/summaryWorkers';
import { CorpusIndex } from './corpus/index';
import { corpusUri, fileNameOf } from './corpus/uris';
import { DEFAULT_GLOBS, FileEvent, uriToPath } from './corpus/workspace';
import { DiskWorkspace } from './io/diskWorkspace';
import { guardedStdin } from './io/frameGuard';
import { KeyedTimers } from './keyedTimers';
import { Tokenizer } from './nlp/tokenizer';
import { parseReadout } from './parse/parser';
import { failureLogger, keepServingOnFaults, routeConsoleTo } from './processPolicy';
import { type InitializationOptions, KaidanMethod, type AdjacentParams, type DocumentParams, type IndexState, type MeetingItem, type RelatedItem, type ServerInfo, type SpeakerRanges, type TopicsState } from './protocol';
import { createReadoutService } from './service';

// Over stdio a frame the transport cannot read is skipped and logged (the extension's IPC has no frames).
const stdio = process.argv.includes('--stdio');
const logError = (message: string) => connection.console.error(message);
const connection = stdio ? createConnection(ProposedFeatures.all, guardedStdin(logError), process.stdout) : createConnection(ProposedFeatures.all);
if (stdio) routeConsoleTo(connection.console);
keepServingOnFaults(logError);
const logFailure = failureLogger(logError);
const documents = new TextDocuments(TextDocument);
// The corpus index: folders, globs and the cache folder arrive with `initialize`.
const corpusWorkspace = new DiskWorkspace([], DEFAULT_GLOBS, (message) => connection.console.warn(message));
// kuromoji's worker starts only when topics are missing (not on a warm start) and ends when idle,
// on shutdown, or with the server; so do the threads that parse the cold index.
const tokenizer = new Tokenizer({ onProblem: (message) => connection.console.warn(message) });
const summarizer = new SummaryWorkers();
connection.onShutdown(() => (tokenizer.dispose(), summarizer.dispose()));
process.on('exit', () => tokenizer.terminate());
// An open document's unsaved text reaches the index too: the editor's parse of it is used, not repeated.
const corpusIndex = new CorpusIndex(corpusWorkspace, {
  tokenizer,
  summarizer,
  parser: { parse: (text, people, lineMap) => service.parsedText(text, people) ?? parseReadout(text, people, lineMap) },
});
// Messages are looked up when they are shown, after `initialize` has loaded the bundle.
const service = createReadoutService({ corpus: corpusIndex, t: (message, ...args) => l10n.t(message, ...args) });

// Turns take an icon (and its colour) by side: the minister's, the counterpart's, the press's.
const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  meeting: SymbolKind.Event, part: SymbolKind.Namespace, section: SymbolKind.String, source: SymbolKind.Module,
  speaker: SymbolKind.Class, statement: SymbolKind.Object, turn: SymbolKind.Variable, japanTurn: SymbolKind.Function,
  counterpartTurn: SymbolKind.Class, pressTurn: SymbolKind.Field, jointTurn: SymbolKind.Struct,
};

function toSymbol(node: OutlineNode): DocumentSymbol {
  return {
    name: node.name || '—',
    detail: node.detail,
    kind: SYMBOL_KIND[node.kind],
    range: node.range,
    selectionRange: node.selectionRange,
    children: node.children.map(toSymbol),
  };
}

function configureL10n(params: InitializeParams): void {
  const bundle = (params.initializationOptions as InitializationOptions | undefined)?.l10nBundle;
  if (bundle) l10n.config({ fsPath: bundle });
}

/** Whether `initialize` came: before it the corpus's folders are unknown, and nothing may start its build. */
let initialized = false;

connection.onInitialize((params) => (configureL10n(params), configureCorpus(params), (initialized = true), {
  capabilities: {
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    workspaceSymbolProvider: true,
    codeLensProvider: { resolveProvider: false },
    documentLinkProvider: { resolveProvider: false },
    textDocumentSync: TextDocumentSyncKind.Incremental,
    documentSymbolProvider: { label: 'Kaidan' },
    foldingRangeProvider: true,
    semanticTokensProvider: {
      legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] },
      full: { delta: true },
      range: true,
    },
    documentHighlightProvider: true,
    inlayHintProvider: true,
  },
  serverInfo: { name: 'Kaidan' },
}));

connection.onDocumentSymbol(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  return document ? service.outline(document).map(toSymbol) : null;
});

connection.onFoldingRanges(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  if (!document) return null;
  return service.foldingRegions(document).map(
    (region): FoldingRange => ({
      startLine: region.startLine,
      endLine: region.endLine,
      kind: region.kind === 'furniture' ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
    }),
  );
});

/** The last full token set per document, so that an edit can be answered with a delta. */
const tokenBuilders = new Map<string, SemanticTokensBuilder>();

function encode(builder: SemanticTokensBuilder, tokens: EncodedTokens): void {
  for (let at = 0; at < tokens.length; at += NUMBERS_PER_TOKEN) builder.push(tokens[at], tokens[at + 1], tokens[at + 2], tokens[at + 3], tokens[at + 4]);
}

/** How long typing must pause before a large document that was re-read line by line is parsed whole. */
const FULL_PARSE_DELAY_MS = 600;
const fullParseTimers = new KeyedTimers();

/** The document's tokens; when they were brought up to date line by line, the full parse follows once typing pauses. */
function tokensOf(document: TextDocument, range?: Range): EncodedTokens {
  const tokens = service.semanticTokens(document, range);
  if (service.needsFullParse(document)) {
    fullParseTimers.schedule(document.uri, FULL_PARSE_DELAY_MS, () => {
      const current = documents.get(document.uri);
      if (!current || !service.needsFullParse(current)) return;
      service.parse(current);
      // A client that does not support refreshing simply asks again later.
      connection.sendRequest(SemanticTokensRefreshRequest.type).catch(() => undefined);
    });
  }
  return tokens;
}

connection.languages.semanticTokens.on(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  const builder = new SemanticTokensBuilder();
  tokenBuilders.set(textDocument.uri, builder);
  if (document) encode(builder, tokensOf(document));
  return builder.build();
});

connection.languages.semanticTokens.onDelta(({ textDocument, previousResultId }) => {
  const document = documents.get(textDocument.uri);
  let builder = tokenBuilders.get(textDocument.uri);
  if (!builder || !document) {
    builder = new SemanticTokensBuilder();
    tokenBuilders.set(textDocument.uri, builder);
  } else {
    builder.previousResult(previousResultId);
  }
  if (document) encode(builder, tokensOf(document));
  return builder.canBuildEdits() ? builder.buildEdits() : builder.build();
});

connection.languages.semanticTokens.onRange(({ textDocument, range }) => {
  const document = documents.get(textDocument.uri);
  const builder = new SemanticTokensBuilder();
  if (document) encode(builder, tokensOf(document, range));
  return builder.build();
});

connection.onDocumentHighlight(({ textDocument, position }) => {
  const document = documents.get(textDocument.uri);
  if (!document) return null;
  return service.highlights(document, position).map((highlight) => ({
    range: highlight.range,
    kind: highlight.kind === 'text' ? DocumentHighlightKind.Text : DocumentHighlightKind.Read,
  }));
});

connection.languages.inlayHint.on(({ textDocument, range }) => {
  const document = documents.get(textDocument.uri);
  if (!document) return null;
  return service.speakerHints(document, range).map((hint) => ({
    position: hint.position,
    label: hint.label,
    kind: InlayHintKind.Parameter,
    paddingRight: true,
  }));
});

// Which process serves the client (the real-editor suite kills it to check that the client restarts it),
// and how much heap it holds once garbage is collected (the memory tests open and close many documents).
connection.onRequest(KaidanMethod.serverInfo, (): ServerInfo => (collectGarbage(), { pid: process.pid, heapUsed: process.memoryUsage().heapUsed }));

/** Documents already told that they are too large for the colours of dates and countries. */
const toldTooLargeForFullTokens = new Set<string>();
documents.onDidChangeContent(({ document }) => {
  if (document.getText().length <= FULL_TOKENS_LIMIT || toldTooLargeForFullTokens.has(document.uri)) return;
  toldTooLargeForFullTokens.add(document.uri);
  const name = fileNameOf(document.uri);
  // A notification, not showMessageRequest: nothing is awaited, and a client that cannot answer is no fault.
  connection
    .sendNotification(ShowMessageNotification.type, {
      type: MessageType.Info,
      message: l10n.t('Kaidan: {0} is very large, so only speakers and mentions are coloured in it, not dates or countries.', name),
    })
    .catch(logFailure('window/showMessage'));
});

connection.onRequest(KaidanMethod.speakerRanges, ({ uri }: DocumentParams): SpeakerRanges[] => {
  const document = documents.get(uri);
  return document ? service.speakerRanges(document) : [];
});

// What was kept for a document goes when it closes, and when it is opened again (perhaps with the
// same version and other text).
function forgetDocument(uri: string): void {
  service.forget(uri);
  tokenBuilders.delete(uri);
  fullParseTimers.cancel(uri);
}
documents.onDidOpen(({ document }) => forgetDocument(document.uri));
documents.onDidClose(({ document }) => forgetDocument(document.uri));

// --- The corpus: the index over the workspace's readouts and the cross-reference requests ---
let codeLensRefresh = false;

function configureCorpus(params: InitializeParams): void {
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  const folders = (params.workspaceFolders ?? []).map((folder) => uriToPath(folder.uri));
  if (folders.length === 0 && params.rootUri) folders.push(uriToPath(params.rootUri));
  corpusWorkspace.configure(folders, {
    include: options.corpus?.include?.length ? options.corpus.include : DEFAULT_GLOBS.include,
    exclude: [...DEFAULT_GLOBS.exclude, ...(options.corpus?.exclude ?? [])],
  });
  corpusIndex.configure({
    storagePath: options.storagePath ?? null,
    readPeopleOverride: () => corpusWorkspace.readPeopleOverride(),
    trusted: options.trusted !== false,
    onProblem: (message) => connection.console.warn(message),
  });
  codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
}

function corpusDocument(uri: string): { uri: string; getText(): string } | null {
  const document = documents.get(uri);
  return document ? { uri: corpusUri(uri), getText: () => document.getText() } : null;
}

connection.onInitialized(() => {
  corpusIndex.onState((state: IndexState) => connection.sendNotification(KaidanMethod.indexState, state).catch(logFailure(KaidanMethod.indexState)));
  corpusIndex.onDidChange(() => {
    if (codeLensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  });
  // Topics arrive after the index: the related-meeting counts change with them.
  corpusIndex.topics?.onDidChange(() => {
    if (codeLensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    collectGarbage();
    connection.sendNotification(KaidanMethod.topicsState, { state: 'ready' } satisfies TopicsState).catch(logFailure(KaidanMethod.topicsState));
  });
  buildWithProgress().catch(logFailure('Indexing'));
});

/** Builds the index with a progress bar; a client may refuse to create one, and then indexing goes on without it. */
async function buildWithProgress(): Promise<void> {
  const progress = await connection.window.createWorkDoneProgress().catch((error: unknown) => {
    connection.console.warn(`The client did not create a progress bar (${error instanceof Error ? error.message : String(error)}); indexing goes on without one.`);
    return null;
  });
  progress?.begin(l10n.t('Kaidan: indexing readouts'), 0, undefined, false);
  const reporting = corpusIndex.onState((state) => {
    if (state.state === 'indexing' && state.total > 0) progress?.report(Math.round((100 * state.done) / state.total), l10n.t('{0}/{1} files', state.done, state.total));
  });
  try {
    await corpusIndex.build();
  } finally {
    reporting.dispose();
    progress?.done();
  }
  collectGarbage();
}

/**
 * Indexing leaves large transient garbage (the cache file's text, every file's text): collecting it
 * once the index stands returns those pages, so the idle server stays small. Needs --expose-gc.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

connection.onDidChangeWatchedFiles(({ changes }) => {
  const events: FileEvent[] = changes
    .map((change) => ({ uri: corpusUri(change.uri), type: change.type }))
    .filter((change) => corpusWorkspace.admits(change.uri) || /\/\.kaidan\/people\.json$/.test(change.uri))
    .map((change) => ({
      uri: change.uri,
      type: change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed',
    }));
  if (events.length > 0) corpusWorkspace.fire(events);
});

// Unsaved text in an editor stands for the file in the index, after a pause in typing.
const overlayTimers = new KeyedTimers();
documents.onDidChangeContent(({ document }) => {
  overlayTimers.schedule(document.uri, 300, () => {
    const current = documents.get(document.uri);
    if (!current) return;
    const report = logFailure(`Reading the unsaved ${current.uri}`);
    try {
      corpusIndex.setOverlay(corpusUri(current.uri), current.getText()).catch(report);
    } catch (error) {
      report(error);
    }
  });
});
documents.onDidClose(({ document }) => {
  overlayTimers.cancel(document.uri);
  corpusIndex.revert(corpusUri(document.uri)).catch(logFailure(`Reverting ${document.uri} to the disk`));
});

/** The corpus once built; a request before `initialize` is refused, so that the build waits for the workspace's folders. */
function corpusBuilt(): Promise<void> {
  if (!initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'Kaidan: the server is not initialized yet');
  return corpusIndex.build();
}

connection.onHover(async ({ textDocument, position }, token) => {
  await corpusBuilt();
  const document = corpusDocument(textDocument.uri);
  return (document && service.corpus?.hover(document, position, token)) ?? null;
});

connection.onDefinition(async ({ textDocument, position }) => {
  await corpusBuilt();
  const document = corpusDocument(textDocument.uri);
  return document ? service.corpus?.definition(document, position) ?? null : null;
});

connection.onReferences(async ({ textDocument, position }, token) => {
  await corpusBuilt();
  const document = corpusDocument(textDocument.uri);
  return document ? service.corpus?.references(document, position, token) ?? null : null;
});

connection.onWorkspaceSymbol(async ({ query }, token) => {
  await corpusBuilt();
  return (service.corpus?.workspaceSymbols(query, token) ?? []).map((symbol) => ({
    name: symbol.name,
    kind: symbol.kind === 'meeting' ? SymbolKind.Event : SymbolKind.Object,
    containerName: symbol.containerName,
    location: symbol.location,
  }));
});

connection.onDocumentLinks(async ({ textDocument }, token) => {
  await corpusBuilt();
  const document = corpusDocument(textDocument.uri);
  return document ? service.corpus?.documentLinks(document, token) ?? null : null;
});

connection.onCodeLens(async ({ textDocument }, token) => {
  await corpusBuilt();
  const document = corpusDocument(textDocument.uri);
  return document ? service.corpus?.codeLenses(document, token) ?? null : null;
});

connection.onRequest(KaidanMethod.related, async ({ uri }: DocumentParams, token): Promise<RelatedItem[]> => {
  await corpusBuilt();
  return service.corpus?.related(corpusDocument(uri) ?? corpusUri(uri), token) ?? [];
});

connection.onRequest(KaidanMethod.adjacent, async ({ uri, direction }: AdjacentParams): Promise<MeetingItem | null> => {
  await corpusBuilt();
  return service.corpus?.adjacent(corpusDocument(uri) ?? corpusUri(uri), direction) ?? null;
});

// While a warm start checks its files, the meetings of the index cache are listed at once; a cold one waits.
connection.onRequest(KaidanMethod.meetings, async (): Promise<MeetingItem[]> => {
  const built = corpusBuilt();
  if (corpusIndex.meetings().length === 0) await built;
  return service.corpus?.meetings() ?? [];
});

connection.onRequest(KaidanMethod.indexState, (): IndexState => corpusIndex.state);
documents.listen(connection);
connection.listen();
