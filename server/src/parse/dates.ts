// Dates, times and durations as readouts write them: 平成30年6月29日, 令和7(2025)年9月22日, 2月7日,
// 本29日, 11時30分, 午後0時35分, 01:13~01:33, 約35分間, 約1時間, 1時間30分, 現地時間…(日本時間…).
// Offsets are relative to the string passed in.

import { readNumber } from './text';

const D = '[0-9０-９]';
const ERA_START: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925 };

export interface DateMention {
  readonly start: number;
  readonly end: number;
  /** Null when the text gives no year. */
  readonly year: number | null;
  /** Null for a day alone ('本29日'). */
  readonly month: number | null;
  readonly day: number;
}

const ERA_DATE = new RegExp(
  `(令和|平成|昭和)(元|${D}{1,2})(?:年)?(?:[(（](${D}{4})年?[)）])?年?\\s*(${D}{1,2})月(${D}{1,2})日`,
  'g',
);
const WESTERN_DATE = new RegExp(`(${D}{4})年(${D}{1,2})月(${D}{1,2})日`, 'g');
const NUMERIC_DATE = new RegExp(`(?<![0-9０-９])(${D}{4})[-/.](${D}{1,2})[-/.](${D}{1,2})(?![0-9０-９])`, 'g');
const MONTH_DAY = new RegExp(`(?<![0-9０-９年])(${D}{1,2})月(${D}{1,2})日`, 'g');
const DAY_ONLY = new RegExp(`(?<=本|同|翌)(${D}{1,2})日`, 'g');

/**
 * The offsets already taken by a found mention. Checking a match against it costs the match's
 * length, where checking against every mention found so far made a line dense with dates quadratic.
 */
class Coverage {
  private readonly taken: Uint8Array;

  constructor(length: number) {
    this.taken = new Uint8Array(length);
  }

  overlaps(start: number, end: number): boolean {
    for (let offset = start; offset < end; offset++) if (this.taken[offset]) return true;
    return false;
  }

  mark(start: number, end: number): void {
    this.taken.fill(1, start, end);
  }
}

function valid(year: number | null, month: number | null, day: number): boolean {
  if (month !== null && (month < 1 || month > 12)) return false;
  if (day < 1 || day > 31) return false;
  return year === null || (year >= 1900 && year <= 2100);
}

