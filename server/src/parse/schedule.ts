// When a meeting was held: its date, start and end times and length, read from a 日時 field, a
// press conference's header, the lead sentence or the page's dateline.
//
// A day or month-day without a year is read against the page's own date (its dateline, else its
// publication stamp): '本13日' under '平成28年3月16日' is the 13th, '26日' under '令和元年10月2日'
// is September 26th, '9月19日' under '平成17年9月20日' is of 2005. The meeting's date is the local
// one: the date written before its local start time ('現地時間9月19日18時30分から(日本時間20日…)').

import { Provenance } from '../model/readout';
import { DateMention, addDays, findBareDays, findDates, isoDate, monthDayOf, numberOf } from './dates';
import { TimeMention, clock, findDurations, findTimeSpan, findTimes } from './times';
import { compactTimes, eraDottedDate } from './compactDates';
import { isConferenceHeader } from './lineKinds';
import { namesMeeting } from '../knowledge/meetingKinds';
import { HOLDS_SENTENCE_END, Line, contentStart } from './text';

export interface TextAt {
  readonly value: string;
  readonly start: number;
}

export interface DayOfYear {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface DocumentDates {
  /** Full dates anywhere in the document's content, as evidence for the year of a month-day. */
  readonly full: readonly DayOfYear[];
  /** The page's own date when it gives one outside the block (a publication stamp). */
  readonly page?: DayOfYear | null;
  /** Years and months without a day in the page's top lines: a monthly page's heading. */
  readonly yearMonths?: readonly { year: number; month: number }[];
}

export interface Dateline {
  readonly date: DateMention;
  /** The line from its date on: '令和4年1月7日(金曜日)10時30分 於:本省会見室'. */
  readonly value: string;
  readonly start: number;
  /** Whether the line is a header of its own, not a headline that ends in a date. */
  readonly header: boolean;
}

/** A news site's stamp after a date: '2020年6月16日 19時02分', '… 18:00 配信'. Its time is no meeting's. */
const STAMP_TAIL = /^[ \t\u3000]+[0-9０-９]{1,2}(?:時[0-9０-９]{2}分|[:：][0-9０-９]{2}(?:[:：][0-9０-９]{2})?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)[ \t\u3000]*(?:(?:配信|更新|投稿|公開|掲載).*)?$/;

/** A site's stamp before a time: the '2017/11/06 ' of '[2017/11/06 14:54]'. */
const STAMP_BEFORE = /[0-9０-９]{4}[-/.／][0-9０-９]{1,2}[-/.／][0-9０-９]{1,2}[ \t\u3000/-]?$/;

/** The times of a text but those of a site's stamp ('…意見交換[2017/11/06 14:54]'). */
export function meetingTimes(text: string): TimeMention[] {
  const times = findTimes(text).filter((time) => !STAMP_BEFORE.test(text.slice(Math.max(0, time.start - 12), time.start)));
  const compact = /[(（][0-9]{4}/.test(text) ? compactTimes(text) : [];
  return compact.length > 0 ? [...times, ...compact].sort((a, b) => a.start - b.start) : times;
}

/** The header part of a line where the text runs on after it: '外務大臣会見記録 (…於:院内控室)(外務大臣)本日の…'. */
function headerPart(trimmed: string): string {
  if (!HOLDS_SENTENCE_END.test(trimmed)) return trimmed;
  const open = /^[^。、(（《]{0,40}[(（《]/.exec(trimmed);
  if (!open) return trimmed;
  let depth = 0;
  for (let i = open[0].length - 1; i < Math.min(trimmed.length, 110); i++) {
    if (/[(（《]/.test(trimmed[i])) depth++;
    else if (/[)）》]/.test(trimmed[i]) && --depth === 0) return trimmed.slice(0, i + 1);
  }
  return trimmed;
}

function datelineOf(line: Line): Dateline | null {
  const trimmed = headerPart(line.text.trim());
  if (trimmed.length > 110 || HOLDS_SENTENCE_END.test(trimmed)) return null;
  const dotted = eraDottedDate(trimmed);
  const dates = dotted ? [dotted] : findDates(trimmed);
  const first = dates[0];
  if (dates.length !== 1 || first.year === null || first.month === null) return null;
  const before = trimmed.slice(0, first.start);
  // The date opens the line, follows a bracket, a page-date label ('更新日:') or the meeting's name.
  // An embedded post's credit dates the copy: '— NHKニュース (@nhk_news) 2018年10月28日'.
  const credit = /^[—–―][ \t\u3000]*[^()（）]{1,30}[(（]@[A-Za-z0-9_]{1,20}[)）][ \t\u3000]*$/.test(before);
  const opens = before === '' || credit || /^[(（《〈[［]$/.test(before) || /^(更新日|掲載日|公開日|発表日|日付)[:：]?[ \t\u3000]*$/.test(before);
  if (!opens && !isConferenceHeader(trimmed) && !(before.length <= 40 && namesMeeting(before))) return null;
  const value = trimmed.slice(first.start);
  const stamp = STAMP_TAIL.test(value.slice(first.end - first.start));
  // Offsets of the date and of what follows are relative to the value, which starts at the date.
  return { date: { ...first, start: 0, end: first.end - first.start }, value, start: contentStart(line) + first.start, header: !stamp && (opens || isConferenceHeader(trimmed)) };
}

/**
 * A short line that gives a full date: '平成30年6月29日', '令和4年1月7日(金曜日)10時30分 於:本省会見室',
 * a press conference's header '外務大臣会見記録(平成17年10月31日(月曜日)23時10分~於:本省・会見室)'.
 * A header with the time or the room outranks a line above it with the date alone.
 */
export function dateline(lines: readonly Line[]): Dateline | null {
  let first: Dateline | null = null;
  for (const line of lines) {
    const found = datelineOf(line);
    if (found && isHeaderDateline(found)) return found;
    first ??= found;
  }
  return first;
}

/** A dateline that is a press conference's header: its date with a time or a place. */
export function isHeaderDateline(line: Dateline | null): line is Dateline {
  return line !== null && line.header && (findTimes(line.value).length > 0 || /於/.test(line.value));
}

/** The day-of-month before the reference, or on it: '26日' under October 2nd is September 26th. */
function dayBefore(reference: DayOfYear, day: number): DayOfYear | null {
  const iso = isoDate(reference.year, reference.month, reference.day);
  for (let back = 0; back <= 31; back++) {
    const candidate = addDays(iso, -back);
    if (Number(candidate.slice(8)) === day) return { year: Number(candidate.slice(0, 4)), month: Number(candidate.slice(5, 7)), day };
  }
  return null;
}

/**
 * The year of a month-day near the reference: the one that puts it on the page's date or within
 * 200 days before it (a page may be dated the day after); a later day gets no year.
 */
function yearNear(reference: DayOfYear, month: number, day: number): number | null {
  const iso = isoDate(reference.year, reference.month, reference.day);
  const [latest, earliest] = [addDays(iso, 1), addDays(iso, -200)];
  for (const year of [reference.year, reference.year - 1]) {
    const candidate = `${year}-${monthDayOf(month, day)}`;
    if (candidate <= latest && candidate >= earliest) return year;
  }
  return null;
}

function yearFor(month: number, day: number, evidence: DocumentDates): number | null {
  const same = evidence.full.filter((date) => date.month === month && date.day === day);
  const years = new Set(same.map((date) => date.year));
  return years.size === 1 ? [...years][0] : null;
}

/** The year of the only heading that names the month: '9月29日' under '(平成19年9月)'. */
function headingYear(month: number, evidence: DocumentDates): number | null {
  const years = new Set((evidence.yearMonths ?? []).filter((heading) => heading.month === month).map((heading) => heading.year));
  return years.size === 1 ? [...years][0] : null;
}

export interface MeetingDate {
  date: string | null;
  monthDay: string | null;
}

/** A date mention settled against the page's date: month and year filled in where it gives them. */
export function settleDate(mention: DateMention, reference: DayOfYear | null, evidence: DocumentDates): MeetingDate | null {
  let { year, month } = mention;
  if (month === null) {
    const resolved = reference ? dayBefore(reference, mention.day) : null;
    if (!resolved) return null;
    ({ year, month } = resolved);
  }
  year ??= yearFor(month, mention.day, evidence) ?? (reference ? yearNear(reference, month, mention.day) : headingYear(month, evidence));
  return { date: year !== null ? isoDate(year, month, mention.day) : null, monthDay: monthDayOf(month, mention.day) };
}

/** How far into a lead its own day may stand, after a dateline and a subject ('【モスクワ共同】岸田文雄外相は'). */
const EARLY_DAY = 40;
const DAY_THEN_WEEKDAY_OR_TIME = /^(?:[(（][月火水木金土日](?:曜日?)?[)）]|[ \t\u3000]?(?:午前|午後|[0-9０-９]{1,2}時))/;

/**
 * The date a lead gives for the meeting: the last one written before its local start time (the
 * Japan date in brackets comes after it), or with no time before the meeting's action (`actionAt`),
 * else its first; a day alone ('26日') when no other.
 */
export function leadDate(lead: string, actionAt = -1): DateMention | null {
  const dates = findDates(lead);
  // A news lead's own day comes first ('…外相は21日夕、…と会談し、…を10月8日に再開することで合意'); later dates are other events'.
  // An old page glues its release date before the lead: '平成16年5月15日 14日現地時間午後4時40分…'.
  // So does a wire's dateline: '【新華社東京5月10日】…総理は9日、' (its month is the bare day's when the day is not later).
  const wire = dates.length > 0 && /^【[^】]{0,12}$/.test(lead.slice(0, dates[0].start)) && lead[dates[0].end] === '】';
  const opening = dates.length > 0 && ((dates[0].start <= 1 && dates[0].year !== null) || wire) ? dates[0] : null;
  const from = opening ? opening.end : 0;
  const next = dates.find((date) => date.start >= from);
  // A day further in still dates the meeting when its weekday or time follows: '…を訪問中の小泉総理は、10日(木)9時30分から'.
  const early = (day: DateMention) => day.start < from + EARLY_DAY || DAY_THEN_WEEKDAY_OR_TIME.test(lead.slice(day.end, day.end + 8));
  const bare = findBareDays(lead).find((day) => day.start >= from && early(day) && (next === undefined || day.end <= next.start));
  const wireDay = bare && wire && opening!.month !== null && bare.day <= opening!.day ? { ...bare, month: opening!.month, year: opening!.year } : bare;
  const candidates = wireDay ? [wireDay, ...dates].sort((a, b) => a.start - b.start) : dates;
  if (candidates.length === 0) return null;
  // With no clock time, the last date before the meeting's action: '…到着し、翌7月2日、…首脳会談に臨みました'.
  const start = findTimes(lead).find((time) => !time.japan);
  const until = start ? start.start : actionAt;
  // A span's last day ('4月29日から5月6日までの間') ends a trip, it dates no meeting.
  const spanEnd = (mention: DateMention) => /から[ \t\u3000]*$/.test(lead.slice(Math.max(0, mention.start - 4), mention.start));
  const before = until >= 0 ? candidates.filter((mention) => mention.end <= until && !spanEnd(mention)) : [];
  return before.length > 0 ? before[before.length - 1] : candidates[0];
}

/** A date of a meeting named after it: '2015年9月15日の日ベトナム首脳会談において' recalls that meeting, it dates no other. */
const OF_NAMED_MEETING = /^(?:[(（][月火水木金土日][)）])?の[^。、，,]{0,24}?(?:会談|会合|会議|サミット)/;

export function datesNamedMeeting(sentence: string, mention: DateMention): boolean {
  return OF_NAMED_MEETING.test(sentence.slice(mention.end, mention.end + 40));
}

/** The last day of a trip after its first: 'から7日', 'から5月6日'. */
const TRIP_END = /^から(?:([0-9０-９〇一二三四五六七八九十]{1,3})月)?([0-9０-９〇一二三四五六七八九十]{1,3})日/;

/** Whether `day` falls within the trip the lead opens at `start` ('11月4日から7日の間'): a page dated during the trip. */
export function withinTrip(lead: string, start: DateMention, day: DayOfYear): boolean {
  const end = TRIP_END.exec(lead.slice(start.end, start.end + 12));
  if (!end || start.month === null || (start.year !== null && start.year !== day.year)) return false;
  const at = day.month * 100 + day.day;
  return at >= start.month * 100 + start.day && at <= (end[1] ? numberOf(end[1]) : start.month) * 100 + numberOf(end[2]);
}

/** A line of times alone under the date line: '（16時55分〜17時38分）', '(26時09分~26時48分)'. */
export function timeLine(lines: readonly Line[]): TextAt | null {
  const line = lines.find((candidate) => /^[(（]?[0-9０-９時分:：~〜～\-－\s\u3000午前後]{3,30}[)）]?$/.test(candidate.text.trim()) && meetingTimes(candidate.text).length > 0);
  return line ? { value: line.text, start: line.start } : null;
}

export interface Schedule {
  /** Whether the start is written past midnight of the day given ('26時09分'). */
  nextDay: boolean;
  startTime: string | null;
  endTime: string | null;
  startTimeJapan: string | null;
  durationMinutes: number | null;
}

/** Times and duration of the text that schedules the meeting (a 日時 field, a header or the lead). */
export function readSchedule(schedule: TextAt | null, provenance: Provenance[]): Schedule {
  const result: Schedule = { nextDay: false, startTime: null, endTime: null, startTimeJapan: null, durationMinutes: null };
  if (!schedule) return result;
  const times = meetingTimes(schedule.value);
  const local = times.filter((time) => !time.japan);
  const japan = times.filter((time) => time.japan);
  const first: TimeMention | undefined = local[0] ?? japan[0];
  if (first) {
    result.startTime = clock(first.minutes);
    result.nextDay = first.dayOffset === 1;
    provenance.push({ field: 'startTime', span: { start: schedule.start + first.start, end: schedule.start + first.end } });
  }
  if (japan[0]) result.startTimeJapan = clock(japan[0].minutes);
  const span = findTimeSpan(schedule.value, local.length > 0 ? local : japan);
  if (span) result.endTime = clock(span[1].minutes);
  const duration = findDurations(schedule.value)[0];
  if (duration) {
    result.durationMinutes = duration.minutes;
    provenance.push({ field: 'durationMinutes', span: { start: schedule.start + duration.start, end: schedule.start + duration.end } });
  } else if (span) {
    result.durationMinutes = (span[1].minutes - span[0].minutes + 1440) % 1440;
    provenance.push({ field: 'durationMinutes', span: { start: schedule.start + span[0].start, end: schedule.start + span[1].end } });
  }
  return result;
}
