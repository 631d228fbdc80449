// The language server: LSP requests mapped onto the readout service, nothing more.

import {
  DocumentHighlightKind,
  DocumentSymbol,
  FoldingRange,
  FoldingRangeKind,
  InlayHintKind,
  ProposedFeatures,
  SemanticTokensBuilder,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SemanticToken, TOKEN_MODIFIERS, TOKEN_TYPES } from './features/semanticTokens';
import { OutlineKind, OutlineNode } from './features/types';
import { createReadoutService } from './service';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = createReadoutService();

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  meeting: SymbolKind.Event,
  part: SymbolKind.Namespace,
  section: SymbolKind.String,
  source: SymbolKind.Module,
  speaker: SymbolKind.Class,
  statement: SymbolKind.Object,
  turn: SymbolKind.Field,
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

connection.onInitialize(() => ({
  capabilities: {
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

function encode(builder: SemanticTokensBuilder, tokens: readonly SemanticToken[]): void {
  for (const token of tokens) builder.push(token.line, token.character, token.length, token.type, token.modifiers);
}

connection.languages.semanticTokens.on(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  const builder = new SemanticTokensBuilder();
  tokenBuilders.set(textDocument.uri, builder);
  if (document) encode(builder, service.semanticTokens(document));
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
  if (document) encode(builder, service.semanticTokens(document));
  return builder.canBuildEdits() ? builder.buildEdits() : builder.build();
});

connection.languages.semanticTokens.onRange(({ textDocument, range }) => {
  const document = documents.get(textDocument.uri);
  const builder = new SemanticTokensBuilder();
  if (document) encode(builder, service.semanticTokens(document, range));
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

connection.onRequest('kaidan/speakerRanges', ({ uri }: { uri: string }) => {
  const document = documents.get(uri);
  return document ? service.speakerRanges(document) : [];
});

documents.onDidClose(({ document }) => {
  service.forget(document.uri);
  tokenBuilders.delete(document.uri);
});

documents.listen(connection);
connection.listen();
