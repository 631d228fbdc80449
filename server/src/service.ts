// The readout service: every feature behind one object, with no editor or LSP dependency.
// server.ts maps LSP requests onto it; the CLI and the unit tests call it directly.

import { DocumentCache, ParsedReadout, ReadoutDocument } from './documentCache';
import { PEOPLE, type PeopleIndex } from './knowledge/people';
import { Readout } from './model/readout';
import { ReadoutParser, defaultParser } from './parse/parser';
import { buildFoldingRegions } from './features/folding';
import { readoutJson } from './features/modelJson';
import { buildOutline } from './features/outline';
import { Highlight, buildHighlights } from './features/highlights';
import { SpeakerHint, buildSpeakerHints } from './features/inlayHints';
import { EncodedTokens, encodeTokens } from './features/semanticTokens';
import { SpeakerRanges, buildSpeakerRanges } from './features/speakerRanges';
import { FoldingRegion, OutlineNode, Position, Range } from './features/types';
import { CorpusFeatures, createCorpusFeatures } from './features/corpusFeatures';
import { CorpusIndex } from './corpus/index';
import { Translate, untranslated } from './features/localize';

export type { ParsedReadout, ReadoutDocument } from './documentCache';

export interface ReadoutService {
  parse(document: ReadoutDocument): ParsedReadout;
  outline(document: ReadoutDocument): OutlineNode[];
  foldingRegions(document: ReadoutDocument): FoldingRegion[];
  modelJson(document: ReadoutDocument): ReturnType<typeof readoutJson>;
  semanticTokens(document: ReadoutDocument, range?: Range): EncodedTokens;
  /** Whether the tokens of the current version were read line by line and a full parse is still owed. */
  needsFullParse(document: ReadoutDocument): boolean;
  /** The model of an open document with exactly this text, when it was parsed already. */
  parsedText(text: string, people: PeopleIndex): Readout | null;
  highlights(document: ReadoutDocument, position: Position): Highlight[];
  speakerHints(document: ReadoutDocument, range: Range): SpeakerHint[];
  speakerRanges(document: ReadoutDocument): SpeakerRanges[];
  /** Drops what is cached for a document (opened anew, closed, deleted), the corpus's entry for it included. */
  forget(uri: string): void;
  /** Cross-references over the workspace's readouts; null without a corpus index. */
  readonly corpus: CorpusFeatures | null;
}

export interface ReadoutServiceOptions {
  readonly parser?: ReadoutParser;
  /** Whom names can be: the corpus's people (the knowledge file's and the workspace's), else the knowledge file's. */
  readonly people?: () => PeopleIndex;
  /** The workspace's corpus index (server and CLI); the features over it become `corpus`. */
  readonly corpus?: CorpusIndex;
  /** Words the texts the editor shows (outline details, hovers, code lenses) in its display language; English by default. */
  readonly t?: Translate;
}

export function createReadoutService(options: ReadoutServiceOptions = {}): ReadoutService {
  const parser = options.parser ?? defaultParser;
  const t = options.t ?? untranslated;
  const { corpus } = options;
  const people = options.people ?? (corpus ? () => corpus.peopleIndex : () => PEOPLE);
  const documents = new DocumentCache(parser, people);
  const parse = (document: ReadoutDocument): ParsedReadout => documents.parse(document);

  return {
    parse,
    outline(document) {
      const { text, readout, lineMap } = parse(document);
      return buildOutline(text, readout, lineMap, t);
    },
    foldingRegions(document) {
      const { readout, lineMap } = parse(document);
      return buildFoldingRegions(readout, lineMap);
    },
    modelJson(document) {
      const { readout, lineMap } = parse(document);
      return readoutJson(readout, lineMap);
    },
    semanticTokens(document, range) {
      return encodeTokens(documents.lineTokens(document), range?.start.line, range?.end.line);
    },
    parsedText(text, readWith) {
      return documents.parsedText(text, readWith);
    },
    needsFullParse(document) {
      return documents.needsFullParse(document);
    },
    highlights(document, position) {
      const { readout, lineMap } = parse(document);
      return buildHighlights(readout, lineMap, lineMap.offsetAt(position));
    },
    speakerHints(document, range) {
      const { readout, lineMap } = parse(document);
      return buildSpeakerHints(readout, lineMap, range);
    },
    speakerRanges(document) {
      const { readout, lineMap } = parse(document);
      return buildSpeakerRanges(readout, lineMap, document.getText());
    },
    forget(uri) {
      documents.forget(uri);
      options.corpus?.forgetDocument(uri);
    },
    corpus: options.corpus ? createCorpusFeatures(options.corpus, t) : null,
  };
}
