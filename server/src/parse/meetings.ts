// A meeting's metadata from its header, fields (日時/場所), datelines and lead sentence.
//
// The lead is the sentence that reports the meeting itself ('2月7日11時30分より約1時間,…
// 日米外相会談を行ったところ'); dates elsewhere in the text (mentions of other events) never
// become the meeting's date. A month-day without a year takes its year only from a full date
// elsewhere in the document for the same day; otherwise the date stays null.

import { COUNTRY_COMPOUND } from '../knowledge/countries';
import { findMeetingKind, findTitleKind, namesMeeting } from '../knowledge/meetingKinds';
import { MeetingKind, MeetingMetadata, Provenance, Section, Span } from '../model/readout';
import { DateMention, addDays, clock, findDates, findDurations, findTimeSpan, findTimes, isoDate, monthDayOf } from './dates';
import { fieldLine, isConferenceHeader } from './lineKinds';
import { PartySources, Sentence, readParties } from './parties';
import { Line, contentStart, isBlank, matchesOf } from './text';

export interface Block extends PartySources {
  readonly span: Span;
  /** The source heading that opened the block, if any. */
  readonly header: Section | null;
  /** Lines before the block's first section: title lines, datelines, fields, the lead. */
  readonly leadLines: readonly Line[];
  /** The first paragraph of the block's first section, where transcripts put their lead. */
  readonly firstParagraph: readonly Line[];
  /** Texts that can name the meeting's kind, most authoritative first (header, document title). */
  readonly titles: readonly Span[];
  /** The block's last lines of content, where a statement is signed. */
  readonly closingLines: readonly Line[];
  /** Whether the press asks questions in it: a transcript. */
  readonly transcript: boolean;
}

export interface DocumentDates {
  /** Full dates anywhere in the document's content, as evidence for the year of a month-day. */
  readonly full: readonly { year: number; month: number; day: number }[];
}

function sentencesOf(lines: readonly Line[]): Sentence[] {
  const sentences: Sentence[] = [];
  for (const line of lines) {
    let start = line.start;
    for (const piece of line.text.split(/(?<=[。．])/)) {
      if (!isBlank(piece)) sentences.push({ start, text: piece });
      start += piece.length;
    }
  }
  return sentences;
}

const MEETING_ACTION = /(会談|会合|会議|表敬|懇談|歓談|立ち話|協議|対話|[2２][+＋][2２]」?)(?:を行|を実施|を受け|に出席|に参加|し(?:た|まし)|が行われ)/;
const MEETING_WORD = /会談|会合|会議|表敬|懇談|立ち話|協議|対話|[2２][+＋][2２]/;

const CLOCK_CHARACTER = /[:：時分正]/;

/** How strongly a sentence reads as the report of the meeting itself. */
function leadScore(text: string): number {
  let score = 0;
  if (MEETING_ACTION.test(text)) score += 2;
  if (MEETING_WORD.test(text)) score += 1;
  // Every time and duration holds one of these characters; most sentences hold none.
  if (CLOCK_CHARACTER.test(text) && (findTimes(text).length > 0 || findDurations(text).length > 0)) score += 2;
  return score;
}

function findLead(block: Block): Sentence | null {
  let best: { sentence: Sentence; score: number } | null = null;
  for (const sentence of sentencesOf([...block.leadLines, ...block.firstParagraph])) {
    const score = leadScore(sentence.text);
    if (score >= 3 && (!best || score > best.score)) best = { sentence, score };
  }
  return best ? best.sentence : null;
}

interface Field {
  readonly value: string;
  readonly start: number;
}

function readFields(lines: readonly Line[]): { date: Field | null; place: Field | null } {
  const fields: { date: Field | null; place: Field | null } = { date: null, place: null };
  for (let i = 0; i < lines.length; i++) {
    const field = fieldLine(lines[i].text);
    if (!field || field.field === 'title' || fields[field.field]) continue;
    if (field.value) {
      fields[field.field] = { value: field.value, start: lines[i].start + field.valueOffset };
    } else {
      // The value on the next line ('日時' above '平成30年8月1日…'); an empty archive field stays empty.
      const next = lines[i + 1];
      if (next && !isBlank(next.text) && !fieldLine(next.text)) fields[field.field] = { value: next.text.trim(), start: contentStart(next) };
    }
  }
  return fields;
}

interface Dateline {
  readonly date: DateMention;
  /** The line from its date on: '令和4年1月7日(金曜日)10時30分 於:本省会見室'. */
  readonly value: string;
  readonly start: number;
  /** Whether the line is a header of its own, not a headline that ends in a date. */
  readonly header: boolean;
}

