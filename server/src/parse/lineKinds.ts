// What a single line is: a heading (numbered, part, source block, speaker block), a transcript tag,
// a metadata field, a dateline. Lines are read as written; leading spaces only inform indentation.

import { OFFICE_TITLES } from '../knowledge/offices';
import { readNumber } from './text';

export type NumberStyle = 'arabic' | 'paren' | 'kana' | 'circled' | 'kanji';

export interface NumberedLine {
  readonly style: NumberStyle;
  readonly marker: string;
  readonly number: number;
  /** Offset in the line where the heading text starts. */
  readonly textOffset: number;
  /** Offset in the line where the marker starts. */
  readonly markerOffset: number;
}

const KANA_ORDER = 'アイウエオカキクケコサシスセソタチツテトナニヌネノ';

const NUMBERED: readonly { style: NumberStyle; pattern: RegExp }[] = [
  { style: 'arabic', pattern: /^([0-9０-９]{1,2})(?:[.．、]|(?=[ \t\u3000]))[ \t\u3000]*(?=\S)/ },
  { style: 'paren', pattern: /^[(（]([0-9０-９]{1,2})[)）][ \t\u3000]*(?=\S)/ },
  { style: 'kana', pattern: /^[(（]([アイウエオカキクケコサシスセソタチツテトナニヌネノ])[)）][ \t\u3000]*(?=\S)/ },
  { style: 'circled', pattern: /^([\u2460-\u2473])[ \t\u3000]*(?=\S)/ },
  { style: 'kanji', pattern: /^([一二三四五六七八九十]{1,3})[、.．][ \t\u3000]*(?=\S)/ },
];

/**
 * A numbering marker at the start of a line. Lines indented by two or more spaces or led by a
 * bullet are list items inside a paragraph, not headings.
 */
export function numberedLine(text: string): NumberedLine | null {
  const indent = /^[ \t\u3000]*/.exec(text)![0];
  if (/^( {2,}|\t)/.test(indent) || indent.length > 1) return null;
  const rest = text.slice(indent.length);
  for (const { style, pattern } of NUMBERED) {
    const match = pattern.exec(rest);
    if (!match) continue;
    const number = style === 'kana' ? KANA_ORDER.indexOf(match[1]) + 1 : readNumber(match[1]);
    if (number === null || number < 1) continue;
    const marker = match[0].trim().replace(/[.．、]$/, '');
    return { style, marker, number, textOffset: indent.length + match[0].length, markerOffset: indent.length };
  }
  return null;
}

/** A heading glued to the end of a paragraph: '…旨述べた。3 アジア太平洋地域情勢'. */
export function gluedHeading(text: string): { offset: number; number: number } | null {
  const match = /[。．]([0-9０-９]{1,2})[ \t\u3000]([^。．、,]{1,30})$/.exec(text);
  if (!match) return null;
  return { offset: match.index + 1, number: readNumber(match[1])! };
}

const PARTS = /^(冒頭発言|冒頭挨拶|冒頭説明|冒頭|質疑応答|質疑)$/;

export function isPartHeading(text: string): boolean {
  return PARTS.test(text.trim());
}

const ORGANISATION = /(省|庁|官邸|府|院|本部|委員会|大使館|総領事館|事務所|代表部|官房|局)$/;
const SPEAKER_ROLE = new RegExp(
  `(記者|司会|報道官|答|問|者|氏|議長|委員長|${OFFICE_TITLES})$|^(Q|A|問|答)$`,
);

export interface Bracketed {
  readonly inner: string;
  /** Offsets in the line: the whole 【…】 and what follows it. */
  readonly tagStart: number;
  readonly tagEnd: number;
}

function bracketed(text: string): Bracketed | null {
  const match = /^([ \t\u3000]*)【([^】]{1,30})】/.exec(text);
  return match ? { inner: match[2].trim(), tagStart: match[1].length, tagEnd: match[0].length } : null;
}

/** '【防衛省】日米防衛相会談の概要': a ministry's release quoted in a larger page. */
export function sourceHeading(text: string): Bracketed | null {
  const tag = bracketed(text);
  return tag && ORGANISATION.test(tag.inner) ? tag : null;
}

/** '【記者】', '【大臣】', '【林外務大臣】', '【NHK 記者】': a transcript turn. */
export function turnTag(text: string): Bracketed | null {
  const tag = bracketed(text);
  return tag && !ORGANISATION.test(tag.inner) && SPEAKER_ROLE.test(tag.inner) ? tag : null;
}

/** '(ラヴロフ外務大臣)' alone on a line: a speaker's block in a joint press event. */
export function speakerBlock(text: string): string | null {
  const match = /^[ \t\u3000]*[(（]([^()（）]{2,30})[)）][ \t\u3000]*$/.exec(text);
  if (!match) return null;
  const inner = match[1].trim();
  return new RegExp(`(${OFFICE_TITLES}|氏)$`).test(inner) && !/^[0-9０-９]/.test(inner) ? inner : null;
}

/** '日時', '場所', '日時:平成30年…' — a field of a release's header. */
export function fieldLine(text: string): { field: 'date' | 'place'; value: string; valueOffset: number } | null {
  const match = /^([ \t\u3000]*)(日時|日付|場所|会場|於)[ \t\u3000]*[:：]?[ \t\u3000]*/.exec(text);
  if (!match) return null;
  const value = text.slice(match[0].length).trim();
  if (value.length > 60) return null;
  return { field: match[2] === '場所' || match[2] === '会場' || match[2] === '於' ? 'place' : 'date', value, valueOffset: match[0].length };
}

/** A statement's title inside a readout ('日米韓外相共同声明(和文仮訳)'). */
export function isStatementTitle(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 60 && /共同声明|共同宣言|共同発表|首脳声明|閣僚声明/.test(trimmed) && !/[。、,]/.test(trimmed);
}

/** A short line that can head a part of a joint statement. */
export function isHeadlineText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length >= 2 && trimmed.length <= 40 && !/[。．]$/.test(trimmed) && !/^[•・◆■▶►\-*]/.test(trimmed);
}
