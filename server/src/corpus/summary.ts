// One readout reduced to what the corpus index keeps: its meetings, the names and meeting
// references in its text, and its opening lines. Pure and JSON-serialisable, so that it is cached
// on disk by content hash; resolution against people and other files happens in the index.

import { createHash } from 'node:crypto';
import { PeopleIndex } from '../knowledge/people';
import { MeetingKind, Provenance, Span } from '../model/readout';
import { ReadoutParser } from '../parse/parser';
import { Line, LineMap, Range, splitLines } from '../parse/text';
import { ownString } from './detached';
import { findNamesInText } from './people';
import { ReferencePhrase, findReferences } from './references';

/** Bump when the summary's shape or the parser's output changes: older cache files are ignored. */
export const SUMMARY_FORMAT = 6;

export interface SummaryParticipant {
  readonly name: string;
  readonly title: string | null;
  readonly country: string | null;
  readonly range: Range;
}

export interface SummaryMeeting {
  readonly title: string | null;
  /** Where the meeting's own title or heading is, else its first line. */
  readonly titleRange: Range;
  readonly range: Range;
  readonly kind: MeetingKind | null;
  readonly date: string | null;
  readonly monthDay: string | null;
  readonly startTime: string | null;
  readonly durationMinutes: number | null;
  readonly place: string | null;
  readonly countries: readonly string[];
  readonly participants: readonly SummaryParticipant[];
  readonly provenance: readonly { readonly field: Provenance['field']; readonly range: Range }[];
}

/**
 * A person named anywhere in the text. Its place is kept as numbers, not ranges: names are most of
 * what the index holds, and two ranges are six objects more for each.
 */
export interface SummaryName {
  readonly name: string;
  readonly title: string | null;
  readonly country: string | null;
  /** A person id the parser already resolved (readout.mentions), if any. */
  readonly personId: string | null;
  readonly line: number;
  readonly start: number;
  readonly endLine: number;
  readonly end: number;
  /** Where the name with its office starts and ends. */
  readonly fullLine: number;
  readonly fullStart: number;
  readonly fullEndLine: number;
  readonly fullEnd: number;
}

/** A name found at `range`, with its office at `fullRange`. */
export function summaryName(written: Pick<SummaryName, 'name' | 'title' | 'country' | 'personId'>, range: Range, fullRange: Range): SummaryName {
  return {
    name: written.name,
    title: written.title,
    country: written.country,
    personId: written.personId,
    line: range.start.line,
    start: range.start.character,
    endLine: range.end.line,
    end: range.end.character,
    fullLine: fullRange.start.line,
    fullStart: fullRange.start.character,
    fullEndLine: fullRange.end.line,
    fullEnd: fullRange.end.character,
  };
}

export function nameRange(name: SummaryName): Range {
  return { start: { line: name.line, character: name.start }, end: { line: name.endLine, character: name.end } };
}

/** The name with its office. */
export function nameFullRange(name: SummaryName): Range {
  return { start: { line: name.fullLine, character: name.fullStart }, end: { line: name.fullEndLine, character: name.fullEnd } };
}

/** A meeting reference as the cache keeps it: the phrase's reading, with a range instead of offsets. */
export interface SummaryReference extends Omit<ReferencePhrase, 'start' | 'end'> {
  readonly range: Range;
  /** The sentence the phrase stands in, for hovers. */
  readonly sentence: string;
}

