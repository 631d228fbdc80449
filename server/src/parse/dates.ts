// Dates, times and durations as readouts write them: 平成30年6月29日, 令和7(2025)年9月22日,
// 2018年(平成30年)6月29日, 昭和四十七年九月二十九日, 一九六五年一月十三日, 2月7日, 本29日, 同日, 翌日,
// 11時30分, 午後0時35分, 午後三時, 26時09分, 01:13~01:33, 約35分間, 約1時間半, 約三十分,
// 現地時間…(日本時間…), 米国東部時間…. Offsets are relative to the string passed in.
//
// Every pattern has bounded quantifiers only (one \s* after a fixed token at most), so that a
// match attempt costs a constant at each offset and a line dense with digits stays linear.

import { matchesOf, readNumber } from './text';

const D = '[0-9０-９]';
/** A kanji digit; ○ (white circle) is written for 〇 on some pages. */
const KD = '[〇○一二三四五六七八九]';
/** A number below 100 in kanji: 十, 十三, 二十, 四十七, or digit by digit (〇九, 二九). */
const KANJI_NUMBER = `[一二三四五六七八九]?十[一二三四五六七八九]?|${KD}{1,2}`;
/** A day, month or era year in any writing: 29, ２９, 二十九. */
const N = `(?:${D}{1,2}|${KANJI_NUMBER})`;
/** A western year: 2018, ２０１８, 二〇一八. */
const YEAR = `(?:${D}{4}|${KD}{4})`;
const ERA_START: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925, 大正: 1911 };
/** The first and last day of each era (大正 ended and 昭和 began on 1926-12-25). */
const ERA_DAYS: Record<string, readonly [first: string, last: string]> = {
  令和: ['2019-05-01', '9999-12-31'],
  平成: ['1989-01-08', '2019-04-30'],
  昭和: ['1926-12-25', '1989-01-07'],
  大正: ['1912-07-30', '1926-12-25'],
};
const ERA = '(?:令和|平成|昭和|大正)';

