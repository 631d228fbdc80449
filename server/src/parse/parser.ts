// Text → Readout. Pure: no I/O, no editor; the same text always gives the same model.

import { findMeetingKind, findTitleKind, namesMeeting } from '../knowledge/meetingKinds';
import type { PeopleIndex } from '../knowledge/people';
import { Meeting, Readout, Span } from '../model/readout';
import { PUBLICATION_STAMP, RECORD_STAMP, findBoilerplate, furnitureSpans } from './boilerplate';
import { findDates, findYearMonths, isPossibleDate, isoDate } from './dates';
import { meetingBlocks } from './blocks';
import { fieldLine, isStatementTitle, sourceHeading } from './lineKinds';
import { foldTraditional, restoreWritten } from './traditional';
import { DocumentDates, derivedTitle, isTitleLine, readMeeting } from './meetings';
import type { DayOfYear } from './schedule';
import { forgetNamedOffices } from './participants';
import { attributeSpeech } from './speakers';
import { buildStructure } from './structure';
import { Line, LineMap, LineSet, contentEnd, contentStart, isBlank, readNumber, splitLines } from './text';

export interface ReadoutParser {
  /**
   * `people` are whom the names can be (the knowledge file's, merged with a workspace's own);
   * `lineMap`, when the caller has split the text already, saves splitting it again.
   */
  parse(text: string, people: PeopleIndex, lineMap?: LineMap): Readout;
}

/** How many lines of content the title may stand below the top of the page. */
const TITLE_WINDOW = 15;
/** Nothing but a dash between two dates: '2014.11.7〜2014.11.20'. */
const SPAN_DASH = /^[ \t\u3000]*[〜~～\-－–][ \t\u3000]*$/;
/** A life span's dash after a birth date ('李 克強(…、1955年7月1日 - )'): a person's dates, not the page's. */
const LIFE_SPAN_AFTER = /^[ \t\u3000]*[-–−〜~][ \t\u3000]*(?:[)）]|[0-9０-９]{4}年)/;

