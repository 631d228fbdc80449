// The shape of one entry of the index cache file, checked when the file is read: the cache lives on
// disk between runs, and a file edited by hand, written by another version or damaged must not
// reach the index with a string where a list of meetings belongs.

import { z } from 'zod';
import type { Range } from '../parse/text';
import { SUMMARY_FORMAT, FileSummary, SummaryMeeting, SummaryName, SummaryParticipant, SummaryReference, summaryName } from './summary';
import type { FileTopics } from './topics';

const count = z.number().int().nonnegative();
const text = z.string();
const optionalText = z.string().nullable();

const position = z.object({ line: count, character: count });
const range: z.ZodType<Range> = z.object({ start: position, end: position });

const participant: z.ZodType<SummaryParticipant> = z.object({ name: text, title: optionalText, country: optionalText, range });

const meeting: z.ZodType<SummaryMeeting> = z.object({
  title: optionalText,
  titleRange: range,
  range,
  // Shown as written; a kind this version does not know is only a label.
  kind: z.custom<SummaryMeeting['kind']>((value) => value === null || typeof value === 'string'),
  date: optionalText,
  monthDay: optionalText,
  startTime: optionalText,
  durationMinutes: z.number().nullable(),
  place: optionalText,
  countries: z.array(text),
  participants: z.array(participant),
  provenance: z.array(z.object({ field: z.enum(['kind', 'date', 'startTime', 'durationMinutes', 'place', 'title']), range })),
});

/**
 * A name as the cache file writes it when it stands on one line: the name and its office as a tuple
 * (names are most of a summary, and the cache is read whole at every start).
 */
export type CompactName = [name: string, title: string | null, country: string | null, personId: string | null, line: number, start: number, end: number, fullStart: number, fullEnd: number];

const compactName = z.tuple([text, optionalText, optionalText, optionalText, count, count, count, count, count]).transform((written): SummaryName => {
  const [name, title, country, personId, line, start, end, fullStart, fullEnd] = written;
  return { name, title, country, personId, line, start, endLine: line, end, fullLine: line, fullStart, fullEndLine: line, fullEnd };
});

/** A name broken over lines, written with its ranges. */
const spreadName = z
  .object({ name: text, title: optionalText, country: optionalText, range, fullRange: range, personId: optionalText })
  .transform((written): SummaryName => summaryName(written, written.range, written.fullRange));

const name = z.union([compactName, spreadName]);

const optionalCount = z.number().int().nullable();

const reference: z.ZodType<SummaryReference> = z.object({
  range,
  text,
  level: z.enum(['leader', 'foreign', 'defence', '2+2', 'visit']).nullable(),
  mode: z.enum(['in person', 'phone', 'video']).nullable(),
  countries: z.array(text),
  place: optionalText,
  time: z.object({
    year: optionalCount,
    relativeYear: optionalCount,
    month: optionalCount,
    day: optionalCount,
    dayRange: z.tuple([z.number().int(), z.number().int()]).nullable(),
    relative: z.enum(['recent', 'same day', 'previous', 'last month', 'next month']).nullable(),
    ahead: z.boolean(),
    written: optionalText,
  }),
  person: z.object({ name: text, title: optionalText }).nullable(),
  sentence: text,
});

const summary: z.ZodType<FileSummary, unknown> = z.object({
  format: z.literal(SUMMARY_FORMAT),
  hash: text,
  title: optionalText,
  titleRange: range.nullable(),
  published: optionalText,
  mainMeeting: z.number().int(),
  meetings: z.array(meeting),
  names: z.array(name),
  references: z.array(reference),
  preview: z.array(text),
});

const topics: z.ZodType<FileTopics> = z.object({
  format: z.number(),
  hash: text,
  meetings: z.array(z.object({ meeting: count, phrases: z.array(z.object({ parts: z.array(text), count: z.number(), sentence: text })) })),
});

export const cacheEntrySchema = z.object({
  hash: text,
  mtimeMs: z.number(),
  size: z.number(),
  summary,
  // Computed after the summary, in the background: null (or absent) until then.
  topics: topics.nullable().optional().transform((value) => value ?? null),
});

export type CacheEntry = z.output<typeof cacheEntrySchema>;

/** The cache file around its entries; entries are checked one by one, so that one bad entry costs only itself. */
export const cacheFileSchema = z.object({ format: z.literal(SUMMARY_FORMAT), files: z.record(z.string(), z.unknown()) });
