// The language server: LSP requests mapped onto the readout service, nothing more.

import {
  DocumentSymbol,
  FoldingRange,
  FoldingRangeKind,
  ProposedFeatures,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
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

documents.onDidClose(({ document }) => service.forget(document.uri));

documents.listen(connection);
connection.listen();
