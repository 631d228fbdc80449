// What a single line is: a heading (numbered, part, source block, speaker block), a transcript tag,
// a metadata field, a dateline. Lines are read as written; leading spaces only inform indentation.

import { OFFICE_TITLES } from '../knowledge/offices';
import { findDates } from './dates';
import { findTimes } from './times';
import { codeSet, endsSentence, firstCodeAfterIndent, readNumber } from './text';

export type NumberStyle = 'arabic' | 'paren' | 'kana' | 'iroha' | 'circled' | 'kanji' | 'roman';

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
/** (イ)(ロ)(ハ): the older order, which some lists start at イ. */
export const IROHA_ORDER = 'イロハニホヘトチリヌルヲ';
const ROMAN_ORDER = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ';
const LATIN_ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

const NUMBERED: readonly { style: NumberStyle; pattern: RegExp }[] = [
  { style: 'arabic', pattern: /^([0-9０-９]{1,2})(?:[.．、]|(?=[ \t\u3000]))[ \t\u3000]*(?=\S)/ },
  { style: 'paren', pattern: /^[(（]([0-9０-９]{1,2})[)）][ \t\u3000]*(?=\S)/ },
  { style: 'kana', pattern: /^[(（]([アイウエオカキクケコサシスセソタチツテトナニヌネノ])[)）][ \t\u3000]*(?=\S)/ },
  { style: 'iroha', pattern: /^[(（]([ロハホヘリヲ])[)）][ \t\u3000]*(?=\S)/ },
  { style: 'roman', pattern: /^([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])(?:[.．、]|(?=[ \t\u3000]))[ \t\u3000]*(?=\S)/ },
  // Old MOFA pages number their parts in Latin letters: 'I.日時…', 'II.概要'; a period and Japanese after it.
  { style: 'roman', pattern: /^(VIII|VII|VI|IV|IX|III|II|I|V|X)[.．][ \t\u3000]*(?=[^\s\x21-\x7e])/ },
  { style: 'circled', pattern: /^([\u2460-\u2473])[ \t\u3000]*(?=\S)/ },
  // '一、総論', and '一　両国間の…' with a space, as statements of the 1960s–70s number their items.
  { style: 'kanji', pattern: /^([一二三四五六七八九十]{1,3})(?:[、.．]|[ \t\u3000]+(?=[^ \t\u3000一二三四五六七八九十]))[ \t\u3000]*(?=\S)/ },
];

/** The first character of every NUMBERED pattern, after the indent. */
const MARKER_FIRST = codeSet('0123456789０１２３４５６７８９(（ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩIVX一二三四五六七八九十');
for (let circled = 0x2460; circled <= 0x2473; circled++) MARKER_FIRST.add(circled);

/** The spaces that open a line. */
const LEADING_INDENT = /^[ \t\u3000]*/;
/** A tab. */
const TAB = /\t/;
/**
 * A numbering marker at the start of a line. Lines indented by two or more spaces are list items
 * inside a paragraph (a news copy's 'POINT' list), unless `indented`: a page whose every heading is
 * indented (list items of a web page). A bullet is never a marker.
 */
export function numberedLine(text: string, indented = false): NumberedLine | null {
  // Most lines start with no marker at all: one look at the first character every marker needs.
  if (!MARKER_FIRST.has(firstCodeAfterIndent(text))) return null;
  const indent = LEADING_INDENT.exec(text)![0];
  if (TAB.test(indent) || indent.length > (indented ? 4 : 1)) return null;
  const rest = text.slice(indent.length);
  for (const { style, pattern } of NUMBERED) {
    const match = pattern.exec(rest);
    if (!match) continue;
    const number =
      style === 'kana' ? KANA_ORDER.indexOf(match[1]) + 1
      : style === 'iroha' ? IROHA_ORDER.indexOf(match[1]) + 1
      : style === 'roman' ? (ROMAN_ORDER.includes(match[1]) ? ROMAN_ORDER.indexOf(match[1]) : LATIN_ROMAN.indexOf(match[1])) + 1
      : readNumber(match[1]);
    if (number === null || number < 1) continue;
    const marker = match[0].trim();
    return { style, marker, number, textOffset: indent.length + match[0].length, markerOffset: indent.length };
  }
  return null;
}

