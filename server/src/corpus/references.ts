// Phrases that point at another meeting: '3月の日露外相会談', '本年5月末にモスクワで行われた日露首脳会談',
// '先般の日米「2+2」', '昨年2月以来となるマティス長官の訪日', '2002年の小泉総理の訪朝'. Found in one text
// (finding is pure and cached with the file); resolved against the corpus by date, kind and countries.

import { COUNTRY_COMPOUND, compoundCountries } from '../knowledge/countries';
import { MeetingKind } from '../model/readout';
import { isPossibleDate } from '../parse/dates';
import { type TimeQualifier, directionOf, isoOfDay, isEmptyWindow, referenceWindow, windowOf } from './referenceTime';
import { endsWithOffice } from '../knowledge/offices';
import { findNamedOffices } from '../parse/participants';
import type { PeopleIndex } from '../knowledge/people';
import type { ReferenceCandidate as IndexedMeeting } from './candidates';
import { matchesOf } from '../parse/text';

/** What a meeting is at: leaders, foreign or defence ministers, both (2+2), or a visit. */
export type MeetingLevel = 'leader' | 'foreign' | 'defence' | '2+2' | 'visit';
export type MeetingMode = 'in person' | 'phone' | 'video';

export interface ReferencePhrase {
  /** The whole phrase, from the time qualifier to the meeting word. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly level: MeetingLevel | null;
  readonly mode: MeetingMode | null;
  /** ISO codes from a compound (日露 → JP, RU) or a visit (訪朝 → JP, KP). */
  readonly countries: readonly string[];
  readonly place: string | null;
  readonly time: TimeQualifier;
  /** The person of a visit ('マティス長官の訪日'), as written. */
  readonly person: { readonly name: string; readonly title: string | null } | null;
}

const LEVELS: Record<string, MeetingLevel> = {
  首脳: 'leader', 総理: 'leader', 首相: 'leader',
  外相: 'foreign', 外務大臣: 'foreign', 外務相: 'foreign',
  防衛相: 'defence', 防衛大臣: 'defence', 国防相: 'defence',
};

const VISITED: Record<string, string> = { 日: 'JP', 朝: 'KP', 露: 'RU', 米: 'US', 中: 'CN', 韓: 'KR', 豪: 'AU', 英: 'GB', 印: 'IN' };

// One alternation per way of naming a meeting; the named groups say which.
const MEETING_WORD = new RegExp(
  [
    `(?<c1>${COUNTRY_COMPOUND})?(?:外務・防衛閣僚(?:級)?(?:会合|協議)(?:[(（]?[「『]?[2２][+＋][2２][」』]?[)）]?)?|[「『][2２][+＋][2２][」』]|[2２][+＋][2２](?![0-9０-９]))`,
    `(?<c2>${COUNTRY_COMPOUND})?(?:の)?(?<level>首脳|外相|外務大臣|外務相|防衛相|防衛大臣|国防相)(?:間)?の?(?<mode>電話|テレビ|ビデオ|オンライン)?(?<what>会談|会合|会議|協議)`,
    `(?<c3>${COUNTRY_COMPOUND})?(?<mode2>電話|テレビ|ビデオ|オンライン)(?:会談|会議)`,
    `の訪(?<visited>[日朝露米中韓豪英印])(?![一-龥々])`,
  ].join('|'),
  'g',
);

/**
 * What every MEETING_WORD match holds, within MEETING_PREFIX characters of its start (a country
 * compound of up to four characters and 'の'): a text is scanned for this cheap pattern, and the
 * full one, whose optional compound is tried at every offset, runs only just before each find.
 */
const MEETING_CORE = /外務・防衛閣僚|[「『]?[2２][+＋][2２]|首脳|外相|外務大臣|外務相|防衛相|防衛大臣|国防相|電話|テレビ|ビデオ|オンライン|の訪[日朝露米中韓豪英印]/g;
const MEETING_PREFIX = 5;

/**
 * The next MEETING_WORD match starting at `from` or after, as MEETING_WORD.exec from `from` gives it.
 * A match starts at most MEETING_PREFIX before its core, and no core lies between `from` and the next
 * one found, so starting the full pattern there misses nothing.
 */
