// The corpus features behind one object, for the service: each takes a document (whose text may
// be unsaved) and looks the rest of the corpus up in the index.

import type { CorpusIndex } from '../corpus/index';
import type { CancellationToken, IndexedFile } from '../corpus/types';
import { codeLenses } from './codeLens';
import { definition } from './definition';
import { documentLinks } from './documentLinks';
import { hover, topicHover } from './hover';
import { Translate, untranslated } from './localize';
import { personReferences } from './references';
import { adjacentItem, meetingList, relatedItems } from './related';
import { CodeLens, DocumentLink, Hover, Location, MeetingItem, Position, RelatedItem, WorkspaceSymbol } from './types';
import { workspaceSymbols } from './workspaceSymbols';

export interface CorpusDocument {
  readonly uri: string;
  getText(): string;
}

export interface CorpusFeatures {
  readonly index: CorpusIndex;
  hover(document: CorpusDocument, position: Position, token?: CancellationToken): Hover | null;
  definition(document: CorpusDocument, position: Position): Location[];
  references(document: CorpusDocument, position: Position, token?: CancellationToken): Location[];
  workspaceSymbols(query: string, token?: CancellationToken): WorkspaceSymbol[];
  codeLenses(document: CorpusDocument, token?: CancellationToken): CodeLens[];
  documentLinks(document: CorpusDocument, token?: CancellationToken): DocumentLink[];
  /** By uri: an open document's text, else the indexed file's. */
  related(document: CorpusDocument | string, token?: CancellationToken): RelatedItem[];
  adjacent(document: CorpusDocument | string, direction: 'previous' | 'next'): MeetingItem | null;
  meetings(): MeetingItem[];
}

/** `t` words the hovers, code lenses and reasons (English by default). */
export function createCorpusFeatures(index: CorpusIndex, t: Translate = untranslated): CorpusFeatures {
  const fileOf = (document: CorpusDocument | string): IndexedFile | undefined =>
    typeof document === 'string' ? index.file(document) : index.fileFor(document.uri, document.getText());
  return {
    index,
    hover(document, position, token) {
      const file = fileOf(document)!;
      return hover(index, file, position, t, token) ?? topicHover(index, file, document.getText(), position, t);
    },
    definition: (document, position) => definition(index, fileOf(document)!, position),
    references: (document, position, token) => personReferences(index, fileOf(document)!, position, token),
    workspaceSymbols: (query, token) => workspaceSymbols(index, query, token),
    codeLenses: (document, token) => codeLenses(index, fileOf(document)!, t, token),
    documentLinks: (document, token) => documentLinks(index, fileOf(document)!, token),
    related(document, token) {
      const file = fileOf(document);
      return file ? relatedItems(index, file, t, token) : [];
    },
    adjacent(document, direction) {
      const file = fileOf(document);
      return file ? adjacentItem(index, file, direction) : null;
    },
    meetings: () => meetingList(index),
  };
}
