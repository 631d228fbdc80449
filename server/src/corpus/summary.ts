// One readout reduced to what the corpus index keeps: its meetings, the names and meeting
// references in its text, and its opening lines. Pure and JSON-serialisable, so that it is cached
// on disk by content hash; resolution against people and other files happens in the index.

import { createHash } from 'node:crypto';
import { PeopleIndex } from '../knowledge/people';
import { MeetingKind, Provenance } from '../model/readout';
import { ReadoutParser } from '../parse/parser';
import { LineMap, Range, splitLines } from '../parse/text';
import { detached, ownString } from './detached';
import { findNamesInText } from './people';
import { ReferencePhrase, findReferences } from './references';

/** Bump when the summary's shape or the parser's output changes: older cache files are ignored. */
export const SUMMARY_FORMAT = 4;

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

/** A person named anywhere in the text. */
export interface SummaryName {
  readonly name: string;
  readonly title: string | null;
  readonly country: string | null;
  readonly range: Range;
  /** The name with its office. */
  readonly fullRange: Range;
  /** A person id the parser already resolved (readout.mentions), if any. */
  readonly personId: string | null;
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
 * one text: its sentence ends are found once, and each span's by binary search.
 */
export function sentenceFinder(text: string): (start: number, end: number) => string {
  const stops: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '。' || text[i] === '\n') stops.push(i);
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
  return (start, end) => {
    // As lastIndexOf(…, start - 1) reads it: a stop at 0 counts even for a span at 0.
    const before = firstFrom(Math.max(start - 1, 0) + 1) - 1;
    const from = before >= 0 ? stops[before] + 1 : 0;
    const after = firstFrom(end);
    const to = after < stops.length ? stops[after] + 1 : text.length;
    return ownString(text.slice(from, to).trim().slice(0, 200));
  };
}

export function summarize(text: string, parser: ReadoutParser, people: PeopleIndex): FileSummary {
  const readout = parser.parse(text);
  const lineMap = new LineMap(splitLines(text));
  const range = (span: { start: number; end: number }) => lineMap.rangeOf(span);
  const meetings: SummaryMeeting[] = readout.meetings.map((meeting, i) => ({
    title: meeting.title,
    titleRange:
      i === readout.mainMeeting && readout.titleSpan
        ? range(readout.titleSpan)
        : meeting.header
          ? range(meeting.header.headingSpan)
          : range({ start: meeting.span.start, end: lineMap.lineAt(meeting.span.start).end }),
    range: range(meeting.span),
    kind: meeting.kind,
    date: meeting.date,
    monthDay: meeting.monthDay,
    startTime: meeting.startTime,
    durationMinutes: meeting.durationMinutes,
    place: meeting.place,
    countries: meeting.countries,
    participants: meeting.participants.map((p) => ({ name: p.name, title: p.title, country: p.country, range: range({ start: p.span.start, end: p.span.start + p.name.length }) })),
    provenance: meeting.provenance.map((entry) => ({ field: entry.field, range: range(entry.span) })),
  }));

  // The parser's mentions when it gives them (speakers issue); otherwise names found here.
  const names: SummaryName[] =
    readout.mentions.length > 0
      ? readout.mentions.map((mention) => ({
          name: mention.name,
          title: null,
          country: null,
          range: range(mention.span),
          fullRange: range(mention.fullSpan),
          personId: mention.personId,
        }))
      : findNamesInText(text, people, readout.date).map((found) => ({
          name: found.name,
          title: found.title,
          country: found.country,
          range: range({ start: found.nameStart, end: found.nameEnd }),
          fullRange: range(found),
          personId: null,
        }));

  const sentenceOf = sentenceFinder(text);
  const references: SummaryReference[] = findReferences(text).map((phrase) => ({
    range: range(phrase),
    text: phrase.text,
    level: phrase.level,
    mode: phrase.mode,
    countries: phrase.countries,
    place: phrase.place,
    time: phrase.time,
    person: phrase.person,
    sentence: sentenceOf(phrase.start, phrase.end),
  }));

  const furniture = readout.boilerplate;
  const preview = splitLines(text)
    .filter((line) => line.text.trim() && !furniture.some((span) => line.start >= span.start && line.start < span.end))
    .slice(0, 4)
    .map((line) => line.text.trim().slice(0, 120));

  // Summaries outlive their texts: none of their strings may keep the text alive.
  return detached({
    format: SUMMARY_FORMAT,
    hash: contentHash(text),
    title: readout.title,
    titleRange: readout.titleSpan ? range(readout.titleSpan) : meetings[readout.mainMeeting]?.titleRange ?? null,
    published: readout.published,
    mainMeeting: readout.mainMeeting,
    meetings,
    names,
    references,
    preview,
  });
}
