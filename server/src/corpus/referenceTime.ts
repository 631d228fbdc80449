// When a referenced meeting may have been: the time a phrase writes ('本年5月末', '先般', '次回'), read
// against the referring document's date into a window of days, cut to the side of the document the
// phrase points to.

import { isPossibleDate } from '../parse/dates';

/** When the phrase says the meeting was, as written. */
export interface TimeQualifier {
  /** A written year ('2002年'). */
  readonly year: number | null;
  /** Years relative to the document's: 本年/今年 0, 昨年 -1, 一昨年 -2, 来年 1. */
  readonly relativeYear: number | null;
  readonly month: number | null;
  readonly day: number | null;
  /** 初め/上旬 → [1,10], 中旬 → [11,20], 末/下旬 → [21,31]. */
  readonly dayRange: readonly [number, number] | null;
  /** 先般/先日: shortly before; 本日/同日/今回: the same day; 前回: the last one before; 先月: the month before; 来月: the month after. */
  readonly relative: 'recent' | 'same day' | 'previous' | 'last month' | 'next month' | null;
  /** A meeting still to come ('9月に予定されている首脳会談', '次回の首脳会談', '首脳会談に向けて'): it is looked for after the document. */
  readonly ahead: boolean;
  /** The qualifier as written, for hovers. */
  readonly written: string | null;
}

/** A day number (days since 1970-01-01) for an ISO date. */
export function dayNumber(iso: string): number {
  return Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}

/** A date known to some precision as a range of days: '2022-02' → the days of February 2022. */
export interface DateWindow {
  readonly from: number;
  readonly to: number;
}

/** Null for a day that does not exist ('2023-02-29', '2023-13'), which Date.UTC would move into the next month. */
export function windowOf(date: string | null): DateWindow | null {
  if (!date) return null;
  const [year, month, day] = date.split('-').map(Number);
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    if (!isPossibleDate(year, month, day)) return null;
    return { from: dayNumber(date), to: dayNumber(date) };
  }
  if (/^\d{4}-\d{2}$/.test(date)) {
    if (!isPossibleDate(year, month, 1)) return null;
    return { from: dayNumber(`${date}-01`), to: Math.floor(Date.UTC(year, month, 0) / 86_400_000) };
  }
  if (/^\d{4}$/.test(date)) return { from: dayNumber(`${date}-01-01`), to: dayNumber(`${date}-12-31`) };
  return null;
}

/**
 * Which way in time from the document a phrase points: a planned meeting on or after its day, a
 * written past ('先般の', '前回の', '先月の', '昨年…') before it, '本日の' the same day; null when the
 * phrase does not say ('3月の日露外相会談' is read as the last March, but may be this one).
 */
export type ReferenceDirection = 'ahead' | 'before' | 'same day' | null;

export function directionOf(time: Pick<TimeQualifier, 'ahead' | 'relative' | 'relativeYear'>): ReferenceDirection {
  if (time.ahead) return 'ahead';
  if (time.relative === 'same day') return 'same day';
  if (time.relative === 'recent' || time.relative === 'previous' || time.relative === 'last month') return 'before';
  return time.relativeYear !== null && time.relativeYear < 0 ? 'before' : null;
}

/**
 * The window cut to the side of the document its direction allows. Of a document dated only to a
 * month, 'before' keeps that month: its day is unknown. The cut may leave an empty window (from > to):
 * no meeting can be meant, and the hover says so instead of offering one on the wrong side.
 */
function towardDirection(window: DateWindow | null, direction: ReferenceDirection, own: DateWindow | null): DateWindow | null {
  if (!window || !own) return window;
  if (direction === 'ahead') return { from: Math.max(window.from, own.from), to: window.to };
  if (direction === 'before') return { from: window.from, to: Math.min(window.to, own.from === own.to ? own.from - 1 : own.to) };
  return window;
}

/** Whether a window holds no day: a phrase pointing one way in time where that side is cut off. */
export function isEmptyWindow(window: DateWindow): boolean {
  return window.from > window.to;
}

/** When a referenced meeting may have been, given the referring document's date; null when nothing is known. */
export function referenceWindow(time: TimeQualifier, documentDate: string | null): DateWindow | null {
  return towardDirection(writtenWindow(time, documentDate), directionOf(time), windowOf(documentDate));
}

/** The window the phrase's time words give, before its direction is applied. */
function writtenWindow(time: TimeQualifier, documentDate: string | null): DateWindow | null {
  const own = windowOf(documentDate);
  const ownYear = documentDate ? Number(documentDate.slice(0, 4)) : null;
  const year = time.year ?? (time.relativeYear !== null && ownYear !== null ? ownYear + time.relativeYear : null);
  if (time.month !== null) {
    const month = String(time.month).padStart(2, '0');
    // A month without a year is the latest such month not after the document (or in its year),
    // or for a planned meeting the first such month not before it.
    let y = year;
    if (y === null && ownYear !== null) {
      const ownMonth = Number(documentDate!.slice(5, 7)) || (time.ahead ? 1 : 12);
      if (time.ahead) y = time.month >= ownMonth || time.relativeYear === 0 ? ownYear : ownYear + 1;
      else y = time.month <= ownMonth || time.relativeYear === 0 ? ownYear : ownYear - 1;
    }
    if (y === null) return null;
    if (time.day !== null) return windowOf(`${y}-${month}-${String(time.day).padStart(2, '0')}`);
    const whole = windowOf(`${y}-${month}`);
    if (!whole) return null;
    if (time.dayRange) return { from: whole.from + time.dayRange[0] - 1, to: Math.min(whole.to, whole.from + time.dayRange[1] - 1) };
    return whole;
  }
  if (time.relative === 'same day') return own;
  if (time.relative === 'recent' && own) return { from: own.from - 120, to: own.to };
  // The last such meeting before this one, however long ago: the nearest earlier one wins.
  if (time.relative === 'previous' && own) return { from: own.from - PREVIOUS_WITHIN_DAYS, to: own.from - 1 };
  if ((time.relative === 'last month' || time.relative === 'next month') && documentDate) {
    const month = Number(documentDate.slice(5, 7)) || 1;
    const step = time.relative === 'last month' ? -1 : 1;
    const moved = new Date(Date.UTC(ownYear!, month - 1 + step, 1)).toISOString().slice(0, 7);
    return windowOf(moved);
  }
  if (year !== null) return windowOf(String(year));
  // A planned meeting without a time: within the year after the document.
  if (time.ahead && own) return { from: own.from, to: own.to + PLANNED_WITHIN_DAYS };
  return null;
}

const PLANNED_WITHIN_DAYS = 366;
const PREVIOUS_WITHIN_DAYS = 20 * 366;

export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
