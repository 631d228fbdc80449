// What the whole page tells the structure builder before it reads line by line (whether it is a
// transcript, how many conferences it holds, where a joint event's speaker blocks end, which
// markers are bullets), and the line tests the builder shares.

import { Bracketed, NumberStyle, PRESS_TAG, headingText, isConferenceHeader, isPartHeading, numberedLine, spacedLabelTags, speakerBlock, turnTag } from './lineKinds';
import { HOLDS_SENTENCE_END, Line, WHITESPACE, firstWords, isBlank, readNumber } from './text';

export interface PageTraits {
  /** The press asks somewhere, or a conference's header stands over tagged remarks. */
  readonly transcript: boolean;
  /** Two conference headers or more: a page of a month's press conferences. */
  readonly conferences: boolean;
  /** No numbered line stands unindented: a web page's list items are headings. */
  readonly indented: boolean;
  /** Where the questions start on a page whose remarks stand in two speakers' blocks or more, or -1. */
  readonly blocksEnd: number;
  /** Styles whose every marker is the same '1' ('一、' before each item of a news 要旨): bullets, not lists. */
  readonly bulletStyles: ReadonlySet<NumberStyle>;
  /** Each content line's turn tag and speaker's block by line index, read once: the builder asks for a line's several times. */
  readonly turnTags: readonly (Bracketed | null)[];
  readonly speakerBlocks: readonly (string | null)[];
  /** The first line of content: the page's headline. */
  readonly headline: Line | null;
}

export const LABEL_LENGTH = 24;

/** '大臣冒頭発言', '知事冒頭発言': the host's opening remarks named by office alone, a part like '冒頭発言'. */
export const HOST_OPENING = /^(?:大臣|副大臣|長官|官房長官|報道官|知事)冒頭(?:発言|挨拶)$/;

/** A numbered heading's label: its marker and first words. */
export function headingLabel(marker: string, text: string): string {
  const heading = firstWords(text, LABEL_LENGTH);
  return marker ? `${marker} ${heading}` : heading;
}

/** A conference header's date and time, so that the same header written twice counts once. */
function conferenceKey(text: string): string {
  return (text.match(/[0-9０-９]+/g) ?? []).slice(0, 6).join('-');
}

export function readPageTraits(lines: readonly Line[], isContent: (index: number) => boolean): PageTraits {
  // One pass over the lines for every trait: the page's lines are many, its tags and headers few.
  const content: Line[] = [];
  const tagged: (Bracketed | null)[] = new Array(lines.length).fill(null);
  const speakerBlocks: (string | null)[] = new Array(lines.length).fill(null);
  const headers = new Set<string>();
  let anyTag = false;
  let indented = true;
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex];
    if (!isContent(line.index)) continue;
    content.push(line);
    const tag = turnTag(line.text);
    tagged[line.index] = tag;
    anyTag ||= tag !== null;
    speakerBlocks[line.index] = speakerBlock(line.text);
    if (isConferenceHeader(line.text)) headers.add(conferenceKey(line.text));
    if (indented && numberedLine(line.text) !== null) indented = false;
  }
  // A news 要旨 writes its turns as 'label + space' ('首相 …'): read only on a page with no other tag.
  const turnTags = anyTag ? tagged : spacedLabelTags(lines.map((line) => (isContent(line.index) ? line.text : '')));
  let pressAsks = false;
  let tags = 0;
  for (let lineIndex = 0; lineIndex < content.length && !pressAsks; lineIndex++) {
    const tag = turnTags[content[lineIndex].index];
    if (!tag) continue;
    tags++;
    pressAsks = PRESS_TAG.test(tag.inner.replace(WHITESPACE, ''));
  }
  return {
    transcript: pressAsks || (tags > 0 && headers.size > 0),
    conferences: headers.size > 1,
    indented,
    blocksEnd: jointBlocksEnd(content, turnTags, speakerBlocks),
    bulletStyles: bulletStyles(content),
    turnTags,
    speakerBlocks,
    headline: content[0] ?? null,
  };
}