export interface FileSummary {
  readonly format: number;
  readonly hash: string;
  readonly title: string | null;
  readonly titleRange: Range | null;
  readonly published: string | null;
  readonly mainMeeting: number;
  readonly meetings: readonly SummaryMeeting[];
  readonly names: readonly SummaryName[];
  readonly references: readonly SummaryReference[];
  /** The first lines of content, for hovers on a reference to this file. */
  readonly preview: readonly string[];
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * The sentence (up to 。 or the line's end) around a span, for hovers, for any number of spans of
 * one text: its sentence ends are found once, and each span's by binary search. `keep` copies each sentence
 * cut out, so that it holds no view into the text.
 */
export function sentenceFinder(text: string, keep: (sentence: string) => string = ownString): (start: number, end: number) => string {
  const stops: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3002 || code === 0x0a) stops.push(i);
  }
  /** The index in `stops` of the first stop at or after `offset`. */
  const firstFrom = (offset: number) => {
    let low = 0;
    let high = stops.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (stops[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  // Spans come in text order, many in one sentence: the last sentence copied serves them again.
  let last = { from: -1, to: -1, sentence: '' };
  return (start, end) => {
    // As lastIndexOf(…, start - 1) reads it: a stop at 0 counts even for a span at 0.
    const before = firstFrom(Math.max(start - 1, 0) + 1) - 1;
    const from = before >= 0 ? stops[before] + 1 : 0;
    const after = firstFrom(end);
    const to = after < stops.length ? stops[after] + 1 : text.length;
    if (from !== last.from || to !== last.to) last = { from, to, sentence: keep(text.slice(from, to).trim().slice(0, 200)) };
    return last.sentence;
  };
}

/**
 * Copies strings for a summary, each distinct value once: a dense readout repeats the same phrase,
 * name and sentence thousands of times, and one copy serves them all.
 */
function stringKeeper(): <T extends string | null>(value: T) => T {
  const kept = new Map<string, string>();
  return <T extends string | null>(value: T): T => {
    if (value === null) return value;
    let copy = kept.get(value);
    if (copy === undefined) kept.set(value, (copy = ownString(value)));
    return copy as T;
  };
}

export function summarize(text: string, parser: ReadoutParser, people: PeopleIndex): FileSummary {
  const lines = splitLines(text);
  const lineMap = new LineMap(lines);
  const readout = parser.parse(text, people, lineMap);
  const range = (span: { start: number; end: number }) => lineMap.rangeOf(span);
  // Summaries outlive their texts: none of their strings may keep the text alive.
  const own = stringKeeper();
  const meetings: SummaryMeeting[] = readout.meetings.map((meeting, i) => ({
    title: own(meeting.title),
    titleRange:
      i === readout.mainMeeting && readout.titleSpan
        ? range(readout.titleSpan)
        : meeting.header
          ? range(meeting.header.headingSpan)
          : range({ start: meeting.span.start, end: lineMap.lineAt(meeting.span.start).end }),
    range: range(meeting.span),
    kind: own(meeting.kind),
    date: own(meeting.date),
    monthDay: own(meeting.monthDay),
    startTime: own(meeting.startTime),
    durationMinutes: meeting.durationMinutes,
    place: own(meeting.place),
    countries: meeting.countries.map(own),
    participants: meeting.participants.map((p) => ({
      name: own(p.name),
      title: own(p.title),
      country: own(p.country),
      range: range({ start: p.span.start, end: p.span.start + p.name.length }),
    })),
    provenance: meeting.provenance.map((entry) => ({ field: own(entry.field), range: range(entry.span) })),
  }));

  // The parser's mentions when it gives them (speakers issue); otherwise names found here.
  const names: SummaryName[] =
    readout.mentions.length > 0
      ? readout.mentions.map((mention) =>
          summaryName({ name: own(mention.name), title: null, country: null, personId: own(mention.personId) }, range(mention.span), range(mention.fullSpan)),
        )
      : findNamesInText(text, people, readout.date).map((found) =>
          summaryName(
            { name: own(found.name), title: own(found.title), country: own(found.country), personId: null },
            range({ start: found.nameStart, end: found.nameEnd }),
            range(found),
          ),
        );

  return {
    format: SUMMARY_FORMAT,
    hash: contentHash(text),
    title: own(readout.title),
    titleRange: readout.titleSpan ? range(readout.titleSpan) : meetings[readout.mainMeeting]?.titleRange ?? null,
    published: own(readout.published),
    mainMeeting: readout.mainMeeting,
    meetings,
    names,
    references: referencesOf(text, people, range, own),
    preview: previewOf(lines, readout.boilerplate).map(own),
  };
}

/** The text's meeting references, each with the sentence it stands in. */
function referencesOf(text: string, people: PeopleIndex, range: (span: Span) => Range, own: <T extends string | null>(value: T) => T): SummaryReference[] {
  const sentenceOf = sentenceFinder(text, own);
  return findReferences(text, people).map((phrase) => ({
    range: range(phrase),
    text: own(phrase.text),
    level: phrase.level,
    mode: phrase.mode,
    countries: phrase.countries.length === 0 ? phrase.countries : phrase.countries.map(own),
    place: own(phrase.place),
    // A time with nothing written holds no string of the text: kept as it is.
    time: phrase.time.written === null ? phrase.time : { ...phrase.time, written: own(phrase.time.written) },
    person: phrase.person && { name: own(phrase.person.name), title: own(phrase.person.title) },
    sentence: sentenceOf(phrase.start, phrase.end),
  }));
}

/** The first lines of content (not furniture), trimmed and cut. */
function previewOf(lines: readonly Line[], furniture: readonly Span[]): string[] {
  const preview: string[] = [];
  for (const line of lines) {
    if (preview.length === 4) break;
    if (line.text.trim() && !furniture.some((span) => line.start >= span.start && line.start < span.end)) preview.push(previewLine(line.text.trim()));
  }
  return preview;
}

const PREVIEW_CHARS = 120;
/** Where a long line is best cut: after a sentence; else after a clause, a closing bracket or a space. */
const BREAKS = [/[。．!?！？]/, /[。．.!?！？、，,」』)）\]】\s]/];

/** The last offset after a break within the second half of the preview's length, or null. */
function lastBreak(text: string, after: RegExp): number | null {
  for (let cut = PREVIEW_CHARS; cut > PREVIEW_CHARS / 2; cut--) if (after.test(text[cut - 1])) return cut;
  return null;
}

/** A line cut to the preview's length at the last break before it (not inside a word), with '…' when cut. */
export function previewLine(text: string): string {
  if (text.length <= PREVIEW_CHARS) return text;
  let cut = lastBreak(text, BREAKS[0]) ?? lastBreak(text, BREAKS[1]) ?? PREVIEW_CHARS;
  // Never between the halves of a surrogate pair.
  if (/[\ud800-\udbff]/.test(text[cut - 1])) cut--;
  return `${text.slice(0, cut).trimEnd()}…`;
}