function nextMeetingWord(text: string, from: number): RegExpExecArray | null {
  MEETING_CORE.lastIndex = from;
  const core = MEETING_CORE.exec(text);
  if (!core) return null;
  MEETING_WORD.lastIndex = Math.max(from, core.index - MEETING_PREFIX);
  return MEETING_WORD.exec(text);
}

const TIME = new RegExp(
  [
    '(?<year>[0-9０-９]{4})年',
    '(?<relYear>本年|今年|昨年|去年|一昨年|来年|年内)',
    '(?<month>[0-9０-９]{1,2})月(?:(?<day>[0-9０-９]{1,2})日|(?<part>初め|初旬|上旬|中旬|下旬|末))?',
    '(?<relative>先般|先日|先月|来月|本日|同日|前回|今般|今回)',
    '(?<next>次回|次期|今後の)',
  ].join('|'),
  'g',
);

const PLACE = /(?<place>[一-龥ァ-ヴー]{2,8}?)(?:で|において|にて)(?:行われた|開催された|開かれた|の)?$/;

/** '今年三度目となる', '2回目の': the document's own meeting. */
const COUNTED_OWN_MEETING = /(?:回目となる|度目となる|回目の|度目の)$/;

/** A character that every TIME match holds: most text before a meeting word has no time in it. */
const TIME_CHARACTER = /[年月先本同今次前]/;

const RELATIVE_WORDS: Record<string, TimeQualifier['relative']> = { 先月: 'last month', 来月: 'next month', 本日: 'same day', 同日: 'same day', 今回: 'same day', 前回: 'previous' };

/** Written just before a meeting word, or before its visitor: the meeting is planned ('予定されている首脳会談', '予定される安倍総理の訪露'). */
const PLANNED_BEFORE = /(?:予定|行われる|開催される|開かれる|有り得べき|見込まれる|今後)[^。、]{0,14}$/;
/** Written just after a meeting word: it is still to come ('首脳会談に向けた準備', '首脳会談を控え'). */
const PLANNED_AFTER = /^[^。、]{0,8}?(?:に向け|に先立|を控え|を予定|が予定|の予定|の開催に向け|を調整|の機会に)/;
const AFTER = 16;

const LOOKBACK = 60;
const NEAR = 24;

