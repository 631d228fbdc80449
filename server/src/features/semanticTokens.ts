// Semantic tokens: speaker labels, person mentions, countries, dates and times. Token types are
// Kaidan's own (declared in package.json with a superType, so every theme colours them).
//
// Tokens are kept per line. A full parse gives every line's tokens; after an edit of a large
// document only the edited lines are read again, with what the last parse knew about the speakers
// (see service.ts), so that fresh tokens come back at once and the full parse can wait.

import { findCountryWords } from '../knowledge/countries';
import type { PeopleIndex } from '../knowledge/people';
import { Readout, Side, Span } from '../model/readout';
import { findDates } from '../parse/dates';
import { findTimes } from '../parse/times';
import { PRESS_TAG, speakerBlock, turnTag } from '../parse/lineKinds';
import { SpeakerResolver, mentionsInLine, speakerResolver, subjectLabels } from '../parse/speakers';
import { Line, LineMap, codeSet } from '../parse/text';

export const TOKEN_TYPES = ['speaker', 'person', 'country', 'meetingDate', 'meetingTime'] as const;
export const TOKEN_MODIFIERS = ['japan', 'counterpart', 'press', 'joint', 'declaration'] as const;

type TokenType = (typeof TOKEN_TYPES)[number];

/**
 * Tokens as the LSP takes them, five numbers each: line, UTF-16 character in the line, length, type
 * (an index into TOKEN_TYPES) and modifiers (a bit set over TOKEN_MODIFIERS), in document order.
 * Numbers, not an object per token: a transcript of 1 MB holds two hundred thousand of them.
 */
export type EncodedTokens = Uint32Array;
export const NUMBERS_PER_TOKEN = 5;

/** A token of one line, with offsets in that line. */
export interface LineToken {
  readonly start: number;
  readonly end: number;
  readonly type: TokenType;
  readonly side: Side | null;
  /** Who a person token (or a speaker label that names a person) is, to mark the first mention as the declaration. */
  readonly person?: string;
}

/** Past this size only the cheap tokens (speaker labels and mentions) are computed. */
export const FULL_TOKENS_LIMIT = 2_000_000;

/** What the last full parse knew, for reading edited lines on their own. */
export interface TokenContext {
  /** Whether a line lies in a transcript turn or a speaker block, where no reported speech is read. */
  quoted(line: number): boolean;
  /** Whether a line was page furniture, where nothing is coloured. */
  furniture(line: number): boolean;
  sideOf(speaker: string | null): Side | null;
  /** The side of a transcript tag's speaker ('記者' → press). */
  tagSide(tag: string): Side | null;
  readonly resolve: SpeakerResolver;
  /** Whom the parse resolved names against. */
  readonly people: PeopleIndex;
  readonly date: string | null;
  readonly full: boolean;
}

/** The inner text of a label: 【記者】 → 記者, (ラヴロフ外務大臣) → ラヴロフ外務大臣. */
const LABEL_OPENERS = codeSet('【(（');
const LABEL_CLOSERS = codeSet('】)）');
function innerLabel(text: string, span: Span): Span {
  const bracketed = span.end - span.start >= 2 && LABEL_OPENERS.has(text.charCodeAt(span.start)) && LABEL_CLOSERS.has(text.charCodeAt(span.end - 1));
  return bracketed ? { start: span.start + 1, end: span.end - 1 } : span;
}

/** Adds a line's country names, dates and times (one by one: a line can hold more than a call's arguments). */
function addWordTokens(text: string, tokens: LineToken[]): void {
  // Indexed, not for-of: this runs on every line of a page.
  const words = findCountryWords(text);
  for (let i = 0; i < words.length; i++) tokens.push({ start: words[i].start, end: words[i].end, type: 'country', side: null });
  const dates = findDates(text);
  for (let i = 0; i < dates.length; i++) tokens.push({ start: dates[i].start, end: dates[i].end, type: 'meetingDate', side: null });
  const times = findTimes(text);
  for (let i = 0; i < times.length; i++) tokens.push({ start: times[i].start, end: times[i].end, type: 'meetingTime', side: null });
}

const SETTLE_ORDER: Record<TokenType, number> = { speaker: 0, person: 1, country: 2, meetingDate: 2, meetingTime: 2 };
const NO_TOKENS: readonly LineToken[] = Object.freeze([]);
/** The word tokens of a line that got no label or mention, read into one list reused line after line (settle copies what it keeps). */
const scratchTokens: LineToken[] = [];

/** By start, then labels before mentions before words, then the longer first. */
function byPlace(a: LineToken, b: LineToken): number {
  return a.start - b.start || SETTLE_ORDER[a.type] - SETTLE_ORDER[b.type] || b.end - a.end;
}