/** '…旨述べた。3 アジア太平洋地域情勢'. */
const GLUED_HEADING = /[。．]([0-9０-９]{1,2})[ \t\u3000]([^。．、,]{1,30})$/;
/** A heading glued to the end of a paragraph: '…旨述べた。3 アジア太平洋地域情勢'. */
export function gluedHeading(text: string): { offset: number; number: number } | null {
  const match = GLUED_HEADING.exec(text);
  if (!match) return null;
  return { offset: match.index + 1, number: readNumber(match[1])! };
}

// '記者との質疑応答' names who asks; the part is the same.
const PARTS = /^(?:[^\s。、:：]{1,10}との)?(冒頭発言|冒頭挨拶|冒頭説明|冒頭|質疑応答|質疑|発表事項)(?:[:：].{0,60})?$/;
/** Marks that stand before a heading on some sites: '▶冒頭発言', '◯冒頭発言:…', '■ 日米関係'. */
const HEADING_MARK = /^[▶▷►◯○●◎■□◆◇・•][ \t\u3000]*/;
const HEADING_DECORATION = codeSet('▶▷►◯○●◎■□◆◇・•【[〔');

/** A line that is one '【…】', '〔…〕' or '[…]'. */
const WHOLLY_BRACKETED = /^【([^】]+)】$|^\[([^\]]+)\]$|^〔([^〕]+)〕$/;
/** A heading without its decorative mark or brackets: '▶冒頭発言' → '冒頭発言', '【日米同盟】' → '日米同盟'. */
export function headingText(text: string): string {
  const trimmed = text.trim();
  // Most lines carry neither a mark nor brackets: they are their own heading text.
  if (!HEADING_DECORATION.has(trimmed.charCodeAt(0))) return trimmed;
  const unmarked = trimmed.replace(HEADING_MARK, '');
  const bracketedHeading = WHOLLY_BRACKETED.exec(unmarked);
  return (bracketedHeading ? bracketedHeading[1] ?? bracketedHeading[2] ?? bracketedHeading[3] : unmarked).trim();
}

export function isPartHeading(text: string): boolean {
  return PARTS.test(headingText(text));
}

/** A line of dashes or bullets alone: a list, not a heading. */
const ONLY_DASHES = /^[-‐－―—─•・*]+$/;
/**
 * A short heading line a press conference puts before its questions ('靖国参拝問題', '▶日米関係',
 * '【日米同盟】', '■ 北朝鮮情勢'): not a sentence, not a tag. Whether it heads a topic depends on
 * what follows it (see structure.ts).
 */
export function isTopicText(text: string): boolean {
  const heading = headingText(text);
  // A 報道官 record joins the topics of one answer with slashes ('…緊急援助/「…対話」の開催/…'): each part is a topic's length.
  const short = heading.length <= 48 || (heading.length <= 150 && SLASH.test(heading) && heading.split(SLASH).every((part) => part.length >= 2 && part.length <= 48));
  return heading.length >= 2 && short && !endsSentence(heading) && !ONLY_DASHES.test(heading);
}
/** A list item of a scraped page: '- 二国間関係'. */
const DASH_ITEM = /^[-－][ \t\u3000]+/;
export const startsDashItem = (text: string): boolean => DASH_ITEM.test(text);

/** The topic a list item alone names ('- 二国間関係' → '二国間関係'), or null. */
export function dashItemTopic(text: string): string | null {
  if (!DASH_ITEM.test(text)) return null;
  const topic = text.replace(DASH_ITEM, '').trim();
  return isTopicText(topic) && numberedLine(topic) === null ? topic : null;
}
/** A slash between topics. */
const SLASH = /[/／]/;

/** '【日米同盟】', '〔防衛協力〕' (a MOD release) or '[日米関係]' alone on its line. */
const BRACKETED_HEADING = /^【[^】]{2,30}】$|^\[[^\]]{2,30}\]$|^〔[^〕]{2,30}〕$/;
/** '▶日米関係', '■ 北朝鮮情勢', '◎ 日米関係' (not a row of ◎). */
const MARKED_LINE = /^(?:[▶▷►■□◆◇]|◎(?!◎))[ \t\u3000]*[^\s◎]/;
/** '【日米同盟】', '[日米関係]' or '▶日米関係' alone on its line: a heading wherever it stands. */
export function isMarkedHeading(text: string): boolean {
  const trimmed = text.trim();
  return (BRACKETED_HEADING.test(trimmed) || MARKED_LINE.test(trimmed)) && isTopicText(trimmed) && !BRACKETED_DAY.test(trimmed);
}

