// A meeting's metadata from its header, fields (日時/場所), datelines and lead sentence.
//
// The lead is the sentence that reports the meeting itself ('2月7日11時30分より約1時間,…
// 日米外相会談を行ったところ'); dates elsewhere in the text (mentions of other events) never
// become the meeting's date. A month-day without a year takes its year only from a full date
// elsewhere in the document for the same day; otherwise the date stays null.

import { COUNTRY_COMPOUND } from '../knowledge/countries';
import type { PeopleIndex } from '../knowledge/people';
import { findMeetingKind, findTitleKind, levelKind, namesMeeting } from '../knowledge/meetingKinds';
import { MeetingKind, MeetingMetadata, Provenance, Section, Span } from '../model/readout';
import { DateMention, addDays, findBareDays, findDates } from './dates';
import { findDurations } from './times';
import { headlineMonthDay } from './compactDates';
import { fieldLine, numberedField } from './lineKinds';
import { PartySources, Sentence, readParties } from './parties';
import { atPlace, findPlace, placeAfterDate, signingLine } from './places';
import { Dateline, DayOfYear, DocumentDates, MeetingDate, Schedule, dateline, datesNamedMeeting, isHeaderDateline, leadDate, meetingTimes, readSchedule, settleDate, timeLine, withinTrip } from './schedule';
import { Line, contentStart, endsSentence, isBlank } from './text';
import { sentencesOf } from './sentences';
import { lengthAfterLead, startAfterLead } from './laterSchedule';

export type { DocumentDates } from './schedule';

export interface Block extends PartySources {
  readonly span: Span;
  /** The source heading that opened the block, if any. */
  readonly header: Section | null;
  /** Lines before the block's first section: title lines, datelines, fields, the lead. */
  readonly leadLines: readonly Line[];
  /** The first paragraph of the block's first section, where transcripts put their lead. */
  readonly firstParagraph: readonly Line[];
  /** The block's first line of prose when it is in neither of those, where a lead under captions stands. */
  readonly firstProse: Line | null;
  /** Texts that can name the meeting's kind, most authoritative first (header, document title). */
  readonly titles: readonly Span[];
  /** The block's last lines of content, where a statement is signed. */
  readonly closingLines: readonly Line[];
  /** Whether the press asks questions in it: a transcript. */
  readonly transcript: boolean;
}

/** How many sentences of a block's lead are read: far more than a lead holds, far fewer than a 1 MB line. */
const LEAD_SENTENCES = 400;
const leadSentenceLists = new WeakMap<Block, readonly Sentence[]>();

/** The sentences of a block's lead lines and first paragraph, read once per block. */
function leadSentencesOf(block: Block): readonly Sentence[] {
  let sentences = leadSentenceLists.get(block);
  if (!sentences) {
    sentences = sentencesOf([...block.leadLines, ...block.firstParagraph], LEAD_SENTENCES);
    leadSentenceLists.set(block, sentences);
  }
  return sentences;
}

// News writes the action apart from the word ('…と会談し、…で一致した', '首脳会談を5月1日にハノイで実施した', '(2プラス2)をワシントンで開催し',
// '防衛相会談などを開催した'; not a meeting held meanwhile in the background, '…を都内で開いていた') or
// ends the sentence on it ('…官邸で約5分間、電話会談。'), or 'does' it ('…と短時間立ち話をした').
const MEETING_ACTION =
  /(会談|会合|会議|表敬|面会|懇談|歓談|立ち話|協議|対話|意見交換|記者会見|会見|サミット|[2２][+＋][2２]」?|[2２]プラス[2２][)）」』]?)(?:など|等)?(?:(?<=と会談)[、，,]|を行|をし(?:た|まし)|を続行|を続け|を実施|を受け|に出席|に参加|に臨(?:ん|み)|し(?:た|まし)|し[、，,]|が行われ|が開催|を開(?:催|い|き)|[、，,]?を[^。、，,]{0,20}?日[^。、，,]{0,20}?(?:行|実施|開催)|を[^。、，,]{1,20}?(?:で|にて|において)(?:開催|開(?:い|き)|行|実施)(?!ていた)|が[^。、，,]{0,20}?(?:開かれ|行われ|開催され)|が[^。]{0,8}日[^。]{0,24}?(?:開かれ|行われ|開催され)|[。．]$)/;