/**
 * A short line that gives a full date: '平成30年6月29日', '令和4年1月7日(金曜日)10時30分 於:本省会見室',
 * a press conference's header '外務大臣会見記録(平成17年10月31日(月曜日)23時10分~於:本省・会見室)'.
 */
function dateline(lines: readonly Line[]): Dateline | null {
  for (const line of lines) {
    const trimmed = line.text.trim();
    if (trimmed.length > 110 || /[。．]/.test(trimmed)) continue;
    const dates = findDates(trimmed);
    const first = dates[0];
    if (dates.length !== 1 || first.year === null || first.month === null) continue;
    const before = trimmed.slice(0, first.start);
    // The date opens the line, follows a bracket, a page-date label ('更新日:') or the meeting's name.
    const opens = before === '' || /^[(（《〈[［]$/.test(before) || /^(更新日|掲載日|公開日|発表日|日付)[:：]?[ \t\u3000]*$/.test(before);
    if (opens || isConferenceHeader(trimmed) || (before.length <= 40 && namesMeeting(before))) {
      // Offsets of the date and of what follows are relative to the value, which starts at the date.
      return { date: { ...first, start: 0, end: first.end - first.start }, value: trimmed.slice(first.start), start: contentStart(line) + first.start, header: opens || isConferenceHeader(trimmed) };
    }
  }
  return null;
}

const PLACE_NOUN = /^[^\s、,。はがをにとのも「」()（）]{2,24}$/;
const NOT_PLACES = /^(電話|テレビ|ビデオ|オンライン|書面|会談|会合|冒頭|全体|両国|同国|本日|今回|ここ|日帰り|同日|現地|ワーキング|国際|総理|大臣|首脳|外相|両首脳|両外相|双方)/;

/** 'X(Y)' names a place and the spot within it, e.g. 東京(飯倉公館), 米国(ニューヨーク): Y is the meeting's. */
function innermostPlace(written: string): { place: string; offset: number } {
  const inner = /[(（]([^()（）]+)[)）]$/.exec(written);
  return inner ? { place: inner[1], offset: inner.index + 1 } : { place: written, offset: 0 };
}

/** The letters a place name is written in: katakana, kanji, Latin (ワシントンDC, 飯倉公館, 米国・ニューヨーク). */
const PLACE_RUN = '[ァ-ヴー・一-龥々A-Za-zＡ-Ｚａ-ｚ.．]';
const IN_BRACKETS = '(?:[(（][^()（）]{1,20}[)）])?';
const VISITING = new RegExp(`(?<!${PLACE_RUN})(${PLACE_RUN}{2,30}?${IN_BRACKETS})を?(?:訪問中|出張中|滞在中)`);
const AT = new RegExp(`(?<!${PLACE_RUN})(${PLACE_RUN}{2,30}?${IN_BRACKETS})(?:において|にて|で)(?![あ-ん])`, 'g');
/** What stands before において or で without being a place: '国際社会において', '電話会談で', 'ワーキングランチ形式で'. */
const NOT_PLACE_ENDS = /(社会|分野|地域|関係|面|場|枠組み|会議|会合|会談|協議|形式|方式|機会|際|中|間|下|上|観点|点|立場|全体|冒頭|席上|後|前|次第|ため)$/;

function findPlace(sentence: string): { place: string; offset: number } | null {
  const visiting = VISITING.exec(sentence);
  if (visiting) {
    const { place, offset } = innermostPlace(visiting[1]);
    if (PLACE_NOUN.test(place)) return { place, offset: visiting.index + offset };
  }
  for (const match of matchesOf(AT, sentence)) {
    const { place, offset } = innermostPlace(match[1]);
    if (PLACE_NOUN.test(place) && !NOT_PLACES.test(place) && !NOT_PLACE_ENDS.test(place) && !/[0-9０-９]/.test(place)) {
      return { place, offset: match.index! + offset };
    }
  }
  return null;
}

/** A statement's signing line: a short line with a full date and the place before or after it. */
function signingLine(lines: readonly Line[]): { date: DateMention; start: number; place: Field | null } | null {
  for (const line of lines) {
    const trimmed = line.text.trim();
    if (trimmed.length > 40) continue;
    const date = findDates(trimmed).find((mention) => mention.year !== null && mention.month !== null);
    if (!date) continue;
    const offset = contentStart(line);
    const before = /^(.{2,16}?)[,，、\s\u3000]*$/.exec(trimmed.slice(0, date.start));
    const after = new RegExp(`^に(${PLACE_RUN}{2,16}?)(?:で|において|にて)`).exec(trimmed.slice(date.end));
    const written = before && PLACE_NOUN.test(before[1]) ? { value: before[1], start: offset } : after ? { value: after[1], start: offset + date.end + 1 } : null;
    return { date, start: offset, place: written };
  }
  return null;
}

/** '於:本省会見室' in a dateline. */
function atPlace(line: Dateline | null): Field | null {
  const match = line ? /於[ \t\u3000]*[:：]?[ \t\u3000]*([^\s)）》〉\]］]+)/.exec(line.value) : null;
  return match ? { value: match[1], start: line!.start + match.index + match[0].length - match[1].length } : null;
}

