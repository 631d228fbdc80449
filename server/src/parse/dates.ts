// Dates as readouts write them: 平成30年6月29日, 令和7(2025)年9月22日, 2018年(平成30年)6月29日,
// 昭和四十七年九月二十九日, 一九六五年一月十三日, 2月7日, 本29日, 同日, 翌日 (times are in times.ts).
// Offsets are relative to the string passed in.
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
export function numberOf(written: string): number {
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
export class Coverage {
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

const NO_DATES: readonly DateMention[] = Object.freeze([]);
/** A character every date form needs. */
const DATE_CHARACTER = /[日\-/.]/;
/** An era name. */
const ERA_NAME = /令和|平成|昭和|大正/;
/** A numeric date's separator. */
const DATE_SEPARATOR = /[-/.]/;
/** A bracket first. */
const OPENS_WITH_PAREN = /^[ \t\u3000]*[(（]/;
/** '本', '同' or '翌' before a day. */
const RELATIVE_DAY_WORD = /[本同翌]/;
/**
 * Whether any reader below can find a date: a month and a day (eras, western dates, month and
 * day), a numeric separator, or a relative word and a day ('同日'). Exactly the readers' own gates,
 * so that a line of '日米…' is passed over without making anything.
 */
function mayHoldDate(text: string): boolean {
  if (!DATE_CHARACTER.test(text)) return false;
  if (DATE_SEPARATOR.test(text)) return true;
  return text.includes('日') && (text.includes('月') || RELATIVE_DAY_WORD.test(text));
}

/** Every date in `text`, in order, the most complete reading of each place. */
export function findDates(text: string): readonly DateMention[] {
  // Most lines hold no date: one cheap look for the characters every form needs, before the
  // readers' shared state is made.
  return mayHoldDate(text) ? readDates(text) : NO_DATES;
}

function readDates(text: string): DateMention[] {
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
  const eras = withMonth && ERA_NAME.test(text) ? matchesOf(ERA_DATE, text) : [];
  for (const match of eras) {
    const eraYear = match[2] === '元' ? 1 : numberOf(match[2]);
    const year = match[3] ? numberOf(match[3]) : ERA_START[match[1]] + eraYear;
    const [month, day] = [numberOf(match[4]), numberOf(match[5])];
    add(match.index!, match.index! + match[0].length, year, month, day, withinEra(match[1], year, month, day));
  }
  const western = withMonth && text.includes('年') ? matchesOf(WESTERN_DATE, text) : [];
  const numeric = DATE_SEPARATOR.test(text) ? matchesOf(NUMERIC_DATE, text) : [];
  for (const match of [...western, ...numeric]) {
    add(match.index!, match.index! + match[0].length, numberOf(match[1]), numberOf(match[2]), numberOf(match[3]));
  }
  for (const match of withMonth && OPENS_WITH_PAREN.test(text) ? matchesOf(SHORT_YEAR_DATE, text) : []) {
    // Two digits from 30 on are of the 1900s: yearbooks of the 1980s and 1990s wrote '８６年'.
    const short = numberOf(match[1]);
    add(match.index!, match.index! + match[0].length, short >= 30 ? 1900 + short : 2000 + short, numberOf(match[2]), numberOf(match[3]));
  }
  for (const match of withMonth ? matchesOf(MONTH_DAY, text) : []) {
    add(match.index!, match.index! + match[0].length, null, numberOf(match[1]), numberOf(match[2]));
  }
  for (const match of RELATIVE_DAY_WORD.test(text) && text.includes('日') ? matchesOf(DAY_ONLY, text) : []) {
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
