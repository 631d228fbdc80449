// Lines, positions and number reading on the original text. Nothing here rewrites the text:
// patterns accept full-width and half-width forms side by side so that offsets stay exact.

// Patterns asked of every line are made once, here: a regex literal in a function is a new object at
// every call. For the same reason passes over every line index their loops (for-of made an object per line).
/** A sentence's end anywhere in the text. */
export const HOLDS_SENTENCE_END = /[。．]/;
/** Whitespace, for replace (global: never for test or exec). */
export const WHITESPACE = /\s+/g;
const ONLY_SPACES = /^[\s\u3000]*$/;
/** A space of any kind somewhere in the text. */
export const HOLDS_SPACE = /[\s\u3000]/;
const ONLY_DIGITS = /^[0-9０-９]+$/;
const ONLY_KANJI_DIGITS = /^[〇一二三四五六七八九十]+$/;

export interface Line {
  readonly index: number;
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character, before the line break. */
  readonly end: number;
  readonly text: string;
}

/** Splits on LF, CRLF and lone CR, as LSP does. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a || ch === 0x0d) {
      lines.push({ index: lines.length, start, end: i, text: text.slice(start, i) });
      if (ch === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      start = i + 1;
    }
  }
  lines.push({ index: lines.length, start, end: text.length, text: text.slice(start) });
  return lines;
}

/** Line indexes a pass marked (headings, tags). */
export interface LineSet {
  has(index: number): boolean;
}

/** Marks by line index, a byte per line: a transcript marks most of its lines, and every pass asks of each. */
export class LineMarks implements LineSet {
  private readonly marks: Uint8Array;

  constructor(lineCount: number) {
    this.marks = new Uint8Array(lineCount);
  }

  add(index: number): void {
    this.marks[index] = 1;
  }

  delete(index: number): void {
    this.marks[index] = 0;
  }

  has(index: number): boolean {
    return this.marks[index] === 1;
  }
}

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Maps offsets to line/character positions: the line last found or the next, else a binary search over line starts. */
export class LineMap {
  private readonly starts: number[];

  constructor(readonly lines: readonly Line[]) {
    this.starts = lines.map((line) => line.start);
  }

  /** The line the last lookup found: passes over a document ask in document order, mostly of it or the next. */
  private lastFound = 0;

  lineAt(offset: number): Line {
    const { starts } = this;
    const near = this.lastFound;
    if (starts[near] <= offset) {
      if (near + 1 >= starts.length || offset < starts[near + 1]) return this.lines[near];
      if (near + 2 >= starts.length || offset < starts[near + 2]) return this.lines[(this.lastFound = near + 1)];
    }
    this.lastFound = this.search(offset);
    return this.lines[this.lastFound];
  }