/** A diary's day in brackets ('【平成20年5月7日(水)】'): the date of the entries below, not a topic. */
const BRACKETED_DAY = /^【(?:平成|令和|昭和)?[0-9０-９元]{1,4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:[(（][月火水木金土日][)）])?】$/;

const OPENING_LENTICULAR = 0x3010; // 【
const ORGANISATION = /(省|庁|官邸|府|院|本部|委員会|大使館|総領事館|事務所|代表部|官房|局)$/;
/** What every source heading ('【防衛省】…') starts with: a wider pattern than the tag and ORGANISATION together. */
const SOURCE_HEADING = new RegExp(`^[ \\t\\u3000]*【[^】]{0,40}${ORGANISATION.source.slice(0, -1)}[ \\t\\u3000]*】`);
const SPEAKER_ROLE = new RegExp(
  `(記者|司会|司会者|報道官|答|問|者|氏|議長|委員長|${OFFICE_TITLES})$|^(Q|A|問|答)$`,
);
/** The tags of the press's questions: '問', 'Q', '記者', 'NHK 記者'. */
export const PRESS_TAG = /^(問|Q|記者)$|記者$/;
/** Roles a transcript writes without brackets ('問:', 'Q.', '○記者', a bare '大臣' line). */
const BARE_ROLE = new RegExp(`^(?:Q|A|問|答|記者|司会|司会者|報道官|(?:[一-龥々]{1,4})?(?:${OFFICE_TITLES}))$`);

export interface Bracketed {
  readonly inner: string;
  /** Offsets in the line: the whole tag and what follows it. */
  readonly tagStart: number;
  readonly tagEnd: number;
  /** Offsets in the line of the speaker's name or role inside the tag. */
  readonly nameStart: number;
  readonly nameEnd: number;
}

/** A '【…】' tag at a line's start, with its indent and inner spaces. */
const BRACKET_TAG = /^([ \t\u3000]*)【([ \t\u3000]*)([^】]{1,30}?)[ \t\u3000]*】/;
function bracketed(text: string): Bracketed | null {
  const match = BRACKET_TAG.exec(text);
  if (!match) return null;
  const nameStart = match[1].length + 1 + match[2].length;
  return { inner: match[3], tagStart: match[1].length, tagEnd: match[0].length, nameStart, nameEnd: nameStart + match[3].length };
}

/** '【防衛省】日米防衛相会談の概要': a ministry's release quoted in a larger page. */
export function sourceHeading(text: string): Bracketed | null {
  // Asked of every line: a look at its first character answers for all lines but such headings.
  if (firstCodeAfterIndent(text) !== OPENING_LENTICULAR || !SOURCE_HEADING.test(text)) return null;
  const tag = bracketed(text);
  return tag && ORGANISATION.test(tag.inner) ? tag : null;
}

/** '(問)', '(外務大臣)', '(麻生外務大臣)' before the words of a turn. */
const PAREN_TAG = /^([ \t\u3000]*)[(（]([^()（）]{1,24})[)）][ \t\u3000]*/;
/** 'Q:', '問:', 'A.', '答)' before the words of a turn. */
const LETTER_TAG = /^([ \t\u3000]*)(Q|A|Ｑ|Ａ|問|答)(?:[:：.．)）]|[ \t\u3000]+(?=\S))[ \t\u3000]*/;
/** '○記者', '◯大臣', '■記者:', '●司会' — a mark, the role, then the words. */
const MARKED_TAG = /^([ \t\u3000]*)[○◯●■◆◇□][ \t\u3000]*([^ \t\u3000:：、。]{1,20}?)(?:[ \t\u3000]*[:：][ \t\u3000]*|[ \t\u3000]+|$)/;
/** A role alone on its line ('記者', '大臣', '記者:'), the words on the lines below. */
const BARE_TAG = /^([ \t\u3000]*)([^ \t\u3000:：、。]{1,12})[ \t\u3000]*[:：]?[ \t\u3000]*$/;