function toNumber(written: string): number {
  return Number(written.replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** The time written nearest before a meeting word: the last qualifier and those written right before it ('本年5月末'). */
function readTime(before: string): TimeQualifier {
  let year: number | null = null;
  let relativeYear: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  let dayRange: [number, number] | null = null;
  let relative: TimeQualifier['relative'] = null;
  let ahead = false;
  const matches = TIME_CHARACTER.test(before) ? matchesOf(TIME, before) : [];
  let first = matches.length - 1;
  while (first > 0 && matches[first - 1].index! + matches[first - 1][0].length === matches[first].index!) first--;
  const cluster = first >= 0 ? matches.slice(first) : [];
  for (const match of cluster) {
    const groups = match.groups!;
    if (groups.year) year = toNumber(groups.year);
    else if (groups.relYear) relativeYear = { 本年: 0, 今年: 0, 年内: 0, 昨年: -1, 去年: -1, 一昨年: -2, 来年: 1 }[groups.relYear] ?? null;
    else if (groups.month) {
      month = toNumber(groups.month);
      day = groups.day ? toNumber(groups.day) : null;
      const part = groups.part;
      dayRange = !part ? null : part === '中旬' ? [11, 20] : part === '下旬' || part === '末' ? [21, 31] : [1, 10];
    } else if (groups.relative) {
      const written = groups.relative;
      relative = RELATIVE_WORDS[written] ?? 'recent';
      ahead ||= written === '来月';
    } else if (groups.next) ahead = true;
  }
  // '年内に' is the rest of the document's year: still to come.
  if ((relativeYear !== null && relativeYear > 0) || cluster.some((match) => match.groups!.relYear === '年内')) ahead = true;
  // An impossible month or day ('13月', '2月31日') tells no time; the phrase keeps it as written.
  if (month !== null && !isPossibleDate(year, month, day ?? 1)) [month, day, dayRange] = [null, null, null];
  return { year, relativeYear, month, day, dayRange, relative, ahead, written: cluster.length ? before.slice(cluster[0].index!) : null };
}

/** Where the sentence before `offset` starts (after its 。 or line break), but not before `floor`. */
function sentenceStartBefore(text: string, offset: number, floor: number): number {
  let start = offset;
  // Codes, not one-character strings: a string past U+00FF is made anew at each read.
  while (start > floor && text.charCodeAt(start - 1) !== 0x3002 && text.charCodeAt(start - 1) !== 0x0a) start--;
  return start;
}

const NO_COUNTRIES: readonly string[] = Object.freeze([]);

/** The meeting references in a text (offsets into it). */
export function findReferences(text: string, people: PeopleIndex): ReferencePhrase[] {
  const found: ReferencePhrase[] = [];
  // Match by match rather than all at once: a dense text's matches would otherwise all live to the end.
  for (let match = nextMeetingWord(text, 0); match; match = nextMeetingWord(text, match.index + match[0].length)) {
    const groups = match.groups!;
    const wordStart = match.index!;
    const wordEnd = wordStart + match[0].length;
    // A '(「2+2」)' right after '外務・防衛閣僚協議' or a 2+2 just found belongs to that phrase.
    const previous = found[found.length - 1];
    if (previous && wordStart - previous.end <= 2 && previous.level === '2+2' && !groups.level && !groups.visited) continue;

    // The sentence before the meeting word: where its time, place and visitor are written.
    const sentenceStart = sentenceStartBefore(text, wordStart, Math.max(wordStart - LOOKBACK, previous ? previous.end : 0, 0));
    const before = text.slice(sentenceStart, wordStart);
    const read = readTime(before);
    // A written past ('先般の', '昨年9月の') outweighs a planning word nearby ('先般の首脳会談に向けた準備' is no such phrase).
    const past = directionOf(read) === 'before';
    const planned = read.ahead || (!past && (PLANNED_BEFORE.test(before) || PLANNED_AFTER.test(text.slice(wordEnd, wordEnd + AFTER))));
    const time = planned === read.ahead ? read : { ...read, ahead: true };
    // '今年三度目となる日露外務大臣会談' counts the document's own meeting; it points nowhere else.
    if (COUNTED_OWN_MEETING.test(before)) continue;

    let level: MeetingLevel | null;
    let mode: MeetingMode | null = null;
    let countries: readonly string[] = NO_COUNTRIES;
    let person: ReferencePhrase['person'] = null;
    const compound = groups.c1 ?? groups.c2 ?? groups.c3;
    if (compound) countries = compoundCountries(compound) ?? NO_COUNTRIES;
    if (groups.visited) {
      level = 'visit';
      countries = VISITED[groups.visited] === 'JP' ? ['JP'] : ['JP', VISITED[groups.visited]];
      // Every name + office ends with an office title: without one at the end there is no visitor.
      const visitor = endsWithOffice(before) ? findNamedOffices(before, people).filter((named) => named.end === before.length).pop() : undefined;
      if (!visitor) continue;
      person = { name: visitor.name, title: visitor.title };
    } else if (groups.level) {
      level = LEVELS[groups.level];
      const written = groups.mode;
      mode = written === '電話' ? 'phone' : written ? 'video' : null;
    } else if (groups.mode2) {
      level = null;
      mode = groups.mode2 === '電話' ? 'phone' : 'video';
    } else level = '2+2';

    // Every place ends with で or (に)て, (にお)いて.
    const placeMatch = before.includes('で') || before.includes('て') ? PLACE.exec(before) : null;
    const place = placeMatch?.groups?.place ?? null;
    // The phrase starts at the earliest of what qualifies it: time, place, visitor.
    let start = wordStart;
    // A qualifier far before the word still counts, but the phrase's range stays short.
    if (time.written !== null && time.written.length <= NEAR) start = Math.min(start, wordStart - time.written.length);
    if (placeMatch) start = Math.min(start, wordStart - placeMatch[0].length);
    if (person) start = Math.min(start, sentenceStart + before.lastIndexOf(person.name));
    found.push({ start, end: wordEnd, text: text.slice(start, wordEnd), level, mode, countries, place, time, person });
  }
  return found;
}

/** The level and mode a meeting kind stands for, to compare with a reference's. */
export function levelOfKind(kind: MeetingKind | null): { level: MeetingLevel | null; mode: MeetingMode } {
  if (!kind) return { level: null, mode: 'in person' };
  const mode: MeetingMode = kind.includes('電話') ? 'phone' : kind.includes('テレビ') ? 'video' : 'in person';
  if (kind === '2+2') return { level: '2+2', mode };
  if (kind.startsWith('首脳')) return { level: 'leader', mode };
  if (kind.startsWith('外相') || kind === '戦略対話') return { level: 'foreign', mode };
  if (kind.startsWith('防衛相')) return { level: 'defence', mode };
  return { level: null, mode };
}


/** What resolving a reference needs to know about the document it stands in. */
export interface ReferenceContext {
  /** The date of the meeting the phrase stands in (ISO, or '2022-02' when only a month is known). */
  readonly date: string | null;
  readonly countries: readonly string[];
  readonly people: PeopleIndex;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((code) => b.includes(code));
}

/**
 * The corpus meeting a phrase points at: of the right level and mode, between the right countries
 * (the written ones, else the document's own), with the visitor when one is named, inside the
 * phrase's time window (else not after the document); the nearest in time wins, a matching place first.
 */
export function resolveReference(reference: ResolvableReference, context: ReferenceContext, candidates: readonly IndexedMeeting[]): IndexedMeeting | null {
  const window = referenceWindow(reference.time, context.date);
  if (window && isEmptyWindow(window)) return null;
  const own = windowOf(context.date);
  let visitor: string | null = null;
  if (reference.person) {
    const when = window ? isoOfDay(window.from) : context.date;
    visitor = context.people.resolve(reference.person.name, { title: reference.person.title, date: when })?.id ?? null;
    if (!visitor) return null;
  }
  const fits = candidates.filter((meeting) => {
    const span = windowOf(meeting.date);
    if (!span) return false;
    const countries = meeting.summary.countries;
    if (reference.level === 'visit') {
      if (!meeting.personIds.includes(visitor!) || !reference.countries.every((code) => countries.includes(code))) return false;
    } else {
      const { level, mode } = levelOfKind(meeting.summary.kind);
      if (reference.level && level !== reference.level) return false;
      if (reference.mode && mode !== reference.mode) return false;
      if (!reference.level && !reference.mode) return false;
      if (reference.countries.length > 0 ? !sameSet(reference.countries, countries) : !(countries.length >= 2 && countries.every((code) => context.countries.includes(code)))) {
        return false;
      }
    }
    if (window) return span.from <= window.to && window.from <= span.to;
    // Without a time, '日米「2+2」' or 'ラヴロフ大臣の訪日' names the document's own meeting, or the same event told by another file.
    return own !== null && span.from <= own.to && own.from <= span.to;
  });
  const distance = (meeting: IndexedMeeting) => {
    const span = windowOf(meeting.date)!;
    if (!own) return 0;
    // A planned meeting is the nearest one after the document; any other reference looks back first.
    if (reference.time.ahead) return span.to >= own.from ? span.from - own.from : 100_000 + own.from - span.to;
    return span.from <= own.to ? own.from - span.from : 100_000 + span.from - own.to;
  };
  const placed = (meeting: IndexedMeeting) =>
    reference.place !== null && [meeting.summary.place, meeting.summary.title, ...meeting.file.summary.preview].some((text) => text?.includes(reference.place!));
  fits.sort((a, b) => Number(placed(b)) - Number(placed(a)) || distance(a) - distance(b));
  return fits[0] ?? null;
}

/**
 * '今回の「2+2」': the event the document itself tells. Another document of that day may tell it too
 * (the minister's press conference on the 2+2); without one the phrase points nowhere else.
 */
export function namesThisEvent(reference: Pick<ReferencePhrase, 'time'>): boolean {
  return reference.time.written?.startsWith('今回') ?? false;
}

/** Whether the phrase carries its own time ('3月の', '先般の'), not just one far back in the sentence. */
export function hasNearTime(reference: Pick<ReferencePhrase, 'time'>): boolean {
  return reference.time.written !== null && reference.time.written.length <= NEAR;
}

/** The parts of a found phrase that resolution reads (a cached summary's reference has them). */
export type ResolvableReference = Pick<ReferencePhrase, 'level' | 'mode' | 'countries' | 'place' | 'time' | 'person'>;