// A signing ceremony is held somewhere too: '外務省で行われた署名式に出席し', '東京において、…署名が行われました'.
const MEETING_WORD = /会談|会合|会議|表敬|面会|懇談|立ち話|協議|対話|意見交換|会見|サミット|[2２][+＋][2２]|[2２]プラス[2２]|署名式|署名が行われ/;

/** A line opening with a numeric date and time, as sites stamp their posts. */
const NUMERIC_STAMP = /^\s*[0-9０-９]{4}[-/.／][0-9０-９]{1,2}[-/.／][0-9０-９]{1,2}[\s/]+[0-9０-９]{1,2}[:：][0-9０-９]{2}/;

const TALKED_WITH = /と[^。「」、,，はが]{0,30}?話し合(?:った|いました|い[、,，]|って)/;

const MEETING_HELD = /(?:会談|会合|会議|協議)は[^。]{0,40}?(?:行われ|開かれ|開催され)/;

const CLOCK_CHARACTER = /[:：時分正]/;

/** How strongly a sentence reads as the report of the meeting itself. */
function leadScore(text: string): number {
  // A site's stamp ('2014/10/20 22:14 投稿 カテゴリー:官房長官会見') reports no meeting.
  // A photo's caption ('…と会談し、発言する河野防衛相=20日午後、防衛省') shows the meeting but does not report it.
  if (NUMERIC_STAMP.test(text) || PHOTO_CREDIT.test(text.trim())) return 0;
  let score = 0;
  if (MEETING_ACTION.test(text)) score += 2;
  if (MEETING_WORD.test(text)) score += 1;
  // The sentence of which the meeting is the subject: '会談は…およそ1時間20分行われました'.
  if (MEETING_HELD.test(text)) score += 1;
  // A release of a visit names no meeting in its lead: '…大臣は、…を訪問したところ、概要は以下のとおりです'.
  if (VISIT_REPORTED.test(text)) score += 3;
  // A news lead may name no meeting word at all: '…外相と都内で約1時間話し合った'.
  if (TALKED_WITH.test(text)) score += 3;
  // Every time and duration holds one of these characters; most sentences hold none. A lead gives
  // its time near its start, so a sentence as long as a page is not read whole for it.
  const opening = text.slice(0, LEAD_CLOCK_WINDOW);
  if (CLOCK_CHARACTER.test(opening) && (meetingTimes(opening).length > 0 || findDurations(opening).length > 0)) score += 2;
  return score;
}

const VISIT_REPORTED = /を訪問(?:した|しました)ところ[、,，]?(?:その)?概要(?:は)?(?:以下|次)の(?:とおり|通り)/;

/** How far into a sentence its time can make it the lead. */
const LEAD_CLOCK_WINDOW = 1000;
const leads = new WeakMap<Block, Sentence | null>();

/** The sentence that reports the meeting, found once per block. */
function findLead(block: Block): Sentence | null {
  if (!leads.has(block)) leads.set(block, readLead(block));
  return leads.get(block) ?? null;
}