/** Spaces inside a tag, for replace (global: never for test or exec). */
const TAG_SPACES = /[ \t\u3000]+/g;
/** Tags that head the list of those present. */
const LIST_HEADING = /^(?:同席者|出席者|参加者|陪席者)$/;

function isRole(inner: string): boolean {
  // '【質疑応答】' ends in 答 but heads a part; '【同席者】' heads the list of those present.
  return !ORGANISATION.test(inner) && !PARTS.test(inner.trim()) && !LIST_HEADING.test(inner.trim()) && SPEAKER_ROLE.test(inner.replace(TAG_SPACES, ''));
}

const HALF_WIDTH_LETTERS: Record<string, string> = { Ｑ: 'Q', Ａ: 'A' };
/** The first character of every tag below (BARE_TAG's roles: 記者, 司会, 大臣, 総理, 長官, 報道官, 副大臣), after the indent. */
const TAG_START = codeSet('【(（QAＱＡ問答○◯●■◆◇□記司大総長報副');

/** Roles whose bracket alone on its line is still a turn ('(問)', '(上田:NHK記者)'). */
const ALONE_ROLE = /^(問|答|Q|A|司会)$|記者$/;
/** Roles written alone on a line as a tag. */
const BARE_ROLE_WORD = /^(記者|司会|司会者|大臣|総理|長官|報道官|副大臣)$/;
/**
 * A transcript turn's tag: '【記者】', '【大臣】', '【林外務大臣】', '【NHK 記者】', '(問)', '(答)',
 * '(外務大臣)', 'Q:', '問:', '○記者', or a bare '記者' line. `inner` is the role or name as written.
 */
export function turnTag(text: string): Bracketed | null {
  // Every tag starts with a bracket, a letter, a mark or a role's first character: most lines start with none.
  if (!TAG_START.has(firstCodeAfterIndent(text))) return null;
  const tag = bracketed(text);
  if (tag) return isRole(tag.inner) ? tag : null;
  const paren = PAREN_TAG.exec(text);
  if (paren) {
    const inner = paren[2].trim();
    const nameStart = paren[1].length + 1 + paren[2].indexOf(inner);
    // '(外務大臣)' alone on its line is a speaker's block, not a turn (see speakerBlock); the press's
    // tags are turns alone too, with the reporter's name before the outlet: '(上田:NHK記者)'.
    const alone = paren[0].length === text.trimEnd().length;
    if (!isRole(inner) || (alone && !ALONE_ROLE.test(inner))) return null;
    return { inner, tagStart: paren[1].length, tagEnd: paren[0].length, nameStart, nameEnd: nameStart + inner.length };
  }
  const letter = LETTER_TAG.exec(text);
  if (letter) {
    const inner = HALF_WIDTH_LETTERS[letter[2]] ?? letter[2];
    return { inner, tagStart: letter[1].length, tagEnd: letter[0].length, nameStart: letter[1].length, nameEnd: letter[1].length + 1 };
  }
  const marked = MARKED_TAG.exec(text);
  if (marked && BARE_ROLE.test(marked[2])) {
    const nameStart = text.indexOf(marked[2], marked[1].length);
    return { inner: marked[2], tagStart: marked[1].length, tagEnd: marked[0].length, nameStart, nameEnd: nameStart + marked[2].length };
  }
  const bare = BARE_TAG.exec(text);
  if (bare && BARE_ROLE_WORD.test(bare[2])) {
    return { inner: bare[2], tagStart: bare[1].length, tagEnd: bare[0].length, nameStart: bare[1].length, nameEnd: bare[1].length + bare[2].length };
  }
  return null;
}