export function parseReadout(written: string, people: PeopleIndex, writtenLines?: LineMap): Readout {
  // A copy in traditional characters is read in modern ones; offsets stay those of the page.
  const text = foldTraditional(written);
  // The caller's lines serve when the fold changed nothing (the lines must hold the text read).
  const lineMap = writtenLines && text === written ? writtenLines : new LineMap(splitLines(text));
  forgetNamedOffices();
  const { lines } = lineMap;
  const furniture = findBoilerplate(lines, (line) => sourceHeading(line.text) !== null);
  const structure = buildStructure(lineMap, furniture, text.length);
  const content = lines.filter((line) => !furniture[line.index] && !isBlank(line.text));

  const titleSpan = findTitle(content, structure.headingLines);
  const full: (DayOfYear & { readonly line: number; readonly opensSpan: boolean })[] = [];
  for (let lineIndex = 0; lineIndex < content.length; lineIndex++) {
    const line = content[lineIndex];
    const dates = findDates(line.text);
    for (let at = 0; at < dates.length; at++) {
      const date = dates[at];
      const opensSpan = (dates[at + 1]?.year ?? null) !== null && SPAN_DASH.test(line.text.slice(date.end, dates[at + 1].start));
      if (date.year !== null && date.month !== null && !LIFE_SPAN_AFTER.test(line.text.slice(date.end))) full.push({ year: date.year, month: date.month, day: date.day, line: line.index, opensSpan });
    }
  }
  const published = findPublished(lines, furniture);
  // The page's own date: its publication stamp, else a full date near its top (a headline's stamp).
  // A stamp of a span of days ('2014.11.7〜2014.11.20') dates the page by its last day: the days it tells of fall within it.
  const nearTop = full.find((date) => !date.opensSpan && content.length > 0 && date.line <= (content[Math.min(TITLE_WINDOW, content.length) - 1].index));
  const page = published ? { year: Number(published.slice(0, 4)), month: Number(published.slice(5, 7)), day: Number(published.slice(8)) } : nearTop ?? null;
  const headings = content.slice(0, TITLE_WINDOW).flatMap((line) => findYearMonths(line.text));
  const evidence: DocumentDates = { full, page, yearMonths: headings };

  const blocks = meetingBlocks({ text, lineMap, content, structure });

  const title = titleSpan ? text.slice(titleSpan.start, titleSpan.end).replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/g, '') : null;
  // A yearbook's collection heading is no title, but it still says what its documents are.
  const kindSpan = titleSpan ?? collectionSpan(content);
  const meetings: Meeting[] = blocks.map((current) => {
    const titles = current.header || !kindSpan ? current.titles : [kindSpan, ...current.titles];
    const metadata = readMeeting(text, { ...current, titles }, evidence, people);
    const meetingTitle = current.header
      ? text.slice(current.header.headingSpan.start, current.header.headingSpan.end).replace(/^【[^】]*】/, '').trim()
      : title ?? derivedTitle(current);
    return { ...metadata, title: meetingTitle, span: current.span, header: current.header };
  });

  const titleKind = title ? findTitleKind(title)?.kind : undefined;
  const matching = titleKind ? meetings.findIndex((meeting) => meeting.kind === titleKind) : -1;
  const mainMeeting = matching >= 0 ? matching : meetings.length > 0 ? 0 : -1;
  const main = meetings[mainMeeting];

  return restoreWritten({
    title,
    titleSpan,
    published,
    kind: main?.kind ?? (content.slice(0, TITLE_WINDOW).some((line) => isSessionLine(line.text) || PRESS_REPORT.test(line.text)) ? '記者会見' : null),
    date: main?.date ?? null,
    monthDay: main?.monthDay ?? null,
    startTime: main?.startTime ?? null,
    endTime: main?.endTime ?? null,
    startTimeJapan: main?.startTimeJapan ?? null,
    durationMinutes: main?.durationMinutes ?? null,
    place: main?.place ?? null,
    countries: main?.countries ?? [],
    participants: main?.participants ?? [],
    provenance: main?.provenance ?? [],
    meetings,
    mainMeeting,
    sections: structure.sections,
    turns: structure.turns,
    boilerplate: furnitureSpans(lines, furniture),
    ...attributeSpeech({ text, lines, furniture, headingLines: structure.headingLines, sections: structure.sections, turns: structure.turns, meetings, people }),
  }, written, text);
}

/** A blog's post stamp before its category: '2010.01.26｜記者会見'. */
const POST_STAMP = /^[0-9]{4}[./-][0-9]{1,2}[./-][0-9]{1,2}[ \t\u3000]*[|｜][ \t\u3000]*/;

/**
 * A category label above the real title ('記者会見', '首脳会談' alone), or a photo caption that
 * repeats it with a number ('日米外相会談1'): a title only when nothing better follows.
 */
function isWeakTitle(text: string): boolean {
  const trimmed = text.trim().replace(POST_STAMP, '');
  const kind = findMeetingKind(trimmed);
  const bareKind = kind !== null && kind.start === 0 && kind.end === trimmed.length;
  return bareKind || /^(会談・訪問|記者会見・インタビュー|報道発表|プレスリリース)$/.test(trimmed) || /(会談|会合|会議)[0-9０-９]{1,2}$/.test(trimmed);
}

/** '(概要)平成12年5月10日': the summary mark and the release date, under the title. */
const DATED_SUMMARY_MARK = /^[（(]概要[）)][ \t\u3000]*(?:平成|令和|昭和|[0-9０-９]{4}年)[^。]{0,12}日$/;

/** A title cut after '…に関する' goes on on the next line ('…に関する' / '日中韓首脳による共同声明'). */
const CONTINUED_TITLE = /(に関する|についての|に係る|における|に向けた|による|及び|並びに)$/;

/** A line that is only a date, with its weekday and time: a news page's stamp under its headline ('2016年11月20日 10時41分'). */
const STAMP_ONLY = /^(?:(?:更新|配信|公開|掲載|投稿)(?:日時?)?[:：]?\s*)?[0-9０-９]{4}[年/.-][0-9０-９]{1,2}[月/.-][0-9０-９]{1,2}日?(?:\s*[(（][月火水木金土日](?:曜日?)?[)）])?(?:\s*[0-9０-９]{1,2}(?:時|:|：)[0-9０-９]{2}分?)?$/;