/** Reads any digits the patterns here accept; ○ and 零 are zeros that readNumber does not know. */
function numberOf(written: string): number {
  return readNumber(written.replace(/[○零]/g, '〇'))!;
}

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
  `(令和|平成|昭和|大正)(元|${N})(?:年)?(?:[(（](${YEAR})年?[)）])?年?\\s*(${N})月(${N})日`,
  'g',
);
/** 2018年6月29日, 2018年(平成30年)6月29日, 2025(令和7)年9月22日: the era in brackets is not read. */
const ERA_IN_BRACKETS = `[(（]${ERA}(?:元|${N})年?[)）]`;
const WESTERN_DATE = new RegExp(`(${YEAR})(?:年(?:${ERA_IN_BRACKETS})?|${ERA_IN_BRACKETS}年)\\s*(${N})月(${N})日`, 'g');
/** A bracketed dateline with a two-digit year, as yearbooks print them: '(８６年５月３１日,モスクワ)'. */
const SHORT_YEAR_DATE = new RegExp(`(?<=^[ \\t\u3000]*[(（])(${D}{2})年(${N})月(${N})日(?=[,，、)）])`, 'g');
const NUMERIC_DATE = new RegExp(`(?<![0-9０-９])(${D}{4})[-/.](${D}{1,2})[-/.](${D}{1,2})(?![0-9０-９])`, 'g');
const MONTH_DAY = new RegExp(`(?<![0-9０-９年〇○一二三四五六七八九十])(${N})月(${N})日`, 'g');
const DAY_ONLY = new RegExp(`(?<=本|同|翌)(${N})日`, 'g');

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

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month; February has 29 when the year is not known. */
function daysInMonth(year: number | null, month: number): number {
  if (month === 2) return year === null || isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether the day exists: month 1–12, a day the month has (2月29日 in leap years only, or when the year is not known). */
export function isPossibleDate(year: number | null, month: number, day: number): boolean {
  return Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function valid(year: number | null, month: number | null, day: number): boolean {
  if (year !== null && (year < 1900 || year > 2100)) return false;
  if (month === null) return day >= 1 && day <= 31;
  return isPossibleDate(year, month, day);
}

/** Whether a date falls within the era it is written in: 平成31年5月1日 and 令和元年4月1日 never were. */
function withinEra(era: string, year: number, month: number, day: number): boolean {
  const [first, last] = ERA_DAYS[era];
  const iso = isoDate(year, month, day);
  return iso >= first && iso <= last;
}

/** Every date in `text`, in order, the most complete reading of each place. */
export function findDates(text: string): DateMention[] {
  // Most lines hold no date: one cheap look for the characters every form needs.
  if (!/[日\-/.]/.test(text)) return [];
  const found: DateMention[] = [];
  let covered: Coverage | null = null;
  // An impossible date is no date, and no shorter reading of its text is one either: the '2月29日' of
  // '2023年 2月29日' is not a February 29th of unknown year.
  const add = (start: number, end: number, year: number | null, month: number | null, day: number, possible = true) => {
    covered ??= new Coverage(text.length);
    if (covered.overlaps(start, end)) return;
    if (possible && valid(year, month, day)) found.push({ start, end, year, month, day });
    covered.mark(start, end);
  };
  // Each pattern is tried only where a character it needs is present.
  const withMonth = text.includes('月') && text.includes('日');
  const eras = withMonth && /令和|平成|昭和|大正/.test(text) ? matchesOf(ERA_DATE, text) : [];
  for (const match of eras) {
    const eraYear = match[2] === '元' ? 1 : numberOf(match[2]);
    const year = match[3] ? numberOf(match[3]) : ERA_START[match[1]] + eraYear;
    const [month, day] = [numberOf(match[4]), numberOf(match[5])];
    add(match.index!, match.index! + match[0].length, year, month, day, withinEra(match[1], year, month, day));
  }
  const western = withMonth && text.includes('年') ? matchesOf(WESTERN_DATE, text) : [];
  const numeric = /[-/.]/.test(text) ? matchesOf(NUMERIC_DATE, text) : [];
  for (const match of [...western, ...numeric]) {
    add(match.index!, match.index! + match[0].length, numberOf(match[1]), numberOf(match[2]), numberOf(match[3]));
  }
  for (const match of withMonth && /^[ \t\u3000]*[(（]/.test(text) ? matchesOf(SHORT_YEAR_DATE, text) : []) {
    // Two digits from 30 on are of the 1900s: yearbooks of the 1980s and 1990s wrote '８６年'.
    const short = numberOf(match[1]);
    add(match.index!, match.index! + match[0].length, short >= 30 ? 1900 + short : 2000 + short, numberOf(match[2]), numberOf(match[3]));
  }
  for (const match of withMonth ? matchesOf(MONTH_DAY, text) : []) {
    add(match.index!, match.index! + match[0].length, null, numberOf(match[1]), numberOf(match[2]));
  }
  for (const match of /[本同翌]/.test(text) && text.includes('日') ? matchesOf(DAY_ONLY, text) : []) {
    // 同一日 is 'the same day', not the 1st.
    if (match[1] === '一' && text[match.index! - 1] === '同') continue;
    add(match.index!, match.index! + match[0].length, null, null, numberOf(match[1]));
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A day of the month alone, as a lead writes the meeting's day: '26日午前9時', '30日午前', '七日、'. */
const BARE_DAY = new RegExp(`(?<![0-9０-９月〇○一二三四五六七八九十本同翌前当毎連半数])(${N})日(?![間付本程])`, 'g');
/** After a day in kanji, what makes it a date rather than a word ('一日も早く'). */
const KANJI_DAY_AFTER = /^[、，,(（午夕夜朝昼未深にの]/;

/** Every day written alone, with no month: a lead's '26日午前9時(現地時間)'. Month and year are null. */
export function findBareDays(text: string): DateMention[] {
  if (!text.includes('日')) return [];
  const found: DateMention[] = [];
  for (const match of matchesOf(BARE_DAY, text)) {
    const end = match.index! + match[0].length;
    if (!/^[0-9０-９]/.test(match[1]) && !KANJI_DAY_AFTER.test(text.slice(end, end + 1))) continue;
    const day = numberOf(match[1]);
    if (day >= 1 && day <= 31) found.push({ start: match.index!, end, year: null, month: null, day });
  }
  return found;
}

const YEAR_MONTH = new RegExp(`(?:(令和|平成|昭和|大正)(元|${N})|(${YEAR}))年(${N})月(?!${N}日)`, 'g');

/** A year and month without a day, as a monthly page's heading gives them: '外務大臣会見記録(平成19年9月)'. */
export function findYearMonths(text: string): { year: number; month: number }[] {
  if (!text.includes('月')) return [];
  return matchesOf(YEAR_MONTH, text).flatMap((match) => {
    const year = match[1] ? ERA_START[match[1]] + (match[2] === '元' ? 1 : numberOf(match[2])) : numberOf(match[3]);
    const month = numberOf(match[4]);
    return month >= 1 && month <= 12 && year >= 1900 && year <= 2100 ? [{ year, month }] : [];
  });
}

export interface RelativeDayMention {
  readonly start: number;
  readonly end: number;
  /** Days after the date referred to: 同日, 本日, 当日 0; 翌日 +1; 前日 -1; 翌々日 +2; 前々日 -2. */
  readonly offsetDays: number;
}

const RELATIVE_DAY = /翌々日|前々日|同日|本日|当日|翌日|前日/g;
const RELATIVE_OFFSETS: Record<string, number> = { 同日: 0, 本日: 0, 当日: 0, 翌日: 1, 前日: -1, 翌々日: 2, 前々日: -2 };
/** A character after the word that makes 日 the start of another word: 日本, 日程, 日銀, 日数, 日系. */
const NOT_A_DAY_AFTER = new Set(['本', '程', '銀', '数', '系']);
/** After 前 only: 前日米…, 前日韓… are 'former Japan–US …'. 日中 stays a day ('同日中'). */
const COUNTRY_AFTER_FORMER = new Set(['米', '韓', '露', '英', '仏', '独', '豪', '印', '加', '伊', '朝', '台', '越', '欧']);
/** A character before the word that makes its first character the end of another word: 事前, 相当, 基本, 共同. */
const NOT_A_DAY_BEFORE: Record<string, string> = {
  前: '事以午直寸名戦目空生面門駅紀建御',
  本: '基資根見脚原手台絵標製日',
  当: '相担該正妥適充配弁抵手見',
  同: '共合協混賛帯一',
  翌: '',
};

/**
 * Every day named relative to another: 同日, 本日 and 当日 (0), 翌日 (+1), 前日 (-1), 翌々日 (+2),
 * 前々日 (-2), in order. A word that only contains one (日本, 日程, 事前日程, 相当日数, 前日本大使)
 * is not a day; 翌日付 and 同日中 are.
 */
export function findRelativeDays(text: string): RelativeDayMention[] {
  const found: RelativeDayMention[] = [];
  for (const match of matchesOf(RELATIVE_DAY, text)) {
    const word = match[0];
    const start = match.index!;
    const end = start + word.length;
    const first = word[0];
    const after = text[end] ?? '';
    const before = text[start - 1] ?? '';
    if (first !== '翌' && NOT_A_DAY_AFTER.has(after)) continue;
    if (first === '前' && COUNTRY_AFTER_FORMER.has(after)) continue;
    if (before !== '' && NOT_A_DAY_BEFORE[first].includes(before)) continue;
    found.push({ start, end, offsetDays: RELATIVE_OFFSETS[word] });
  }
  return found;
}

/** `iso` (YYYY-MM-DD) moved by `days`, across month and year ends. Throws on a date that does not exist. */
export function addDays(iso: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match || !Number.isInteger(days)) throw new RangeError(`addDays: not a date or whole days: ${iso}, ${days}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`addDays: no such date: ${iso}`);
  // setUTCFullYear, because Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day + days);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
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

/** Every clock time in `text`, in order. */
export function findTimes(text: string): TimeMention[] {
  // Most lines hold no time: one look for the characters every form needs, then each pattern only where its own are present.
  if (!/[:：時]|正午/.test(text)) return [];
  const found: Omit<TimeMention, 'japan' | 'local'>[] = [];
  const clocks = /[:：]/.test(text) ? matchesOf(CLOCK, text) : [];
  const kanjiTimes = text.includes('時') ? matchesOf(KANJI_TIME, text) : [];
  const noons = text.includes('正午') ? matchesOf(NOON, text) : [];
  if (clocks.length + kanjiTimes.length + noons.length === 0) return [];
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
    const japanBefore = !localNearer && /日本時間[^)）]*$/.test(text.slice(Math.max(0, time.start - JAPAN_WINDOW), time.start));
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

/** A kanji number of one character: 一時間 in 同一時間帯, 十分 ('enough'). Counted only after 約. */
function bareKanji(written: string | undefined): boolean {
  return written !== undefined && /^[一二三四五六七八九十]$/.test(written);
}

/**
 * Every duration: 約35分間, 約1時間, 1時間30分, 約1時間半, 約三十分, 約20分強. A bare 'N分' counts only
 * with 約 or 間, so that the minutes of a clock time ('9時15分から') are not read as a duration.
 */
export function findDurations(text: string): DurationMention[] {
  const found: DurationMention[] = [];
  for (const match of matchesOf(DURATION, text)) {
    const about = match[1] !== undefined;
    const minutesOnly = match[5] !== undefined;
    if (minutesOnly && !about && match[6] === undefined) continue;
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
    if (/^\s*(?:[~〜～\-－]|から)\s*$/.test(between)) return [times[i], times[i + 1]];
  }
  return null;
}

export function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