function yearFor(month: number, day: number, evidence: DocumentDates): number | null {
  const same = evidence.full.filter((date) => date.month === month && date.day === day);
  const years = new Set(same.map((date) => date.year));
  return years.size === 1 ? [...years][0] : null;
}

export function readMeeting(text: string, block: Block, evidence: DocumentDates): MeetingMetadata {
  const provenance: Provenance[] = [];
  const fields = readFields(block.leadLines);
  const lead = findLead(block);
  const titleTexts = block.titles.map((span) => ({ start: span.start, text: text.slice(span.start, span.end) }));

  const kind = readKind(titleTexts, lead, block.transcript, provenance);

  // Date.
  let date: string | null = null;
  let monthDay: string | null = null;
  const fieldDates = fields.date ? findDates(fields.date.value) : [];
  const leadDates = lead ? findDates(lead.text) : [];
  const blockDateline = dateline([...block.leadLines, ...block.firstParagraph]);
  const settle = (mention: DateMention, start: number) => {
    const span = { start: start + mention.start, end: start + mention.end };
    let { year, month } = mention;
    if (month === null && blockDateline && blockDateline.date.day === mention.day) {
      year = blockDateline.date.year;
      month = blockDateline.date.month;
    }
    if (month === null) return;
    monthDay = monthDayOf(month, mention.day);
    year ??= yearFor(month, mention.day, evidence);
    if (year !== null) date = isoDate(year, month, mention.day);
    provenance.push({ field: 'date', span });
  };
  // A press conference's header (its date with a time or a place) is the meeting's own; a
  // summary's lead can only be outranked by a 日時 field.
  const headerDateline = blockDateline && blockDateline.header && (findTimes(blockDateline.value).length > 0 || /於/.test(blockDateline.value)) ? blockDateline : null;
  if (fieldDates.length > 0) settle(fieldDates[0], fields.date!.start);
  else if (headerDateline) settle(headerDateline.date, headerDateline.start);
  // A statement is dated the day it is issued, whatever days of talks its first paragraph recalls.
  else if (kind === '共同声明' && blockDateline) settle(blockDateline.date, blockDateline.start);
  else if (leadDates.length > 0) settle(leadDates[0], lead!.start);
  if (monthDay === null && blockDateline) settle(blockDateline.date, blockDateline.start);
  const opening = monthDay === null ? openingDate(block.leadLines) : null;
  if (opening) settle(opening.date, opening.start);

  // Times and duration: from the 日時 field or a header when there is one, else from the lead.
  const leadHasTimes = lead !== null && (findTimes(lead.text).length > 0 || findDurations(lead.text).length > 0);
  const schedule = fields.date ?? headerDateline ?? (leadHasTimes ? { value: lead.text, start: lead.start } : timeLine(block.leadLines) ?? blockDateline);
  const { startTime, endTime, startTimeJapan, durationMinutes, nextDay } = readSchedule(schedule, provenance);
  // '26時09分' on the page's date is 02:09 on the day after.
  if (nextDay && date !== null) {
    date = addDays(date, 1);
    monthDay = date.slice(5);
  }

  // Place.
  let place: string | null = null;
  const placeField = fields.place ?? atPlace(blockDateline);
  if (placeField) {
    place = placeField.value;
    provenance.push({ field: 'place', span: { start: placeField.start, end: placeField.start + place.length } });
  } else if (lead) {
    const found = findPlace(lead.text);
    if (found) {
      place = found.place;
      provenance.push({ field: 'place', span: { start: lead.start + found.offset, end: lead.start + found.offset + found.place.length } });
    }
  }

  // A statement gives its place and date where it is signed: '東京，１９９３年１０月１３日', '…九月二十九日に北京で'.
  const signed = kind === '共同声明' && (place === null || date === null) ? signingLine(block.closingLines) : null;
  if (signed && place === null && signed.place) {
    place = signed.place.value;
    provenance.push({ field: 'place', span: { start: signed.place.start, end: signed.place.start + place.length } });
  }
  if (signed && date === null) settle(signed.date, signed.start);

  const leadSentences = sentencesOf([...block.leadLines, ...block.firstParagraph]);
  const { participants, countries } = readParties(text, block, { kind, lead, leadSentences, titles: titleTexts, date, leadParties: lead ? meetingName(lead.text) : null });

  return { kind, date, monthDay, startTime, endTime, startTimeJapan, durationMinutes, place, countries, participants, provenance };
}