/** A news page's headline that names no meeting ('日米首脳がリマで短く言葉を交わす'): the first line, right above its stamp. */
function stampedHeadline(content: readonly Line[], headingLines: LineSet): Line | null {
  const [first, second] = content;
  if (!first || !second || headingLines.has(first.index) || second.index > first.index + 2) return null;
  const headline = first.text.trim();
  return headline.length <= 60 && !/[。．、，,]$|[?？]$/.test(headline) && !fieldLine(first.text) && STAMP_ONLY.test(second.text.trim()) ? first : null;
}

function findTitle(content: readonly Line[], headingLines: LineSet): Span | null {
  const line = findTitleLine(content, headingLines) ?? stampedHeadline(content, headingLines);
  if (!line) return null;
  const at = content.indexOf(line);
  const [previous, next] = [content[at - 1], content[at + 1]];
  if (next && CONTINUED_TITLE.test(line.text.trim()) && (isTitleLine(next) || isStatementTitle(next.text))) {
    return { start: contentStart(line) + gluedDateLength(line.text.trim()), end: contentEnd(next) };
  }
  if (previous && CONTINUED_TITLE.test(previous.text.trim()) && previous.text.trim().length <= 60 && !/[。、]/.test(previous.text)) {
    return { start: contentStart(previous), end: contentEnd(line) };
  }
  // 2000 MOFA: the title, then '(概要)平成12年5月10日' on its own line; the title is the line above.
  if (previous && DATED_SUMMARY_MARK.test(line.text.trim()) && previous.text.trim().length <= 40 && !/[。、，,]/.test(previous.text)) {
    return { start: contentStart(previous), end: contentEnd(previous) };
  }
  // An archive's '[文書名] 日ソ共同声明' names the document in its value.
  const field = fieldLine(line.text);
  if (field) return { start: line.start + field.valueOffset, end: line.start + field.valueOffset + field.value.length };
  const marker = TITLE_MARKER.exec(line.text.trim())?.[0].length ?? 0;
  return { start: contentStart(line) + (marker || gluedDateLength(line.text.trim())), end: contentEnd(line) - numberedCaption(line, next) };
}

/** Photo captions that number the meeting's name ('日独外相会談1', '日独外相会談2') stand for it: the digits' length, else 0. */
function numberedCaption(line: Line, next: Line | undefined): number {
  const digits = /[0-9０-９]{1,2}$/.exec(line.text.trim());
  if (!digits || !next) return 0;
  const name = line.text.trim().slice(0, digits.index);
  const following = next.text.trim();
  return name.length >= 4 && following.startsWith(name) && /^[0-9０-９]{1,2}$/.test(following.slice(name.length)) ? digits[0].length : 0;
}

/** A news lead over a conference's exchanges: '…長官は18日午前の記者会見で、…。主な質疑は次の通り。' */
const PRESS_REPORT = /会見で[^。]{0,200}[。．][^。]{0,12}主な(?:質疑|やりとり|やり取り|一問一答)は(?:次の|以下の)/;

/** '令和4年9月16日(金)午前': a 官房長官's press conference is titled by its date and session alone. */
function isSessionLine(text: string): boolean {
  const trimmed = text.trim();
  const date = findDates(trimmed)[0];
  if (!date || date.start !== 0 || date.year === null || date.day === null) return false;
  return /^[ \t\u3000]*(?:[(（][月火水木金土日](?:曜日?)?[)）])?[ \t\u3000]*(午前|午後)$/.test(trimmed.slice(date.end));
}

