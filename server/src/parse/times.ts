// Clock times, durations and spans as readouts write them: 11時30分, 午後0時35分, 午後三時, 26時09分
// (past midnight), 01:13~01:33, 約35分間, 約1時間半, 約三十分, with the zone a time is written in
// (現地時間…(日本時間…), 米国東部時間…). Offsets are relative to the string passed in; every pattern
// has bounded quantifiers only, as in dates.ts.

import { Coverage, numberOf } from './dates';
import { DIGIT as D, matchesOf } from './text';

export interface TimeMention {
  readonly start: number;
  readonly end: number;
  /** Minutes after midnight of the day the time falls on: 26時09分 is 129 (02:09), with dayOffset 1. */
  readonly minutes: number;
  /** 1 for a time written past midnight of the day it is counted from (24:00 to 29:59), else 0. */
  readonly dayOffset: 0 | 1;
  /** Written as Japan time ('日本時間…' or a span followed by '(日本時間)'). */
  readonly japan: boolean;
  /**
   * Written as local time: introduced by 現地時間, 現地 or a named zone (米国東部時間, 欧州中部時間,
   * 太平洋時間…) shortly before, or followed by a bracket '(現地時間)'. Never together with `japan`.
   */
  readonly local: boolean;
}

const CLOCK = new RegExp(`(?<![0-9０-９])(${D}{1,2})[:：](${D}{2})(?![0-9０-９])`, 'g');
/** An hour or a minute: digits, a kanji number, or 零. Not ○: '○時○分' is a placeholder. */
const CLOCK_PART = `${D}{1,2}|[一二三四五六七八九]?十[一二三四五六七八九]?|[〇零一二三四五六七八九]{1,2}`;
const KANJI_TIME = new RegExp(`(午前|午後|夜|夕方|晩)?(${CLOCK_PART})時(?!間)(?:(${CLOCK_PART})分|(半))?`, 'g');
const NOON = /正午/g;
/** Hours past 24 count into the next day (26時 is 02:00 the next day); later than 29 is no time. */
const LAST_HOUR = 29;

/** A named local zone. Not bare 時間: that would find 日本時間. */
const LOCAL_ZONE =
  '現地(?:時間)?|(?:米国|米|欧州|英国|豪州|カナダ)?(?:東部|中部|西部|山岳部|太平洋|大西洋)(?:夏時間|標準時間?|時間)|英国夏時間|グリニッジ標準時|協定世界時';
const LOCAL_MARKER = new RegExp(LOCAL_ZONE, 'g');
/** What may stand between a local marker and its time: anything but brackets, except a weekday '(月)'. */
const LOCAL_TAIL = /^(?:[^()（）]|[(（][月火水木金土日](?:曜日?)?[)）])*$/;
/** A longer gap counts when it holds a date only: '米国東部時間2025年9月22日(月)午後4時'. */
const LOCAL_DATE_TAIL = /^(?:[0-9０-９〇一二三四五六七八九十年月日同本翌午前後\s、，,の]|[(（][月火水木金土日](?:曜日?)?[)）])*$/;
/** The end of a span after a time ('~10時30分'), before a bracket naming the zone of both. */
const SPAN_END = '(?:\\s*[~〜～\\-－]\\s*[0-9０-９:：時分午前後〇零一二三四五六七八九十半]+)?[)）]?\\s*';
/** '(12時45分〜13時30分)(日本時間)', or the zone after the bracket unbracketed: '(16:02~16:40)日本時間'. */
const JAPAN_AFTER = new RegExp(`^${SPAN_END}(?:[(（]日本時間[)）]|日本時間(?![0-9０-９午]))`);
const LOCAL_AFTER = new RegExp(`^${SPAN_END}[(（](?:${LOCAL_ZONE})[)）]`);
/** A time in a bracket that ends by naming its zone: '(9月25日午前11時30分,現地時間)'. */
const ZONE_CLOSES = (zone: string) => new RegExp(`^${SPAN_END}[,，、\\s\u3000]*(?:${zone})[)）]`);
const JAPAN_CLOSES = ZONE_CLOSES('日本時間');
const LOCAL_CLOSES = ZONE_CLOSES(LOCAL_ZONE);
/** A time followed by a bracket giving the same moment in another zone: '9月26日午前0時30分(9月25日…,現地時間)'. */
const CONTRAST_BRACKET = (zone: string) => new RegExp(`^${SPAN_END}[(（][^()（）]{2,30}[,，、\\s\u3000](?:${zone})[)）]`);
const LOCAL_CONTRAST = CONTRAST_BRACKET(LOCAL_ZONE);
const JAPAN_CONTRAST = CONTRAST_BRACKET('日本時間');
const JAPAN_WINDOW = 12;
/** Longer than JAPAN_WINDOW, for a date between zone and time; any other text must be within JAPAN_WINDOW. */
const LOCAL_WINDOW = 20;