/** Sorted, without overlaps: earlier-placed tokens win (labels over mentions over words). */
function settle(tokens: LineToken[], lineLength: number): readonly LineToken[] {
  // Most lines of a large page hold no token: one shared empty list for them all.
  if (tokens.length === 0) return NO_TOKENS;
  const only = tokens[0];
  // One token overlaps nothing: kept as it is (a transcript's lines hold one tag each).
  if (tokens.length === 1 && only.start >= 0 && only.start < only.end && only.end <= lineLength) return tokens === scratchTokens ? [only] : tokens;
  sortByPlace(tokens);
  const settled: LineToken[] = [];
  let lastEnd = -1;
  for (let tokenIndex = 0; tokenIndex < tokens.length; tokenIndex++) {
    const token = tokens[tokenIndex];
    const previous = settled[settled.length - 1];
    if (token.start < lastEnd && previous?.type === 'speaker' && token.person !== undefined && previous.person === undefined) {
      // A mention inside a speaker label ('岸田大臣より'): the label names that person.
      settled[settled.length - 1] = { ...previous, person: token.person };
    }
    if (token.start < lastEnd || token.end <= token.start || token.start < 0) continue;
    settled.push(token.end <= lineLength ? token : { ...token, end: lineLength });
    lastEnd = token.end;
  }
  return settled;
}

/** Past this many tokens on one line the built-in sort: an insertion sort grows with the square of a line's tokens. */
const INSERTION_SORT_MAX = 16;

/** A line holds a handful of tokens: an insertion sort (stable) costs less than the built-in sort's setup for each line. */
function sortByPlace(tokens: LineToken[]): void {
  if (tokens.length > INSERTION_SORT_MAX) {
    tokens.sort(byPlace);
    return;
  }
  for (let index = 1; index < tokens.length; index++) {
    const token = tokens[index];
    let at = index;
    while (at > 0 && byPlace(tokens[at - 1], token) > 0) {
      tokens[at] = tokens[at - 1];
      at--;
    }
    tokens[at] = token;
  }
}

function personKey(mention: { speaker: string | null; personId: string | null; name: string }): string {
  return mention.speaker ?? mention.personId ?? mention.name;
}

/** A line's first token starts its list at one slot: a list begun empty takes seventeen on its first push. */
function addFound(found: (LineToken[] | undefined)[], line: number, token: LineToken): void {
  const lineTokens = found[line];
  if (lineTokens) lineTokens.push(token);
  else found[line] = [token];
}

/** Every line's tokens from a full parse. */
export function tokensFromParse(text: string, readout: Readout, lineMap: LineMap): (readonly LineToken[])[] {
  const { lines } = lineMap;
  // Lists only for the lines that get a label or a mention: most lines of a large page get none.
  const found: (LineToken[] | undefined)[] = new Array(lines.length);
  const sides = new Map(readout.speakers.map((speaker) => [speaker.id, speaker.side]));
  for (let statementIndex = 0; statementIndex < readout.statements.length; statementIndex++) {
    const statement = readout.statements[statementIndex];
    if (!statement.labelSpan) continue;
    const span = innerLabel(text, statement.labelSpan);
    const line = lineMap.lineAt(span.start);
    addFound(found, line.index, { start: span.start - line.start, end: span.end - line.start, type: 'speaker', side: sides.get(statement.speaker) ?? null });
  }
  for (const mention of readout.mentions) {
    const line = lineMap.lineAt(mention.span.start);
    const start = mention.span.start - line.start;
    const lineTokens = found[line.index];
    const label = lineTokens?.length === 1 ? lineTokens[0] : undefined;
    if (label?.type === 'speaker' && label.person === undefined && label.start >= 0 && label.start <= start && start < label.end) {
      // What settle would make of a name inside a line's one label ('(ラヴロフ外務大臣)'), made here: no list to sort for each turn.
      lineTokens![0] = { start: label.start, end: label.end, type: 'speaker', side: label.side, person: personKey(mention) };
      continue;
    }
    addFound(found, line.index, { start, end: mention.span.end - line.start, type: 'person', side: mention.speaker ? sides.get(mention.speaker) ?? null : null, person: personKey(mention) });
  }
  const furniture = readout.boilerplate;
  const byLine: (readonly LineToken[])[] = new Array(lines.length);
  let next = 0;
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex];
    while (next < furniture.length && furniture[next].end < line.end) next++;
    const isFurniture = next < furniture.length && furniture[next].start <= line.start;
    if (scratchTokens.length > 0) scratchTokens.length = 0;
    const tokens = found[line.index] ?? scratchTokens;
    if (text.length <= FULL_TOKENS_LIMIT && !isFurniture) addWordTokens(line.text, tokens);
    byLine[line.index] = settle(tokens, line.text.length);
  }
  return byLine;
}

