// The readout service: every feature behind one object, with no editor or LSP dependency.
// server.ts maps LSP requests onto it; the CLI and the unit tests call it directly.

import { Readout } from './model/readout';
import { ReadoutParser, defaultParser } from './parse/parser';
import { Line, LineMap, splitLines } from './parse/text';
import { buildFoldingRegions } from './features/folding';
import { readoutJson } from './features/modelJson';
import { buildOutline } from './features/outline';
import { Highlight, buildHighlights } from './features/highlights';
import { SpeakerHint, buildSpeakerHints } from './features/inlayHints';
import { LineToken, SemanticToken, TokenContext, encodeTokens, tokenContext, tokensFromParse, tokensOfLine } from './features/semanticTokens';
import { SpeakerRanges, buildSpeakerRanges } from './features/speakerRanges';
import { FoldingRegion, OutlineNode, Position, Range } from './features/types';
import { CorpusFeatures, createCorpusFeatures } from './features/corpusFeatures';
import { CorpusIndex } from './corpus/index';
import { Translate, untranslated } from './features/localize';
import { LruCache } from './nlp/lruCache';

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
  /** Whether the tokens of the current version were read line by line and a full parse is still owed. */
  needsFullParse(document: ReadoutDocument): boolean;
  /** The model of an open document with exactly this text, when it was parsed already. */
  parsedText(text: string): Readout | null;
  highlights(document: ReadoutDocument, position: Position): Highlight[];
  speakerHints(document: ReadoutDocument, range: Range): SpeakerHint[];
  speakerRanges(document: ReadoutDocument): SpeakerRanges[];
  /** Drops what is cached for a document (opened anew, closed, deleted), the corpus's entry for it included. */
  forget(uri: string): void;
  /** Cross-references over the workspace's readouts; null without a corpus index. */
  readonly corpus: CorpusFeatures | null;
}

/** From this size on, an edit re-reads only the edited lines for semantic tokens; the full parse follows later. */
const INCREMENTAL_TOKENS_MIN = 200_000;

/** How many characters of documents' texts their parses are kept for (about 16 MB of text); least recently used go first. */
const DOCUMENT_CACHE_CHARS = 8_000_000;

interface CachedDocument {
  readonly version: number;
  /** The text of that version: a document opened again with the same version may hold another. */
  readonly text: string;
  readonly lines: readonly Line[];
  /** The parse of this version, or null when only its tokens were brought up to date. */
  readonly parsed: ParsedReadout | null;
  readonly tokens: LineToken[][] | null;
  /** What the last full parse knew about speakers, for re-reading edited lines. */
  readonly context: TokenContext | null;
}

export interface ReadoutServiceOptions {
  readonly parser?: ReadoutParser;
  /** The workspace's corpus index (server and CLI); the features over it become `corpus`. */
  readonly corpus?: CorpusIndex;
  /** Words the texts the editor shows (outline details, hovers, code lenses) in its display language; English by default. */
  readonly t?: Translate;
}

export function createReadoutService(options: ReadoutServiceOptions = {}): ReadoutService {
  const parser = options.parser ?? defaultParser;
  const t = options.t ?? untranslated;
  const cache = new LruCache<string, CachedDocument>(DOCUMENT_CACHE_CHARS);
  const store = (uri: string, entry: CachedDocument) => cache.set(uri, entry, entry.text.length);
  /** What is cached for exactly this version and text of the document. */
  const current = (document: ReadoutDocument, text = document.getText()): CachedDocument | undefined => {
    const cached = cache.get(document.uri);
    return cached?.version === document.version && cached.text === text ? cached : undefined;
  };

  const parse = (document: ReadoutDocument): ParsedReadout => {
    const text = document.getText();
    const known = current(document, text);
    if (known?.parsed) return known.parsed;
    const parsed = { text, readout: parser.parse(text), lineMap: new LineMap(splitLines(text)) };
    const context = cache.get(document.uri)?.context ?? null;
    store(document.uri, { version: document.version, text, lines: parsed.lineMap.lines, parsed, tokens: null, context });
    return parsed;
  };

  /** Every line's tokens for the document's current version, reading only edited lines of a large document again. */
  const lineTokens = (document: ReadoutDocument): LineToken[][] => {
    const text = document.getText();
    const known = current(document, text);
    if (known?.tokens) return known.tokens;
    const cached = cache.get(document.uri);
    if (!known && cached?.tokens && cached.context && text.length >= INCREMENTAL_TOKENS_MIN) {
      return retokenize(document, cached, text);
    }
    const { readout, lineMap } = parse(document);
    const tokens = tokensFromParse(text, readout, lineMap);
    const context = text.length >= INCREMENTAL_TOKENS_MIN ? tokenContext(readout, lineMap, text.length) : null;
    store(document.uri, { ...current(document, text)!, tokens, context });
    return tokens;
  };

  /** Tokens after an edit: lines before and after the edited run keep theirs; the run is read on its own. */
  const retokenize = (document: ReadoutDocument, before: CachedDocument, text: string): LineToken[][] => {
    const lines = splitLines(text);
    const old = before.lines;
    let prefix = 0;
    while (prefix < lines.length && prefix < old.length && lines[prefix].text === old[prefix].text) prefix++;
    let suffix = 0;
    while (suffix < lines.length - prefix && suffix < old.length - prefix && lines[lines.length - 1 - suffix].text === old[old.length - 1 - suffix].text) suffix++;
    const edited = lines.slice(prefix, lines.length - suffix).map((line) => tokensOfLine(line, Math.min(line.index, old.length - 1), before.context!));
    const tokens = [...before.tokens!.slice(0, prefix), ...edited, ...before.tokens!.slice(old.length - suffix)];
    store(document.uri, { version: document.version, text, lines, parsed: null, tokens, context: before.context });
    return tokens;
  };

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
      return encodeTokens(lineTokens(document), range?.start.line, range?.end.line);
    },
    parsedText(text) {
      for (const cached of cache.values()) if (cached.parsed?.text === text) return cached.parsed.readout;
      return null;
    },
    needsFullParse(document) {
      return current(document)?.parsed === null;
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
      options.corpus?.forgetDocument(uri);
    },
    corpus: options.corpus ? createCorpusFeatures(options.corpus, t) : null,
  };
}