/** Where the last local marker in `window` ends, or -1. */
function lastLocalMarkerEnd(window: string): number {
  let end = -1;
  for (const match of matchesOf(LOCAL_MARKER, window)) end = match.index! + match[0].length;
  return end;
}

/** A character every time form needs. */
const TIME_CHARACTER = /[:：時]|正午/;
/** A clock's colon. */
const CLOCK_COLON = /[:：]/;
/** Every clock time in `text`, in order. */
export function findTimes(text: string): readonly TimeMention[] {
  // Most lines hold no time: one look for the characters every form needs, before the readers'
  // shared state is made; then each pattern only where its own are present.
  return TIME_CHARACTER.test(text) ? readTimes(text) : NO_TIMES;
}

const NO_TIMES: readonly TimeMention[] = Object.freeze([]);

function readTimes(text: string): readonly TimeMention[] {
  const found: Omit<TimeMention, 'japan' | 'local'>[] = [];
  const clocks = CLOCK_COLON.test(text) ? matchesOf(CLOCK, text) : [];
  const kanjiTimes = text.includes('時') ? matchesOf(KANJI_TIME, text) : [];
  const noons = text.includes('正午') ? matchesOf(NOON, text) : [];
  if (clocks.length + kanjiTimes.length + noons.length === 0) return NO_TIMES;
  const covered = new Coverage(text.length);
  const add = (start: number, end: number, hours: number, minutes: number) => {
    if (hours > LAST_HOUR || minutes > 59 || covered.overlaps(start, end)) return;
    found.push({ start, end, minutes: (hours % 24) * 60 + minutes, dayOffset: hours >= 24 ? 1 : 0 });
    covered.mark(start, end);
  };
  for (const match of clocks) {
    add(match.index!, match.index! + match[0].length, numberOf(match[1]), numberOf(match[2]));
  }
  for (const match of kanjiTimes) {
    // A bare 一時 is 'for a while' (一時帰国, 一時的): a kanji hour of one digit needs 午前/午後 or minutes.
    if (!match[1] && !match[3] && !match[4] && /^[一二三四五六七八九]$/.test(match[2])) continue;
    let hours = numberOf(match[2]);
    if (match[1] && hours > 24) continue;
    // '夜7時', '夕方6時' are evening hours as much as '午後7時'.
    if (match[1] && match[1] !== '午前' && hours < 12) hours += 12;
    const minutes = match[3] ? numberOf(match[3]) : match[4] ? 30 : 0;
    add(match.index!, match.index! + match[0].length, hours, minutes);
  }
  for (const match of noons) add(match.index!, match.index! + match[0].length, 12, 0);
  found.sort((a, b) => a.start - b.start);
  return found.map((time) => {
    // Japan time stands inside a bracket opened by 日本時間, or the bracket right after its span
    // says (日本時間); local time likewise with a local zone. The nearer marker before wins.
    const window = text.slice(Math.max(0, time.start - LOCAL_WINDOW), time.start);
    const japanMarker = window.lastIndexOf('日本時間');
    const localMarker = lastLocalMarkerEnd(window);
    const localNearer = localMarker >= 0 && localMarker > japanMarker;
    const japanBefore = !localNearer && JAPAN_OPEN_BEFORE.test(text.slice(Math.max(0, time.start - JAPAN_WINDOW), time.start));
    const localTail = window.slice(localMarker);
    const localBefore =
      localNearer && (localTail.length <= JAPAN_WINDOW ? LOCAL_TAIL.test(localTail) : LOCAL_DATE_TAIL.test(localTail));
    const after = text.slice(time.end, time.end + 48);
    const japanAfter = JAPAN_AFTER.test(after) || JAPAN_CLOSES.test(after) || LOCAL_CONTRAST.test(after);
    const localAfter = !japanAfter && (LOCAL_AFTER.test(after) || LOCAL_CLOSES.test(after) || JAPAN_CONTRAST.test(after));
    const japan = japanAfter || (japanBefore && !localAfter);
    return { ...time, japan, local: !japan && (localAfter || localBefore) };
  });
}