/** '質疑': the questions' part. */
const NAMES_QUESTIONS = /質疑/;
/** '(岸田外務大臣)', '【安倍総理冒頭発言】' blocks of two speakers or more end where the press first asks. */
function jointBlocksEnd(content: readonly Line[], turnTags: PageTraits['turnTags'], speakerBlocks: PageTraits['speakerBlocks']): number {
  const speakers = new Set<string>();
  const end = content.length === 0 ? 0 : content[content.length - 1].index + 1;
  for (let lineIndex = 0; lineIndex < content.length; lineIndex++) {
    const line = content[lineIndex];
    const tag = turnTags[line.index];
    if ((tag && PRESS_TAG.test(tag.inner.replace(WHITESPACE, ''))) || (NAMES_QUESTIONS.test(line.text) && isPartHeading(line.text.trim()))) {
      return speakers.size >= 2 ? line.index : -1;
    }
    const block = tag ? null : speakerBlocks[line.index];
    if (block) speakers.add(block);
  }
  return speakers.size >= 2 ? end : -1;
}

/** A style written three times or more, always as '1', marks items without counting them. */
function bulletStyles(content: readonly Line[]): Set<NumberStyle> {
  const counts = new Map<NumberStyle, { ones: number; others: number }>();
  for (let lineIndex = 0; lineIndex < content.length; lineIndex++) {
    const line = content[lineIndex];
    const numbered = numberedLine(line.text, true);
    if (!numbered) continue;
    const count = counts.get(numbered.style) ?? { ones: 0, others: 0 };
    if (numbered.number === 1) count.ones++;
    else count.others++;
    counts.set(numbered.style, count);
  }
  return new Set([...counts].filter(([, count]) => count.others === 0 && count.ones >= 3).map(([style]) => style));
}

/** Whether the heading text is running prose (a numbered paragraph) rather than a short title. */
export function isProse(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 40 || HOLDS_SENTENCE_END.test(trimmed);
}

/** A sentence or a quote closing the line. */
const ENDS_PARAGRAPH = /[。．」]$/;
/** Headlines stand between paragraphs, not under a title, a stamp or a caption: the line above ends a sentence. */
export function previousContentIsParagraph(lines: readonly Line[], furniture: readonly boolean[], index: number): boolean {
  for (let previous = index - 1; previous >= 0; previous--) {
    if (furniture[previous] || isBlank(lines[previous].text)) continue;
    return ENDS_PARAGRAPH.test(lines[previous].text.trim());
  }
  return false;
}

export function nextContentIsProse(lines: readonly Line[], furniture: readonly boolean[], index: number): boolean {
  for (let next = index + 1; next < lines.length; next++) {
    if (furniture[next] || isBlank(lines[next].text)) continue;
    return isProse(lines[next].text);
  }
  return false;
}

/** '(1) イラク問題：川口大臣より、…' — a numbered paragraph led by its topic is labelled with the topic. */
export function topicBeforeColon(text: string): string {
  const match = /^[ \t\u3000]*([^:：。、,]{2,20})[:：]/.exec(text);
  return match ? match[1] : text;
}

/** A title without its mark and a closing bracket of date or note: '■X(2017年2月10日)' → 'X'. */
export function titleCore(text: string): string {
  return headingText(text).replace(/[（(][^（）()]*[）)]$/, '').replace(/[\s\u3000]+/g, '');
}

/** A bracketed tag the page's end cuts short: '【時事通信 松本記'. */
export function isCutTag(text: string): boolean {
  return /^[ \t\u3000]*【[^】]{1,30}$/.test(text);
}

/** One of the events a headline joins ('日米首脳ワーキングランチ及び日米首脳会談'), alone on its line. */
export function namesEventOf(text: string, headline: string): boolean {
  const events = headline.trim().split(/及び|並びに/);
  return events.length >= 2 && text.length >= 4 && events.some((event) => event.trim() === text);
}