/** '【安倍総理冒頭発言】', 'S.ラヴロフ・ロシア外務大臣の発言': a block named for the speaker's remarks. */
const REMARKS_BLOCK = /^(?:【([^】]{2,30}?)(?:の)?(?:冒頭発言|冒頭挨拶|発言|挨拶|スピーチ)】|([^。、,\s]{2,40}?)の(?:冒頭)?(?:発言|挨拶|スピーチ))$/;
/** A news 要旨's turn: a short label, a space, then the words ('首相 当選に…', '文氏 …', '両首脳 …'). */
const SPACED_LABEL = /^([^\s、。,，:：「」『』()（）【】]{1,6})[ \u3000]+(?=\S.{7})/;
/** The shortest line SPACED_LABEL reads: a label, a space and eight characters of words. */
const SPACED_LABEL_LENGTH = 10;
const LABEL_ROLE = new RegExp(`^(?:両首脳|両首相|両外相|両大臣|両氏|双方|記者|問|答)$|(?:氏|首相|総理|首脳|外相|記者|${OFFICE_TITLES})$`);

/**
 * The 'label + space' turns of a page, by line: three lines at least, two labels at least, each
 * a role or a name with 氏. Lines that do not read so get null.
 */
export function spacedLabelTags(lines: readonly string[]): (Bracketed | null)[] {
  const tags = lines.map((text): Bracketed | null => {
    const match = text.length >= SPACED_LABEL_LENGTH ? SPACED_LABEL.exec(text) : null;
    if (!match || !LABEL_ROLE.test(match[1])) return null;
    return { inner: match[1], tagStart: 0, tagEnd: match[0].length, nameStart: 0, nameEnd: match[1].length };
  });
  const labels = new Set<string>();
  let count = 0;
  for (let lineIndex = 0; lineIndex < tags.length; lineIndex++) {
    const tag = tags[lineIndex];
    if (!tag) continue;
    labels.add(tag.inner);
    count++;
  }
  return count >= 3 && labels.size >= 2 ? tags : lines.map(() => null);
}

/** '(ラヴロフ外務大臣)' alone on a line: a speaker's block in a joint press event. */
const NAMED_ROLE = new RegExp(`(${OFFICE_TITLES}|氏)$`);

/** What every speaker's block starts or ends with. */
const BLOCK_OPENERS = codeSet('(（【');
const BLOCK_ENDS = codeSet('言拶チ');
function hintsBlock(trimmed: string): boolean {
  return BLOCK_OPENERS.has(trimmed.charCodeAt(0)) || BLOCK_ENDS.has(trimmed.charCodeAt(trimmed.length - 1));
}
/** '(ラヴロフ外務大臣)': a bracketed line. */
const PAREN_LINE = /^[(（]([^()（）]{2,30})[)）]$/;
/** A digit first. */
const OPENS_WITH_DIGIT = /^[0-9０-９]/;
/**
 * A speaker's block in a joint press event, alone on its line: '(ラヴロフ外務大臣)', '【安倍総理冒頭発言】',
 * 'S.ラヴロフ・ロシア外務大臣の発言'. Returns the speaker as written, without what the block is.
 */
export function speakerBlock(text: string): string | null {
  const trimmed = text.trim();
  // A block is bracketed or ends in what the speaker gives ('…の発言', '…の挨拶', '…のスピーチ').
  if (!hintsBlock(trimmed)) return null;
  const paren = PAREN_LINE.exec(trimmed);
  const remarks = paren ? null : REMARKS_BLOCK.exec(trimmed);
  const inner = (paren ? paren[1] : remarks ? remarks[1] ?? remarks[2] : '').trim();
  if (!inner || OPENS_WITH_DIGIT.test(inner)) return null;
  return NAMED_ROLE.test(inner) ? inner : null;
}

/** '日時', '場所', '日時:平成30年…' — a field of a release's header. */
const FIELD_NAMES: Record<string, 'date' | 'place' | 'title'> = {
  日時: 'date', 日付: 'date', 年月日: 'date', 場所: 'place', 会場: 'place', 於: 'place', 文書名: 'title',
};

// A bullet may stand before the name: '• 日時:…', '・場所:…', '■日時　…'.
const FIELD = /^[ \t\u3000]*(?:[•・■□◆◇●○◎▪*][ \t\u3000]*)?(?:(日時|日付|場所|会場|於)|[[［](年月日|場所|文書名)[\]］])[ \t\u3000]*[:：]?[ \t\u3000]*/;