/** A bracket opened by 日本時間 and still open, a weekday's bracket aside: '(日本時間10日(木)' before '22時30分'. */
const JAPAN_OPEN_BEFORE = /日本時間(?:[^)）]|[(（][月火水木金土日](?:曜日?)?[)）])*$/;

export interface DurationMention {
  readonly start: number;
  readonly end: number;
  readonly minutes: number;
}

const DURATION_HOURS = `${D}{1,2}|[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九]`;
const DURATION_MINUTES = `${D}{1,3}|[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九]`;
const DURATION = new RegExp(
  `(約)?(?:(${DURATION_HOURS})時間(?:(${DURATION_HOURS})分|(半))?|(${DURATION_MINUTES})分)(間)?(?:強|弱|余り?)?`,
  'g',
);

/** Words after bare minutes that make them a length: '40分以上にわたり', '30分に及んだ'. */
const LENGTH_AFTER = /^(?:以上|超|にわた|に及)/;

/** A kanji number of one character: 一時間 in 同一時間帯, 十分 ('enough'). Counted only after 約. */
function bareKanji(written: string | undefined): boolean {
  return written !== undefined && /^[一二三四五六七八九十]$/.test(written);
}

/**
 * Every duration: 約35分間, 約1時間, 1時間30分, 約1時間半, 約三十分, 約20分強. A bare 'N分' counts only
 * with 約, 間 or a length's words after it (LENGTH_AFTER), so that the minutes of a clock time ('9時15分から') are not read as a duration.
 */
export function findDurations(text: string): DurationMention[] {
  const found: DurationMention[] = [];
  for (const match of matchesOf(DURATION, text)) {
    const about = match[1] !== undefined;
    const minutesOnly = match[5] !== undefined;
    if (minutesOnly && !about && match[6] === undefined && !LENGTH_AFTER.test(text.slice(match.index! + match[0].length, match.index! + match[0].length + 3))) continue;
    if (minutesOnly && text[match.index! - 1] === '時') continue;
    if (!about && bareKanji(minutesOnly ? match[5] : match[2])) continue;
    const minutes = minutesOnly
      ? numberOf(match[5])
      : numberOf(match[2]) * 60 + (match[3] ? numberOf(match[3]) : match[4] ? 30 : 0);
    found.push({ start: match.index!, end: match.index! + match[0].length, minutes });
  }
  return found;
}

/** A span 'A~B' / 'AからBまで' between two found times, as [start, end]. */
export function findTimeSpan(text: string, times: readonly TimeMention[]): [TimeMention, TimeMention] | null {
  for (let i = 0; i + 1 < times.length; i++) {
    const between = text.slice(times[i].end, times[i + 1].start);
    // The local start may carry its Japan time in brackets: '12時02分(日本時間20時02分)~13時45分'.
    if (/^\s*(?:[(（]日本時間[^()（）]{1,12}[)）])?\s*(?:[~〜～\-－]|から)\s*$/.test(between)) return [times[i], times[i + 1]];
  }
  return null;
}

export function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