export function tokenContext(readout: Readout, lineMap: LineMap, textLength: number, people: PeopleIndex): TokenContext {
  const sides = new Map(readout.speakers.map((speaker) => [speaker.id, speaker.side]));
  const { lines } = lineMap;
  const quoted = new Uint8Array(lines.length);
  const mark = (span: Span) => {
    for (let index = lineMap.lineAt(span.start).index; index < lines.length && lines[index].start < span.end; index++) quoted[index] = 1;
  };
  const tagSides = new Map<string, Side>();
  // Turns and statements both run in document order: the statement a turn opens is found walking beside it.
  const { statements } = readout;
  let next = 0;
  for (let turnIndex = 0; turnIndex < readout.turns.length; turnIndex++) {
    const turn = readout.turns[turnIndex];
    mark(turn.span);
    while (next < statements.length && statements[next].span.start < turn.span.start) next++;
    let statement: (typeof statements)[number] | undefined;
    for (let at = next; at < statements.length && statements[at].span.start === turn.span.start; at++) statement = statements[at];
    const side = statement ? sides.get(statement.speaker) : undefined;
    if (side) tagSides.set(turn.speaker, side);
  }
  for (let statementIndex = 0; statementIndex < readout.statements.length; statementIndex++) {
    const statement = readout.statements[statementIndex];
    const blockLabel = statement.labelSpan && statement.labelSpan.end <= statement.span.start;
    if (blockLabel || statement.labelSpan === null) mark(statement.span);
  }
  const furniture = new Uint8Array(lines.length);
  for (const span of readout.boilerplate) {
    for (let index = lineMap.lineAt(span.start).index; index < lines.length && lines[index].start < span.end; index++) furniture[index] = 1;
  }
  return {
    quoted: (line) => quoted[line] === 1,
    furniture: (line) => furniture[line] === 1,
    sideOf: (speaker) => (speaker ? sides.get(speaker) ?? null : null),
    tagSide: (tag) => tagSides.get(tag) ?? (PRESS_TAG.test(tag.replace(/\s+/g, '')) ? 'press' : 'japan'),
    resolve: speakerResolver(readout.speakers, people),
    people,
    date: readout.date,
    full: textLength <= FULL_TOKENS_LIMIT,
  };
}

/** One line's tokens read on its own (an edited line), with what the last parse knew. */
export function tokensOfLine(line: Line, lineIndexBefore: number, context: TokenContext): readonly LineToken[] {
  if (context.furniture(lineIndexBefore)) return [];
  const tokens: LineToken[] = [];
  const tag = turnTag(line.text);
  const block = speakerBlock(line.text);
  if (tag) {
    tokens.push({ start: tag.nameStart, end: tag.nameEnd, type: 'speaker', side: context.tagSide(tag.inner) });
  } else if (block) {
    const start = line.text.indexOf(block);
    const mention = mentionsInLine({ ...line, start: 0 }, context.date, context.resolve, context.people)[0];
    tokens.push({ start, end: start + block.length, type: 'speaker', side: context.sideOf(mention?.speaker ?? null) });
  } else if (!context.quoted(lineIndexBefore)) {
    for (const label of subjectLabels({ ...line, start: 0 }, context.date, context.people)) {
      const side: Side | null =
        label.kind === 'joint'
          ? 'joint'
          : label.kind === 'side'
            ? /^(日本側|我が方)$/.test(label.written) ? 'japan' : 'counterpart'
            : context.sideOf(context.resolve(label.written, context.people.resolve(label.written, { date: context.date })?.id ?? null));
      tokens.push({ ...label.span, type: 'speaker', side });
    }
  }
  for (const mention of mentionsInLine({ ...line, start: 0 }, context.date, context.resolve, context.people)) {
    tokens.push({ ...mention.span, type: 'person', side: context.sideOf(mention.speaker), person: personKey(mention) });
  }
  if (context.full) addWordTokens(line.text, tokens);
  return settle(tokens, line.text.length);
}

const TYPE_INDEX = Object.fromEntries(TOKEN_TYPES.map((type, index) => [type, index])) as Record<TokenType, number>;
const SIDE_BITS = Object.fromEntries(TOKEN_MODIFIERS.map((modifier, index) => [modifier, 1 << index])) as Record<Side, number>;
const DECLARATION_BIT = 1 << TOKEN_MODIFIERS.indexOf('declaration');

/** Encodes per-line tokens for LSP, marking each person's first mention as its declaration. */
export function encodeTokens(byLine: readonly (readonly LineToken[])[], firstLine = 0, lastLine = byLine.length - 1): EncodedTokens {
  const last = Math.min(lastLine, byLine.length - 1);
  let count = 0;
  for (let line = firstLine; line <= last; line++) count += byLine[line].length;
  const encoded = new Uint32Array(count * NUMBERS_PER_TOKEN);
  const seen = new Set<string>();
  let at = 0;
  for (let line = 0; line <= last; line++) {
    const lineTokens = byLine[line];
    for (let tokenIndex = 0; tokenIndex < lineTokens.length; tokenIndex++) {
      const token = lineTokens[tokenIndex];
      const declaration = token.type === 'person' && token.person !== undefined && !seen.has(token.person);
      if (token.person !== undefined) seen.add(token.person);
      if (line < firstLine) continue;
      encoded[at] = line;
      encoded[at + 1] = token.start;
      encoded[at + 2] = token.end - token.start;
      encoded[at + 3] = TYPE_INDEX[token.type];
      encoded[at + 4] = (token.side ? SIDE_BITS[token.side] : 0) | (declaration ? DECLARATION_BIT : 0);
      at += NUMBERS_PER_TOKEN;
    }
  }
  return encoded;
}
