// The readout service: every feature behind one object, with no editor or LSP dependency.
// server.ts maps LSP requests onto it; the CLI and the unit tests call it directly.

import { Readout } from './model/readout';
import { ReadoutParser, defaultParser } from './parse/parser';
import { LineMap, splitLines } from './parse/text';
import { buildFoldingRegions } from './features/folding';
import { readoutJson } from './features/modelJson';
import { buildOutline } from './features/outline';
import { Highlight, buildHighlights } from './features/highlights';
import { SpeakerHint, buildSpeakerHints } from './features/inlayHints';
import { SemanticToken, buildSemanticTokens } from './features/semanticTokens';
import { SpeakerRanges, buildSpeakerRanges } from './features/speakerRanges';
import { FoldingRegion, OutlineNode, Position, Range } from './features/types';
import { CorpusFeatures, createCorpusFeatures } from './features/corpusFeatures';
import { CorpusIndex } from './corpus/index';

/** The part of a text document the service reads (vscode-languageserver's TextDocument fits). */
export interface ReadoutDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export interface ParsedReadout {
  readonly text: string;
  readonly readout: Readout;
  readonly lineMap: LineMap;
}

export interface ReadoutService {
  parse(document: ReadoutDocument): ParsedReadout;
  outline(document: ReadoutDocument): OutlineNode[];
  foldingRegions(document: ReadoutDocument): FoldingRegion[];
  modelJson(document: ReadoutDocument): ReturnType<typeof readoutJson>;
  semanticTokens(document: ReadoutDocument, range?: Range): SemanticToken[];
  highlights(document: ReadoutDocument, position: Position): Highlight[];
  speakerHints(document: ReadoutDocument, range: Range): SpeakerHint[];
  speakerRanges(document: ReadoutDocument): SpeakerRanges[];
  /** Drops what is cached for a document (closed, deleted). */
  forget(uri: string): void;
  /** Cross-references over the workspace's readouts; null without a corpus index. */
  readonly corpus: CorpusFeatures | null;
}

export interface ReadoutServiceOptions {
  readonly parser?: ReadoutParser;
  /** The workspace's corpus index (server and CLI); the features over it become `corpus`. */
  readonly corpus?: CorpusIndex;
}

export function createReadoutService(options: ReadoutServiceOptions = {}): ReadoutService {
  const parser = options.parser ?? defaultParser;
  const cache = new Map<string, { version: number; parsed: ParsedReadout }>();

  const parse = (document: ReadoutDocument): ParsedReadout => {
    const cached = cache.get(document.uri);
    if (cached && cached.version === document.version) return cached.parsed;
    const text = document.getText();
    const parsed = { text, readout: parser.parse(text), lineMap: new LineMap(splitLines(text)) };
    cache.set(document.uri, { version: document.version, parsed });
    return parsed;
  };

  return {
    parse,
    outline(document) {
      const { text, readout, lineMap } = parse(document);
      return buildOutline(text, readout, lineMap);
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
      const { text, readout, lineMap } = parse(document);
      return buildSemanticTokens(text, readout, lineMap, range);
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
      return buildSpeakerRanges(readout, lineMap);
    },
    forget(uri) {
      cache.delete(uri);
    },
    corpus: options.corpus ? createCorpusFeatures(options.corpus) : null,
  };
}