/** Every date in `text`, in order, the most complete reading of each place. */
export function findDates(text: string): DateMention[] {
  // Most lines hold no date: one cheap look for the characters every form needs.
  if (!/[日\-/.]/.test(text)) return [];
  const found: DateMention[] = [];
  const covered = new Coverage(text.length);
  const add = (start: number, end: number, year: number | null, month: number | null, day: number) => {
    if (!covered.overlaps(start, end) && valid(year, month, day)) {
      found.push({ start, end, year, month, day });
      covered.mark(start, end);
    }
  };
  for (const match of text.matchAll(ERA_DATE)) {
    const eraYear = match[2] === '元' ? 1 : readNumber(match[2])!;
    const year = match[3] ? readNumber(match[3])! : ERA_START[match[1]] + eraYear;
    add(match.index!, match.index! + match[0].length, year, readNumber(match[4]), readNumber(match[5])!);
  }
  for (const pattern of [WESTERN_DATE, NUMERIC_DATE]) {
    for (const match of text.matchAll(pattern)) {
      add(match.index!, match.index! + match[0].length, readNumber(match[1]), readNumber(match[2]), readNumber(match[3])!);
    }
  }
  for (const match of text.matchAll(MONTH_DAY)) {
    add(match.index!, match.index! + match[0].length, null, readNumber(match[1]), readNumber(match[2])!);
  }
  for (const match of text.matchAll(DAY_ONLY)) {
    add(match.index!, match.index! + match[0].length, null, null, readNumber(match[1])!);
  }
  return found.sort((a, b) => a.start - b.start);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function monthDayOf(month: number, day: number): string {
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface TimeMention {
  readonly start: number;
  readonly end: number;
  /** Minutes after midnight. */
  readonly minutes: number;
  /** Written as Japan time ('日本時間…' or a span followed by '(日本時間)'). */
  readonly japan: boolean;
}

const CLOCK = new RegExp(`(?<![0-9０-９])(${D}{1,2})[:：](${D}{2})(?![0-9０-９])`, 'g');
const KANJI_TIME = new RegExp(`(午前|午後)?(${D}{1,2})時(?!間)(?:(${D}{1,2})分|(半))?`, 'g');
const NOON = /正午/g;

function within(text: string, index: number, marker: RegExp): boolean {
  // A time is Japan time when it stands inside a bracket opened by 日本時間, or when the bracket
  // right after its span says (日本時間).
  const before = text.slice(Math.max(0, index - 12), index);
  return marker.test(before);
}

/** Every clock time in `text`, in order. */
export function findTimes(text: string): TimeMention[] {
  const found: TimeMention[] = [];
  const covered = new Coverage(text.length);
  const add = (start: number, end: number, hours: number, minutes: number) => {
    if (hours > 24 || minutes > 59 || covered.overlaps(start, end)) return;
    found.push({ start, end, minutes: (hours % 24) * 60 + minutes, japan: false });
    covered.mark(start, end);
  };
  for (const match of text.matchAll(CLOCK)) {
    add(match.index!, match.index! + match[0].length, readNumber(match[1])!, readNumber(match[2])!);
  }
  for (const match of text.matchAll(KANJI_TIME)) {
    let hours = readNumber(match[2])!;
    if (match[1] === '午後' && hours < 12) hours += 12;
    const minutes = match[3] ? readNumber(match[3])! : match[4] ? 30 : 0;
    add(match.index!, match.index! + match[0].length, hours, minutes);
  }
  for (const match of text.matchAll(NOON)) add(match.index!, match.index! + match[0].length, 12, 0);
  found.sort((a, b) => a.start - b.start);
  return found.map((time) => {
    const japanBefore = within(text, time.start, /日本時間[^)）]*$/);
    const after = text.slice(time.end, time.end + 24);
    const japanAfter = /^(?:\s*[~〜～\-－]\s*[0-9０-９:：時分午前後]+)?[)）]?\s*[(（]日本時間[)）]/.test(after);
    return { ...time, japan: japanBefore || japanAfter };
  });
}

export interface DurationMention {
  readonly start: number;
  readonly end: number;
  readonly minutes: number;
}

const DURATION = new RegExp(
  `約?(?:(${D}{1,2})時間(?:(${D}{1,2})分|(半))?|(${D}{1,3})分)(?:間)?`,
  'g',
);

/**
 * Every duration: 約35分間, 約1時間, 1時間30分, 約1時間半. A bare 'N分' counts only with 約 or 間,
 * so that the minutes of a clock time ('9時15分から') are not read as a duration.
 */
export function findDurations(text: string): DurationMention[] {
  const found: DurationMention[] = [];
  for (const match of text.matchAll(DURATION)) {
    const written = match[0];
    const minutesOnly = match[4] !== undefined;
    if (minutesOnly && !written.startsWith('約') && !written.endsWith('間')) continue;
    if (minutesOnly && /時$/.test(text.slice(0, match.index!))) continue;
    const minutes = minutesOnly
      ? readNumber(match[4])!
      : readNumber(match[1])! * 60 + (match[2] ? readNumber(match[2])! : match[3] ? 30 : 0);
    found.push({ start: match.index!, end: match.index! + written.length, minutes });
  }
  return found;
}

/** A span 'A~B' / 'AからBまで' between two found times, as [start, end]. */
export function findTimeSpan(text: string, times: readonly TimeMention[]): [TimeMention, TimeMention] | null {
  for (let i = 0; i + 1 < times.length; i++) {
    const between = text.slice(times[i].end, times[i + 1].start);
    if (/^\s*(?:[~〜～\-－]|から)\s*$/.test(between)) return [times[i], times[i + 1]];
  }
  return null;
}

export function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