/** A line of times alone under the date line: '（16時55分〜17時38分）', '(26時09分~26時48分)'. */
function timeLine(lines: readonly Line[]): Field | null {
  const line = lines.find((candidate) => /^[(（]?[0-9０-９時分:：~〜～\-－\s\u3000午前後]{3,30}[)）]?$/.test(candidate.text.trim()) && findTimes(candidate.text).length > 0);
  return line ? { value: line.text, start: line.start } : null;
}

/** A page that opens with the day's date ('平成30年1月18日、安倍総理は…') gives the meeting's. */
function openingDate(leadLines: readonly Line[]): { date: DateMention; start: number } | null {
  for (const sentence of sentencesOf(leadLines.slice(0, 3))) {
    const date = findDates(sentence.text.slice(0, 30)).find((mention) => mention.year !== null && mention.month !== null);
    if (date) return { date, start: sentence.start };
  }
  return null;
}

interface Schedule {
  /** Whether the start is written past midnight of the day given ('26時09分'). */
  nextDay: boolean;
  startTime: string | null;
  endTime: string | null;
  startTimeJapan: string | null;
  durationMinutes: number | null;
}

/** Times and duration of the text that schedules the meeting (a 日時 field, a header or the lead). */
function readSchedule(schedule: Field | null, provenance: Provenance[]): Schedule {
  const result: Schedule = { nextDay: false, startTime: null, endTime: null, startTimeJapan: null, durationMinutes: null };
  if (!schedule) return result;
  const times = findTimes(schedule.value);
  const local = times.filter((time) => !time.japan);
  const japan = times.filter((time) => time.japan);
  const first = local[0] ?? japan[0];
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

/** A lead that reports a meeting just held, with its length: '先ほど…約35分間…電話会談を行いました'. */
const REPORTED_MEETING = /(を行いました|を行った|を実施しました|を行ってきました)/;

/**
 * Kind: the header and titles first, then the lead. A transcript with no kind in its titles is a
 * press conference, unless its opening remarks report a meeting just held (a briefing on a call).
 */
function readKind(titles: readonly Sentence[], lead: Sentence | null, transcript: boolean, provenance: Provenance[]): MeetingKind | null {
  const candidates: { source: Sentence; found: ReturnType<typeof findMeetingKind> }[] = [
    ...titles.map((title) => ({ source: title, found: title.text.length <= 200 ? findTitleKind(title.text) : findMeetingKind(title.text) })),
  ];
  const leadKind = lead ? findMeetingKind(lead.text) : null;
  const briefing = lead !== null && REPORTED_MEETING.test(lead.text) && findDurations(lead.text).length > 0;
  if (lead && (!transcript || briefing)) candidates.push({ source: lead, found: leadKind });
  for (const { source, found } of candidates) {
    if (!found) continue;
    provenance.push({ field: 'kind', span: { start: source.start + found.start, end: source.start + found.end } });
    return found.kind;
  }
  return transcript ? '記者会見' : null;
}

/** The meeting's name in a sentence with its country compound: '…日米外相電話会談を行いました' → '日米外相電話会談'. */
function meetingName(sentence: string): string | null {
  // The clause that ends in the action ('東京において日中外相会談を行った'), not an earlier
  // mention ('日中韓外相会議に出席するため訪日中の').
  const actions = [...sentence.matchAll(new RegExp(MEETING_ACTION, 'g'))];
  const action = actions[actions.length - 1];
  const clauseEnd = action ? action.index! + action[1].length : sentence.length;
  const clauseStart = Math.max(sentence.lastIndexOf('、', clauseEnd), sentence.lastIndexOf(',', clauseEnd)) + 1;
  const clause = sentence.slice(clauseStart, clauseEnd);
  const source = findMeetingKind(clause) ? clause : sentence;
  const found = findMeetingKind(source);
  if (!found) return null;
  const compound = new RegExp(`(${COUNTRY_COMPOUND})$`).exec(source.slice(0, found.start));
  return (compound ? compound[1] : '') + source.slice(found.start, found.end);
}

/** The name of the meeting its lead reports, for a document with no title. */
export function derivedTitle(block: Block): string | null {
  const lead = findLead(block);
  return lead ? meetingName(lead.text) : null;
}

/** Whether a line can be a document or meeting title. */
export function isTitleLine(line: Line): boolean {
  const trimmed = line.text.trim();
  return trimmed.length <= 80 && !/[。．]$/.test(trimmed) && (namesMeeting(trimmed) || /概要|記録/.test(trimmed));
}