const ROMAN_NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const ROMAN_CHARACTERS = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ';

/** A roman numeral alone on its line, centred or not. */
const ROMAN_ALONE = /^([ \t\u3000]*)(VIII|VII|VI|IV|IX|III|II|I|V|X|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])[.．]?[ \t\u3000]*$/;
/** A roman numeral alone on its line, centred or not ('                I', 'Ⅱ'): the number of the part below. */
export function romanAlone(text: string): { offset: number; marker: string; number: number } | null {
  const match = ROMAN_ALONE.exec(text);
  if (!match) return null;
  const number = ROMAN_CHARACTERS.includes(match[2]) ? ROMAN_CHARACTERS.indexOf(match[2]) + 1 : ROMAN_NUMERALS.indexOf(match[2]) + 1;
  return { offset: match[1].length, marker: match[2], number };
}

/** A copy's headline written again over the text, with its day before and its span after: '■【7月24日…会見概要 (10時01分~10時18分)】'. `headlineCore` is the headline's titleCore. */
export function restatesHeadline(text: string, headlineCore: string): boolean {
  // Asked of every line: one shorter than the headline's core cannot hold it.
  if (headlineCore.length < 6 || text.length < headlineCore.length) return false;
  return titleCore(text).replace(/^[0-9０-９]{1,2}月[0-9０-９]{1,2}日/, '') === headlineCore;
}

/**
 * An old table layout runs its cells together, so the first heading can end a long row:
 * '…5月5日 日米首脳会談(クリントン大統領) 1.日露首脳会談(4月29日)'.
 */
export function rowGluedHeading(text: string): { offset: number; marker: string; number: number } | null {
  if (text.trim().length <= 40) return null;
  const match = /[ \t\u3000]([0-9０-９]{1,2}[.．])([^\s。．、,0-9０-９][^\s。．、,]{1,29})$/.exec(text);
  if (!match) return null;
  return { offset: match.index + 1, marker: match[1], number: readNumber(match[1].slice(0, -1))! };
}

/**
 * An old table's next numbered part run into the end of the part above: '…確認された。2.首脳会談の概要(8日10:19-10:38於:迎賓館)'.
 * It opens a section only where it continues the numbering (see numberedRank).
 */
export function sentenceGluedItem(text: string): { offset: number; marker: string; number: number } | null {
  const match = /[。．]([0-9０-９]{1,2}[.．])[^\s。．、,0-9０-９()（）][^\s。．、,()（）]{1,29}(?:[(（][^。()（）]{0,30}(?:[(（][^。()（）]{0,10}[)）][^。()（）]{0,40})?[)）])?$/.exec(text);
  if (!match) return null;
  return { offset: match.index + 1, marker: match[1], number: readNumber(match[1].slice(0, -1))! };
}

export interface RunInItem {
  readonly offset: number;
  readonly marker: string;
  readonly number: number;
}
const NO_ITEMS: readonly RunInItem[] = Object.freeze([]);

/**
 * Numbered paragraphs a PDF's text layer ran into one line: ' 1. …。 2. …。 3. …', numbered 1, 2, 3
 * in order after a space at the line's start or a sentence's end, three at least.
 */
export function runInItems(text: string): readonly RunInItem[] {
  if (text.length < 200) return NO_ITEMS;
  const items: RunInItem[] = [];
  // An old table's cells run together the same way, with no space after the marker: '…とおり。1.日豪二国間関係 …。 2.地域協力 …'.
  for (const match of text.matchAll(/(?:^|[。．)）][ \t\u3000]*|[ \t\u3000])([0-9０-９]{1,2}[.．])[ \t\u3000]*(?=[^ \t\u30000-9０-９.．%％])/g)) {
    const number = readNumber(match[1].slice(0, -1))!;
    if (number !== items.length + 1) continue;
    items.push({ offset: match.index + match[0].indexOf(match[1]), marker: match[1], number });
  }
  return items.length >= 3 ? items : NO_ITEMS;
}