  private search(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  positionAt(offset: number): Position {
    const line = this.lineAt(offset);
    return { line: line.index, character: Math.min(offset, line.end) - line.start };
  }

  rangeOf(span: { start: number; end: number }): Range {
    const first = this.lineAt(span.start);
    // A span within one line (a tag, a name) needs one search, not two.
    const last = span.end >= first.start && span.end <= first.end ? first : this.lineAt(span.end);
    return {
      start: { line: first.index, character: Math.min(span.start, first.end) - first.start },
      end: { line: last.index, character: Math.min(span.end, last.end) - last.start },
    };
  }

  offsetAt(position: Position): number {
    const line = this.lines[Math.min(Math.max(position.line, 0), this.lines.length - 1)];
    return Math.min(line.start + Math.max(position.character, 0), line.end);
  }
}

const FULL_WIDTH_ZERO = 0xff10;
const CIRCLED_ONE = 0x2460;
const KANJI_DIGITS = '〇一二三四五六七八九';

/** Reads a number written with half-width, full-width or kanji digits (一, 十二, 二十三), or a circled number. */
export function readNumber(written: string): number | null {
  if (written.length === 0) return null;
  if (written.length === 1) {
    const code = written.charCodeAt(0);
    if (code >= CIRCLED_ONE && code <= CIRCLED_ONE + 19) return code - CIRCLED_ONE + 1;
  }
  if (ONLY_DIGITS.test(written)) {
    let value = 0;
    for (const ch of written) {
      const code = ch.charCodeAt(0);
      value = value * 10 + (code >= FULL_WIDTH_ZERO ? code - FULL_WIDTH_ZERO : code - 0x30);
    }
    return value;
  }
  if (ONLY_KANJI_DIGITS.test(written)) {
    if (!written.includes('十')) {
      let value = 0;
      for (const ch of written) value = value * 10 + KANJI_DIGITS.indexOf(ch);
      return value;
    }
    const [tens, ones] = written.split('十');
    const tensValue = tens === '' ? 1 : KANJI_DIGITS.indexOf(tens);
    const onesValue = ones === '' ? 0 : KANJI_DIGITS.indexOf(ones);
    return tensValue < 0 || onesValue < 0 ? null : tensValue * 10 + onesValue;
  }
  return null;
}

/** Digits in any of the forms readouts use, as a regex source fragment. */
export const DIGIT = '[0-9０-９]';
export const SPACE = '[ \\t\\u3000\\u00a0]';
export const OPEN_PAREN = '[(（]';
export const CLOSE_PAREN = '[)）]';

const FULL_STOP = 0x3002; // 。
const FULL_WIDTH_STOP = 0xff0e; // ．
/** A text that ends a sentence ('。' or '．' last): asked of every line several times, so without a pattern. */
export function endsSentence(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === FULL_STOP || last === FULL_WIDTH_STOP;
}

const SPACE_CODE = 0x20;
const TAB_CODE = 0x09;
const IDEOGRAPHIC_SPACE = 0x3000;
/**
 * The code of the first character after leading spaces, tabs and ideographic spaces (NaN on a
 * blank line). A code, not a string: every character past U+00FF read as a string is a new one.
 */
export function firstCodeAfterIndent(text: string): number {
  let at = 0;
  let code = text.charCodeAt(0);
  while (code === SPACE_CODE || code === TAB_CODE || code === IDEOGRAPHIC_SPACE) code = text.charCodeAt(++at);
  return code;
}

/** The codes of the characters of `characters`, to test a character code against. */
export function codeSet(characters: Iterable<string>): Set<number> {
  const codes = new Set<number>();
  for (const character of characters) codes.add(character.charCodeAt(0));
  return codes;
}

/** Whether a character code is one `\s` matches (the ideographic space among them), without a pattern or a string. */
export function isSpaceCode(code: number): boolean {
  if (code > 0x20 && code < 0xa0) return false;
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

export function isBlank(text: string): boolean {
  // Asked of every line by every pass: a line that opens with a letter, kana or kanji (no space
  // lies between '!' and U+009F, nor above U+3000 but U+FEFF) is answered without the pattern.
  const first = text.charCodeAt(0);
  if ((first > 0x20 && first < 0xa0) || (first > 0x3000 && first !== 0xfeff)) return false;
  return ONLY_SPACES.test(text);
}

/** Offset of the first non-space character of a line (full-width spaces included). */
export function contentStart(line: Line): number {
  // trimStart drops exactly what \s matches (full-width and no-break spaces included), and returns the line itself when nothing leads it.
  return line.start + line.text.length - line.text.trimStart().length;
}

/** Offset just past the last non-space character of a line. */
export function contentEnd(line: Line): number {
  // trimEnd drops exactly what \s matches (full-width and no-break spaces included), scanning from
  // the end; an unanchored /\s*$/ tries every offset of the line, quadratic on runs of spaces.
  return line.start + line.text.trimEnd().length;
}

/** A short label for the outline: whitespace folded, cut at a sentence end or after `max` characters. */
export function firstWords(text: string, max = 24): string {
  // Asked of every turn's first line: a short one with no space and no full stop is its own first words.
  if (text.length <= max && !HOLDS_SPACE.test(text) && !HOLDS_SENTENCE_END.test(text)) return text;
  // Read up to the cut only, counting code points: a heading that is a whole 1 MB line is neither
  // folded nor copied whole.
  let words = '';
  let count = 0;
  let spaceBefore = false;
  for (let at = 0; at < text.length; ) {
    const code = text.charCodeAt(at);
    if (isSpaceCode(code)) {
      spaceBefore = words.length > 0;
      at++;
      continue;
    }
    if (spaceBefore) {
      if (count === max) return words + '…';
      words += ' ';
      count++;
      spaceBefore = false;
    }
    if (count === max) return words + '…';
    const width = isSurrogatePair(text, at) ? 2 : 1;
    words += text.slice(at, at + width);
    count++;
    at += width;
    if (code === FULL_STOP || code === FULL_WIDTH_STOP) return words;
  }
  return words;
}

/** Whether a high and a low surrogate, one character between them, stand at `at`. */
function isSurrogatePair(text: string, at: number): boolean {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/**
 * Every match of a global pattern in `text`, as String.matchAll gives them. matchAll copies the
 * pattern, and a copy of a large one is compiled anew: some 40 µs a call, even on one character.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match);
    if (match[0] === '') pattern.lastIndex++;
  }
  pattern.lastIndex = 0;
  return found;
}