function readLead(block: Block): Sentence | null {
  let best: { sentence: Sentence; score: number } | null = null;
  for (const sentence of leadSentencesOf(block)) {
    const score = leadScore(sentence.text);
    if (score >= 3 && (!best || score > best.score)) best = { sentence, score };
  }
  for (const sentence of !best && !block.transcript && block.firstProse ? sentencesOf([block.firstProse]) : []) {
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
    const field = fieldLine(lines[i].text) ?? numberedField(lines[i].text);
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

/**
 * A statement referring to itself ('この共同声明', '本共同宣言'), or a copy that quotes one whole after
 * its lead: '…「…共同声明」が発表された。全文は以下の通り。'
 */
const SELF_NAMED_STATEMENT = /(?:この|本)(?:共同声明|共同宣言|共同コミュニケ|コミュニケ|共同発表)|(?:共同声明|宣言|コミュニケ)[」』]?(?:が|を)[^。]{0,20}(?:発表|採択|発出)[^。]{0,10}。[^。]{0,6}全文は(?:以下|次)の(?:とおり|通り)/;

export function readMeeting(text: string, block: Block, evidence: DocumentDates, people: PeopleIndex): MeetingMetadata {
  const provenance: Provenance[] = [];
  const fields = readFields([...block.leadLines, ...block.firstParagraph.slice(0, 1)]);
  const lead = findLead(block);
  const titleTexts = block.titles.map((span) => ({ start: span.start, text: text.slice(span.start, span.end) }));

  const leadSentences = leadSentencesOf(block);
  const context = [lead, ...leadSentences.slice(0, 3)].map((sentence) => sentence?.text ?? '').join('\n');
  // With no title, a text that names itself 'この共同声明' is that statement, whatever talks its lead reports.
  const selfNamed = titleTexts.length === 0 && SELF_NAMED_STATEMENT.test(text.slice(block.span.start, block.span.end));
  const kind = selfNamed ? '共同声明' : readKind(titleTexts, lead, block.transcript, context, provenance);

  const { date, monthDay, startTime, endTime, startTimeJapan, durationMinutes, blockDateline } = readWhen(block, lead, kind, fields.date, evidence, provenance);

  // Place.
  let place: string | null = null;
  const datedPlace = blockDateline ? placeAfterDate(blockDateline.value, blockDateline.date.end, blockDateline.start) : null;
  const placeField = fields.place ?? datedPlace ?? atPlace([...(blockDateline ? [blockDateline] : []), ...block.leadLines.map((line) => ({ value: line.text, start: line.start }))]);
  // A call or a video conference is held nowhere in particular: '東京で開催予定の…' in it is another event.
  const remote = kind !== null && /電話|テレビ/.test(kind);
  const found = placeField || blankPlaceField(text, block) ? null : placeInLead(block, remote ? null : lead, !remote);
  if (placeField) {
    place = placeField.value;
    provenance.push({ field: 'place', span: { start: placeField.start, end: placeField.start + place.length } });
  } else if (found) {
    place = found.place;
    provenance.push({ field: 'place', span: { start: found.start, end: found.start + found.place.length } });
  }

  // A statement gives its place where it is signed: '東京，１９９３年１０月１３日', '…九月二十九日に北京で'.
  const signed = kind === '共同声明' && place === null ? signingLine(block.closingLines) : null;
  if (signed?.place) {
    place = signed.place.value;
    provenance.push({ field: 'place', span: { start: signed.place.start, end: signed.place.start + place.length } });
  }

  const { participants, countries } = readParties(text, block, { kind, lead, leadSentences, titles: titleTexts, date, leadParties: lead ? meetingName(lead.text) : null, people });

  return { kind, date, monthDay, startTime, endTime, startTimeJapan, durationMinutes, place, countries, participants, provenance };
}

/** An archive's '[場所]' left empty (furniture, so in no lead line): the record does not know, and the places in its prose are other events'. */
function blankPlaceField(text: string, block: Block): boolean {
  const last = block.leadLines[block.leadLines.length - 1];
  return last !== undefined && /^[ \t\u3000]*[[［]場所[\]］][ \t\u3000]*$/m.test(text.slice(block.span.start, last.end));
}

/** Sentences before the block's first section that name a meeting, where a report dates and places it. */
function meetingSentences(block: Block): Sentence[] {
  return leadSentencesOf(block).filter((sentence) => MEETING_WORD.test(sentence.text) && !NUMERIC_STAMP.test(sentence.text));
}

/** The place the lead names, else the first a sentence (not a headline) naming the meeting gives, outside transcripts. */
function placeInLead(block: Block, lead: Sentence | null, others: boolean): { place: string; start: number } | null {
  const reports = others && !block.transcript ? meetingSentences(block).filter((sentence) => /[。．]\s*$/.test(sentence.text) && !/予定|次回|今後/.test(sentence.text)) : [];
  for (const sentence of [...(lead ? [lead] : []), ...reports]) {
    const found = findPlace(sentence.text);
    if (found) return { place: found.place, start: sentence.start + found.offset };
  }
  return null;
}

/** A page that opens with the day's date ('平成30年1月18日、安倍総理は…') gives the meeting's. */
function openingDate(leadLines: readonly Line[]): { date: DateMention; start: number } | null {
  for (const sentence of sentencesOf(leadLines.slice(0, 3), LEAD_SENTENCES)) {
    const date = findDates(sentence.text.slice(0, 30)).find((mention) => mention.year !== null && mention.month !== null);
    if (date) return { date, start: sentence.start };
  }
  return null;
}

/** A day that starts a span: 'から5日' after '11月3日', 'から5月6日' after '4月29日'. */
const TRIP_SPAN = /^から(?:[0-9０-９〇一二三四五六七八九十]{1,3}月)?[0-9０-９〇一二三四五六七八九十]{1,3}日/;

interface When extends MeetingDate, Schedule {
  readonly blockDateline: Dateline | null;
}

/** The meeting's date, times and length: from its 日時 field, its header, its lead or its dateline, in that order. */
function readWhen(block: Block, lead: Sentence | null, kind: MeetingKind | null, field: Field | null, evidence: DocumentDates, provenance: Provenance[]): When {
  const blockDateline = dateline([...block.leadLines, ...block.firstParagraph]);
  const headerDateline = isHeaderDateline(blockDateline) ? blockDateline : null;
  const reference = blockDateline ? (blockDateline.date as DayOfYear) : evidence.page ?? null;
  let when: MeetingDate = { date: null, monthDay: null };
  const settle = (mention: DateMention | null | undefined, start: number) => {
    const settled = mention && when.monthDay === null ? settleDate(mention, reference, evidence) : null;
    if (!settled || !mention) return;
    when = settled;
    provenance.push({ field: 'date', span: { start: start + mention.start, end: start + mention.end } });
  };
  // A press conference's header (its date with a time or a place) is the meeting's own; a
  // summary's lead can only be outranked by a 日時 field.
  if (field) settle(findDates(field.value)[0] ?? findBareDays(field.value)[0], field.start);
  else if (headerDateline) settle(headerDateline.date, headerDateline.start);
  // A statement is dated the day it is issued, whatever days of talks its first paragraph recalls.
  else if (kind === '共同声明' && blockDateline) settle(blockDateline.date, blockDateline.start);
  // A lead's date that opens a trip ('11月3日から5日に訪問し') gives way to the day a later sentence holds the meeting on.
  const action = lead ? actionClause(lead.text) : null;
  const leadMention = lead ? leadDate(lead.text, action ? action.start + action.text.length : -1) : null;
  const tripStart = leadMention !== null && TRIP_SPAN.test(lead!.text.slice(leadMention.end, leadMention.end + 8));
  // A conference's remarks name other days ('今週25日木曜日、…次官が来訪'): its date line dates it.
  const datedByLine = blockDateline !== null && (kind === '共同声明' || kind === '記者会見');
  if (!field && !headerDateline && !datedByLine && lead && !tripStart) settle(leadMention, lead.start);
  // A lead with no day of its own follows the sentence that gives it: '…首相は30日、…と合流した。両首脳は…懇談し'.
  const opener = lead && leadMention === null ? leadSentencesOf(block).find((sentence) => sentence.start + sentence.text.length === lead.start) : undefined;
  if (!field && !headerDateline && !datedByLine && opener) settle(leadDate(opener.text), opener.start);
  // A news report may date the meeting in a later sentence: '会談は9月11日にベトナム国防省で開かれた'.
  // When the lead writes a day of its own, only a sentence of which the meeting is the subject may date it: others tell of other events.
  const dating = (sentence: Sentence) => sentence !== lead && (leadMention === null || tripStart || MEETING_HELD.test(sentence.text));
  for (const sentence of block.transcript ? [] : meetingSentences(block)) {
    const mention = dating(sentence) ? leadDate(sentence.text) : null;
    if (mention && (MEETING_HELD.test(sentence.text) || !datesNamedMeeting(sentence.text, mention))) settle(mention, sentence.start);
  }
  // A page dated during the trip the lead opens, with no day of the meeting's own, is dated that day.
  const duringTrip = tripStart && blockDateline !== null && withinTrip(lead!.text, leadMention!, blockDateline.date as DayOfYear);
  if (tripStart) settle(duringTrip ? blockDateline.date : leadMention, duringTrip ? blockDateline.start : lead!.start);
  if (blockDateline) settle(blockDateline.date, blockDateline.start);
  const opening = when.monthDay === null ? openingDate(block.leadLines) : null;
  if (opening) settle(opening.date, opening.start);
  // A statement is dated by its signing line when no dateline dates it, not by the talks its lead recalls.
  const headline = when.monthDay === null ? block.leadLines.slice(0, 2).find((line) => headlineMonthDay(line.text.trim()) !== null) : undefined;
  if (headline) settle(headlineMonthDay(headline.text.trim()), contentStart(headline));
  const signed = kind === '共同声明' && (when.date === null || !blockDateline) ? signingLine(block.closingLines) : null;
  if (signed) {
    when = { date: null, monthDay: null };
    settle(signed.date, signed.start);
  }

  // Times and duration: from the 日時 field or a header when there is one, else from the lead.
  const leadHasTimes = lead !== null && (meetingTimes(lead.text).length > 0 || findDurations(lead.text).length > 0);
  const timedDateline = blockDateline?.header ? blockDateline : null;
  // A date field with no time ('[年月日] 2006年6月29日') leaves the times to the lead.
  const timedField = field && (meetingTimes(field.value).length > 0 || !leadHasTimes) ? field : null;
  const schedule = timedField ?? headerDateline ?? (leadHasTimes ? { value: lead.text, start: lead.start } : timeLine(block.leadLines) ?? timedDateline);
  const times = readSchedule(schedule, provenance);
  // A news copy may tell the start or the length paragraphs later, with the meeting as the subject.
  const later = lead && !block.transcript ? leadSentencesOf(block) : [];
  const length = times.durationMinutes === null && lead && later.length > 0 ? lengthAfterLead(later, lead) : null;
  if (length) {
    times.durationMinutes = length.value;
    provenance.push({ field: 'durationMinutes', span: length.span });
  }
  const start = times.startTime === null && lead && later.length > 0 ? startAfterLead(later, lead) : null;
  if (start) {
    times.startTime = start.value;
    provenance.push({ field: 'startTime', span: start.span });
  }
  // '26時09分' on the page's date is 02:09 on the day after.
  if (times.nextDay && when.date !== null) {
    const date = addDays(when.date, 1);
    when = { date, monthDay: date.slice(5) };
  }
  return { ...when, ...times, blockDateline };
}

/**
 * A transcript's headline that ends in the conference ('【全文】日韓首脳会談「…」 林長官会見(3/17午前)'):
 * the last words say what the page is, the words before what was asked about.
 */
function headlineTailKind(title: string, transcript: boolean): ReturnType<typeof findTitleKind> {
  if (!transcript) return null;
  const tail = /[ \t\u3000]([^ \t\u3000]{2,30})$/.exec(title.trim());
  const found = tail ? findTitleKind(tail[1]) : null;
  return found && found.kind === '記者会見' ? { ...found, start: found.start + tail!.index + 1, end: found.end + tail!.index + 1 } : null;
}

/** A lead that reports a meeting just held, with its length: '先ほど…約35分間…電話会談を行いました'. */
const REPORTED_MEETING = /(を行いました|を行った|を実施しました|を行ってきました)/;

/**
 * Kind: the header and titles first, then the lead. A transcript with no kind in its titles is a
 * press conference, unless its opening remarks report a meeting just held (a briefing on a call).
 */
function readKind(titles: readonly Sentence[], lead: Sentence | null, transcript: boolean, context: string, provenance: Provenance[]): MeetingKind | null {
  const candidates: { source: Sentence; found: ReturnType<typeof findMeetingKind> }[] = [
    ...titles.map((title) => ({ source: title, found: title.text.length <= 200 ? headlineTailKind(title.text, transcript) ?? findTitleKind(title.text) : findMeetingKind(title.text) })),
  ];
  // The meeting the lead's action reports, not one it mentions ('…と会談し、G20首脳会合の際の…').
  const clause = lead ? actionClause(lead.text) : null;
  const clauseKind = clause ? findMeetingKind(clause.text) : null;
  const leadKind = clause && clauseKind ? { ...clauseKind, start: clause.start + clauseKind.start, end: clause.start + clauseKind.end } : lead ? findMeetingKind(withoutPurpose(lead.text)) : null;
  const briefing = lead !== null && REPORTED_MEETING.test(lead.text) && findDurations(lead.text).length > 0;
  if (lead && (!transcript || briefing)) candidates.push({ source: lead, found: leadKind });
  for (const { source, found } of candidates) {
    if (!found) continue;
    provenance.push({ field: 'kind', span: { start: source.start + found.start, end: source.start + found.end } });
    // A headline or sentence without a level ('日越電話会談') gives a bare 会談; the opening sentences say whose ('菅総理大臣は…').
    const kind = found.kind === '会談' ? (levelKind(source.text.slice(found.start, found.end), context) ?? found.kind) : found.kind;
    // A title '日・ブラジル外相会談' over a lead '…と電話会談を行ったところ': the lead tells the medium.
    const medium = lead && leadKind && source !== lead && /^(首脳|外相|防衛相)会談$/.test(kind) ? /(電話|テレビ|ビデオ|オンライン)/.exec(lead.text.slice(leadKind.start, leadKind.end)) : null;
    return medium ? (kind.replace(/会談$/, medium[1] === '電話' ? '電話会談' : 'テレビ会談') as MeetingKind) : kind;
  }
  return transcript ? '記者会見' : null;
}

/** The event a visitor came for ('日米豪印首脳会合出席のために訪日中の…') names no meeting of the page: blanked, offsets kept. */
const PURPOSE_CLAUSE = /[^、,，。]{1,40}?(?:に出席する(?:ため|際)|出席のため|に参加するため|参加のため|出席中)[にの]?/g;

function withoutPurpose(sentence: string): string {
  return sentence.replace(PURPOSE_CLAUSE, (clause) => ' '.repeat(clause.length));
}

/**
 * The clause that ends in the sentence's last action ('東京において日中外相会談を行った'), not an
 * earlier mention ('日中韓外相会議に出席するため訪日中の'); null when it reports no action.
 */
function actionClause(sentence: string): { start: number; text: string } | null {
  const actions = [...sentence.matchAll(new RegExp(MEETING_ACTION, 'g'))];
  const action = actions[actions.length - 1];
  if (!action) return null;
  const end = action.index! + action[1].length;
  const start = Math.max(sentence.lastIndexOf('、', end), sentence.lastIndexOf(',', end)) + 1;
  return { start, text: sentence.slice(start, end) };
}

/** The meeting's name in a sentence with its country compound: '…日米外相電話会談を行いました' → '日米外相電話会談'. */
function meetingName(sentence: string): string | null {
  const clause = actionClause(sentence)?.text ?? sentence;
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

/**
 * A photo's caption names the meeting too ('…握手する両首脳 日豪首脳会談(写真提供:内閣広報室)', a news
 * caption ending in its credit '…=外務省提供', '…＝10日、ビアレッジョ(共同)'), but is no title.
 */
const PHOTO_CREDIT = /(?:握手する|に臨む)[^。]{0,30}$|様子$|写真提供|[(（]写真[)）]|[=＝][^=＝]{0,40}(?:提供|撮影|[(（](?:共同|時事|ロイター|AP|AFP|EPA|代表撮影)[^()（）]{0,10}[)）])$|[=＝][ \t\u3000]*[0-9０-９]{1,2}日[^=＝。]{0,30}$/;

/** Whether a line can be a document or meeting title. */
export function isTitleLine(line: Line): boolean {
  const trimmed = line.text.trim();
  // A blog's question heading ('日中韓首脳会談とは?') explains a word; it names no page.
  // Nor is a sentence an excerpt cut after a particle ('首相は23~25日に中国を訪問し、日中韓首脳会談や').
  return trimmed.length <= 80 && !endsSentence(trimmed) && !/[?？]$|[、，,][^、，,]*[やとをがにでは]$/.test(trimmed) && !PHOTO_CREDIT.test(trimmed) && (namesMeeting(trimmed) || /概要|記録|要旨/.test(trimmed));
}