/** '平成28年12月16日日露共同記者会見': 官邸 writes the date in front of the title; the title is what follows. */
function gluedDateLength(text: string): number {
  const date = findDates(text)[0];
  if (!date || date.start !== 0 || date.year === null || date.day === null) return 0;
  const rest = text.slice(date.end);
  return rest.length >= 4 && namesMeeting(rest) && !/^[\s(（]/.test(rest) ? date.end : 0;
}

/** A yearbook's heading over the documents it collects ('日本政府と各国政府との共同コミュニケ', '-日本政府が関与した主要な共同コミュニケ等-'). */
const COLLECTION_HEADING = /^(?=.{4,60}$)(?:.*(?:各国政府との|関与した)|[-－‐―].*[-－‐―]$)/;
/** A list marker before a yearbook document's title: '(1) ', '(イ) ', '4. '. */
const TITLE_MARKER = /^(?:[(（](?:[0-9０-９]{1,2}|[ア-ン])[)）]|[0-9０-９]{1,2}[.．])[ \t\u3000]*/;
/** A line that is only a bracketed date, with a place after it: '(昭和四〇年八月一八日)', '(1977年4月28日,東京)'. */
const BRACKETED_DATE = /^[(（][^()（）]{6,30}[)）]$/;

function collectionSpan(content: readonly Line[]): Span | null {
  const line = content.slice(0, TITLE_WINDOW).find((candidate) => COLLECTION_HEADING.test(candidate.text.trim()) && namesMeeting(candidate.text));
  return line ? { start: contentStart(line), end: contentEnd(line) } : null;
}

/** The document a yearbook dates on the line below its title: the title is that line's. */
function datedDocumentTitle(content: readonly Line[]): Line | null {
  const top = content.slice(0, TITLE_WINDOW);
  for (let i = 1; i < top.length; i++) {
    const trimmed = top[i].text.trim();
    const date = BRACKETED_DATE.test(trimmed) ? findDates(trimmed)[0] : undefined;
    if (!date || date.year === null || date.month === null) continue;
    const above = top[i - 1].text.trim().replace(TITLE_MARKER, '');
    return isStatementTitle(above) && !COLLECTION_HEADING.test(above) ? top[i - 1] : null;
  }
  return null;
}

/** A lead, never a title: '…日ASEAN外相会議が開催されたところ、概要以下のとおり'. */
const LEAD_END = /[、，,].*以下の?とおり(?:です)?[。．]?$/;
/** A summary's own title under the event's name: '日ASEAN特別首脳会議' over '日ASEAN外相会議（概要）'. */
const SUMMARY_TITLE = /[（(]概要[）)]$/;

function findTitleLine(content: readonly Line[], headingLines: LineSet): Line | null {
  const dated = datedDocumentTitle(content);
  if (dated) return dated;
  let weak: Line | null = null;
  const window = content.slice(0, TITLE_WINDOW);
  for (const [at, line] of window.entries()) {
    // A teaser cut off mid-sentence ('ブリンケン氏は会談の冒頭…') is no title either, nor is a spoken quote standing alone ('「率直な対話をおこなうとともに、…」').
    if (COLLECTION_HEADING.test(line.text.trim()) || /(…|\.\.\.)$|^「[^」]*[、，,][^」]*」$/.test(line.text.trim())) continue;
    const field = fieldLine(line.text);
    if (field?.field === 'title' && field.value) return line;
    // A statement's title on top is the document's own ('日米首脳共同声明').
    if (headingLines.has(line.index)) return isStatementTitle(line.text) ? line : weak;
    if (!isTitleLine(line) || fieldLine(line.text) || LEAD_END.test(line.text.trim())) continue;
    const summaryBelow = !SUMMARY_TITLE.test(line.text.trim()) && window.slice(at + 1, at + 3).some((next) => SUMMARY_TITLE.test(next.text.trim()) && isTitleLine(next));
    if (!isWeakTitle(line.text) && !summaryBelow) return line;
    weak ??= line;
  }
  return weak;
}

function findPublished(lines: readonly Line[], furniture: readonly boolean[]): string | null {
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex];
    const match = furniture[line.index] ? (PUBLICATION_STAMP.exec(line.text.trim()) ?? RECORD_STAMP.exec(line.text.trim())) : null;
    // Read apart: a closure over `match` here would make a context on every line.
    const stamped = match ? stampDate(match) : null;
    if (stamped) return stamped;
  }
  return null;
}

/** A stamp's year, month and day as a date, when they make one. */
function stampDate(match: RegExpExecArray): string | null {
  const [year, month, day] = [1, 2, 3].map((group) => readNumber(match[group])!);
  return isPossibleDate(year, month, day) ? isoDate(year, month, day) : null;
}

export const defaultParser: ReadoutParser = { parse: parseReadout };