/**
 * '日時', '場所', '日時:平成30年…', '• 場所:…' behind a bullet, and an archive's '[文書名] …', '[場所] …', '[年月日] …' — a field of
 * a release's header.
 */
export function fieldLine(text: string): { field: 'date' | 'place' | 'title'; value: string; valueOffset: number } | null {
  const match = FIELD.exec(text);
  if (!match) return null;
  const value = text.slice(match[0].length).trim();
  if (value.length > (match[2] === '文書名' ? 120 : 60)) return null;
  return { field: FIELD_NAMES[match[1] ?? match[2]], value, valueOffset: match[0].length };
}

/** A numbered part that is a field: 'I.日時21日12時02分(…)~13時45分(…)' on an old MOFA page. */
const NUMBERED_FIELD = /^[ \t\u3000]*(?:VIII|VII|VI|IV|IX|III|II|I|V|X|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|[0-9０-９]{1,2})[.．][ \t\u3000]*(日時|場所)[ \t\u3000]*[:：]?[ \t\u3000]*/;

/** The field a numbered part holds: a heading of the outline, and the meeting's date or place. */
export function numberedField(text: string): { field: 'date' | 'place'; value: string; valueOffset: number } | null {
  const match = NUMBERED_FIELD.exec(text);
  const value = match ? text.slice(match[0].length).trim() : '';
  return match && value && value.length <= 60 ? { field: FIELD_NAMES[match[1]] as 'date' | 'place', value, valueOffset: match[0].length } : null;
}

/** A full stop or a comma. */
const HOLDS_PUNCTUATION = /[。、,]/;
/** What a statement's title calls it. */
const STATEMENT_NAME = /共同声明|共同宣言|共同発表|首脳声明|閣僚声明|コミュニケ|宣言$/;
/** A statement's title inside a readout ('日米韓外相共同声明(和文仮訳)'). */
export function isStatementTitle(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 60 && STATEMENT_NAME.test(trimmed) && !HOLDS_PUNCTUATION.test(trimmed);
}

/** A bullet or mark first. */
const OPENS_WITH_BULLET = /^[•・◆■▶►\-*]/;
/** A short line that can head a part of a joint statement. */
export function isHeadlineText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length >= 2 && trimmed.length <= 40 && !endsSentence(trimmed) && !OPENS_WITH_BULLET.test(trimmed);
}

/** What a conference's header names, or its brackets. */
const CONFERENCE_WORD = /会見|記者発表|ブリーフィング|[《〈]/;
/** Up to forty characters without a full stop or comma. */
const SHORT_PHRASE = /^[^。、]{0,40}$/;
/** '於:' before a room. */
const NAMES_ROOM = /於/;
/**
 * The header of one press conference: '外務大臣会見記録(平成17年10月31日(月曜日)23時10分~於:本省・会見室)',
 * '《令和6年2月20日(火曜日)10時02分 於:本省会見室》'. A page of a month's conferences holds several.
 */
export function isConferenceHeader(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > 110 || endsSentence(trimmed) || !CONFERENCE_WORD.test(trimmed)) return false;
  const full = findDates(trimmed).find((date) => date.year !== null && date.month !== null);
  // A header gives the hour or the room; a caption or an index entry with a date does not.
  return full !== undefined && SHORT_PHRASE.test(trimmed.slice(0, full.start)) && (NAMES_ROOM.test(trimmed) || findTimes(trimmed.slice(full.end)).length > 0);
}

/** A closing bracket followed by an opening one: '…)(外務大臣)'. */
const BRACKETS_MEET = /[)）][ \t\u3000]*[(（]/;
/** A tag glued after a conference's header on one line: '外務大臣会見記録 (…於:院内控室)(外務大臣)本日の…'. */
export function headerGluedTag(text: string): Bracketed | null {
  const close = text.search(BRACKETS_MEET);
  if (close < 0 || !isConferenceHeader(text.slice(0, close + 1))) return null;
  const tag = turnTag(text.slice(close + 1));
  if (!tag) return null;
  const shift = close + 1;
  return { inner: tag.inner, tagStart: tag.tagStart + shift, tagEnd: tag.tagEnd + shift, nameStart: tag.nameStart + shift, nameEnd: tag.nameEnd + shift };
}
