// What the service keeps per open document: the parse and the semantic tokens of its current
// version, least recently used dropped first. A large document's tokens are brought up to date line
// by line after an edit, and its full parse follows when asked for. A parse is of the people it was
// read with: when they change (the workspace's people.json), the next request parses again.

import type { PeopleIndex } from './knowledge/people';
import { Readout } from './model/readout';
import { ReadoutParser } from './parse/parser';
import { Line, LineMap, splitLines } from './parse/text';
import { LineToken, TokenContext, tokenContext, tokensFromParse, tokensOfLine } from './features/semanticTokens';
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

/** From this size on, an edit re-reads only the edited lines for semantic tokens; the full parse follows later. */
const INCREMENTAL_TOKENS_MIN = 200_000;

/** How many characters of documents' texts their parses are kept for (about 16 MB of text); least recently used go first. */
const DOCUMENT_CACHE_CHARS = 8_000_000;

interface CachedDocument {
  readonly version: number;
  /** The text of that version: a document opened again with the same version may hold another. */
  readonly text: string;
  readonly people: PeopleIndex;
  readonly lines: readonly Line[];
  /** The parse of this version, or null when only its tokens were brought up to date. */
  readonly parsed: ParsedReadout | null;
  readonly tokens: (readonly LineToken[])[] | null;
  /** What the last full parse knew about speakers, for re-reading edited lines (made with the tokens, so that an edit's tokens come at once). */
  readonly context: TokenContext | null;
}

export class DocumentCache {
  private readonly cache = new LruCache<string, CachedDocument>(DOCUMENT_CACHE_CHARS);

  constructor(
    private readonly parser: ReadoutParser,
    private readonly people: () => PeopleIndex,
  ) {}

  private store(uri: string, entry: CachedDocument): void {
    this.cache.set(uri, entry, entry.text.length);
  }

  /** What is cached for exactly this version and text of the document. */
  private current(document: ReadoutDocument, text = document.getText()): CachedDocument | undefined {
    const cached = this.cache.get(document.uri);
    return cached?.version === document.version && cached.text === text && cached.people === this.people() ? cached : undefined;
  }

  parse(document: ReadoutDocument): ParsedReadout {
    const text = document.getText();
    const known = this.current(document, text);
    if (known?.parsed) return known.parsed;
    const people = this.people();
    const lineMap = new LineMap(splitLines(text));
    const parsed = { text, readout: this.parser.parse(text, people, lineMap), lineMap };
    const context = this.cache.get(document.uri)?.context ?? null;
    this.store(document.uri, { version: document.version, text, people, lines: parsed.lineMap.lines, parsed, tokens: null, context: context?.people === people ? context : null });
    return parsed;
  }

  /** Every line's tokens for the document's current version, reading only edited lines of a large document again. */
  lineTokens(document: ReadoutDocument): (readonly LineToken[])[] {
    const text = document.getText();
    const known = this.current(document, text);
    if (known?.tokens) return known.tokens;
    const cached = this.cache.get(document.uri);
    if (!known && cached?.tokens && cached.context && cached.people === this.people() && text.length >= INCREMENTAL_TOKENS_MIN) {
      return this.retokenize(document, cached, text);
    }
    const { readout, lineMap } = this.parse(document);
    const tokens = tokensFromParse(text, readout, lineMap);
    const context = text.length >= INCREMENTAL_TOKENS_MIN ? tokenContext(readout, lineMap, text.length, this.people()) : null;
    this.store(document.uri, { ...this.current(document, text)!, tokens, context });
    return tokens;
  }

  /** Tokens after an edit: lines before and after the edited run keep theirs; the run is read on its own. */
  private retokenize(document: ReadoutDocument, before: CachedDocument, text: string): (readonly LineToken[])[] {
    const lines = splitLines(text);
    const old = before.lines;
    let prefix = 0;
    while (prefix < lines.length && prefix < old.length && lines[prefix].text === old[prefix].text) prefix++;
    let suffix = 0;
    while (suffix < lines.length - prefix && suffix < old.length - prefix && lines[lines.length - 1 - suffix].text === old[old.length - 1 - suffix].text) suffix++;
    const edited = lines.slice(prefix, lines.length - suffix).map((line) => tokensOfLine(line, Math.min(line.index, old.length - 1), before.context!));
    const tokens = [...before.tokens!.slice(0, prefix), ...edited, ...before.tokens!.slice(old.length - suffix)];
    this.store(document.uri, { version: document.version, text, people: before.people, lines, parsed: null, tokens, context: before.context });
    return tokens;
  }

  /** Whether the tokens of the current version were read line by line and a full parse is still owed. */
  needsFullParse(document: ReadoutDocument): boolean {
    return this.current(document)?.parsed === null;
  }

  /** The model of a document with exactly this text, when it was parsed already. */
  parsedText(text: string, people: PeopleIndex): Readout | null {
    for (const cached of this.cache.values()) if (cached.people === people && cached.parsed?.text === text) return cached.parsed.readout;
    return null;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
