// A meeting's parties: the participants named with an office in its header, titles, lead, speaker
// blocks and a statement's signatures, and the countries they and the meeting's name stand for.

import { COUNTRY_FULL_NAMES, countryCode, findCountryWords, isFullCountryName, partyCountries } from '../knowledge/countries';
import { OFFICE_TITLES, officeOf } from '../knowledge/offices';
import type { PeopleIndex } from '../knowledge/people';
import { Participant, Span } from '../model/readout';
import { NamedOffice, findNamedOffices, namesAfterOffice, sameName } from './participants';
import { notSpeakerTag } from './speechLabels';
import { speaksAfter } from './subjects';
import { HostCandidate, conferenceOffice, hasKnownHolders, holderOfDay, hostFullName, japaneseHolder, namedHost, officeHolder } from './pressHost';
import { remarksParties } from './remarksParties';
import { metInList, sentencesOutsideQuotes, visitParties } from './visitAccounts';
import { HOLDS_SENTENCE_END, HOLDS_SPACE, Line, codeSet, endsSentence } from './text';

/** A sentence (or any piece of text) and where it starts in the document. */
export interface Sentence {
  readonly start: number;
  readonly text: string;
}

export interface PartySources {
  /** Where the block stands in the document. */
  readonly span: Span;
  /** Statement signatures ('内閣総理大臣　田中角栄'). */
  readonly signatures: readonly Signature[];
  /** Speaker blocks and named transcript tags, whose labels name participants. */
  readonly speakerLabels: readonly Span[];
}

/** After a name (and its Latin bracket): a visit or office that the person only stands behind, or a delegation that follows them ('…大統領(H.E. …)に同行している…外務大臣'). */
const ABSENT = /^(?:の.{0,6}(訪問|訪日|同行|随行|就任|名代|代理)|(?:[(（][^()（）]{0,120}[)）])?に(?:同行|随行))/;
/**
 * A sentence listing who attended ('日本側からは林芳正外務大臣…が出席しました', '…大統領が議長を務めました'); those who only sat in
 * ('…が同席した') are not the meeting's principals, nor is who will attend another meeting ('李強首相が出席する首脳会議').
 */
const ATTENDING = /出席(?!する|予定)|参加(?!する|予定)|議長を務め|司会を務め|(?:を|へ)訪問しました。?[\s\u3000]*$/;
const SITTING_IN = /同席|陪席/;
/** A name written in katakana, with Latin initials or '=' ('リチャード・M・ニクソン', 'ジャン=イヴ・ル・ドリアン'). */
const FOREIGN_NAME = /^[ァ-ヴー・=＝][ァ-ヴー・=＝A-ZＡ-Ｚ.．]*$/;

/** A delegate's office the knowledge file need not hold, as a statement lists its delegations: '農林大臣', 'ソヴィエト連邦大臣会議議長'. */
const DELEGATE_OFFICE_ENDS = ['大臣', '議長', '議員', '次官', '会員', '長官'];
const DELEGATE_OFFICE = `[一-龥ァ-ヴー・]{2,16}?(?:${DELEGATE_OFFICE_ENDS.join('|')})`;

/** A signature: the office, then the name, on one line or two ('内閣総理大臣　田中角栄', '外交部長\n姫鵬飛'). */
const signaturePattern = (offices: string) =>
  new RegExp(
    `^[ \\t\\u3000]*(?:(${COUNTRY_FULL_NAMES})(?:国)?(?:政府)?)?(${offices})[\\s\\u3000]+([一-龥々]{1,4}[ \\t\\u3000]?[一-龥々]{1,4}|[ァ-ヴA-ZＡ-Ｚ][ァ-ヴー・=＝A-ZＡ-Ｚ.．−‐-]{1,30})[ \\t\\u3000]*$`,
  );
const SIGNATURE = signaturePattern(OFFICE_TITLES);
/** Under a side's heading ('日本国側からは,'), any delegate's office. */
const DELEGATE_SIGNATURE = signaturePattern(`${OFFICE_TITLES}|${DELEGATE_OFFICE}`);

/** Where a statement is signed: a signature on one line, or an office above the name. */
export function signatureSpans(lines: readonly Line[], text: string): Signature[] {
  const spans: Signature[] = [];
  // '・日本側', '中華人民共和国政府' above the signatures tell whose they are.
  let side: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i].text.length <= 40 ? SIDE_HEADER.exec(lines[i].text) : null;
    if (header) side = JAPAN_SIDE.test(header[1]) ? 'JP' : countryCode(header[1]);
    const delegate = side !== null;
    const start = lines[i].start;
    if (signatory(lines[i].text, delegate)) spans.push({ start, end: lines[i].end, country: side, delegate });
    // An office over its name: the two lines read as one, only when the pair is short enough to be a signature.
    else if (i + 1 < lines.length && officeAlone(lines[i].text) && lines[i + 1].end - start <= SIGNATURE_LENGTH && signatory(text.slice(start, lines[i + 1].end), delegate)) {
      spans.push({ start, end: lines[i + 1].end, country: side, delegate });
      i++;
    }
  }
  return spans;
}

/** The last character of every office a signature can hold ('臣', '官', '長'). */
const OFFICE_FINAL = codeSet([...OFFICE_TITLES.split('|'), ...DELEGATE_OFFICE_ENDS].map((title) => title.charAt(title.length - 1)));
/** A short line ending in an office: perhaps the first of a signature written on two lines. */
function officeAlone(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 30 && OFFICE_FINAL.has(trimmed.charCodeAt(trimmed.length - 1));
}

export interface Signature extends Span {
  /** The country of the side the signature stands under, when a heading tells it. */
  readonly country: string | null;
  /** Whether it stands under a side's heading, where a delegate's office need not be a known one. */
  readonly delegate: boolean;
}

const SIDE_HEADER = new RegExp(`^[•・\\s\\u3000]*(${COUNTRY_FULL_NAMES}|日本|我が国)(?:国)?(?:側|政府|代表団?)?(?:のために|からは[,，、]?)?[\\s\\u3000]*$`);

/** How long a signature can be. */
const SIGNATURE_LENGTH = 60;
const JAPAN_SIDE = /^(日本|我が国)$/;

export function signatory(line: string, delegate = false): { name: string; title: string; country: string | null; nameStart: number; nameEnd: number } | null {
  // Most lines are longer, or hold no space between an office and a name.
  if (line.length > SIGNATURE_LENGTH || !HOLDS_SPACE.test(line.trim())) return null;
  const match = (delegate ? DELEGATE_SIGNATURE : SIGNATURE).exec(line);
  if (!match) return null;
  const written = match[3];
  const nameStart = match.index + match[0].indexOf(written, (match[1]?.length ?? 0) + match[2].length);
  const country = match[1] ? countryCode(match[1]) : officeOf(match[2])?.country ?? null;
  return { name: written.replace(/[\s\u3000]/g, ''), title: match[2], country, nameStart, nameEnd: nameStart + written.length };
}

/** The brackets of a sentence that list who sat in ('（先方：…，当方：…同席）'). */
function sittingInRanges(sentence: string): Span[] {
  if (!SITTING_IN.test(sentence)) return [];
  return [...sentence.matchAll(/[(（][^()（）]{0,200}[)）]/g)]
    .filter((match) => SITTING_IN.test(match[0]))
    .map((match) => ({ start: match.index!, end: match.index! + match[0].length }));
}

export function readParties(
  text: string,
  block: PartySources,
  context: { kind: string | null; lead: Sentence | null; leadSentences: readonly Sentence[]; titles: readonly Sentence[]; date: string | null; leadParties: string | null; people: PeopleIndex },
): { participants: Participant[]; countries: string[] } {
  const { lead, leadSentences, titles, date, leadParties, people } = context;
  let participants: Participant[] = [];
  const titleSource = titles[0];
  const attendance = leadSentences.filter((sentence) => sentence.start !== lead?.start && ATTENDING.test(sentence.text) && !SITTING_IN.test(sentence.text));
  // With no lead (a joint statement), the first sentence of prose names the parties.
  const opening = lead ? null : leadSentences.find((sentence) => endsSentence(sentence.text.trim())) ?? null;
  const sources = [
    ...(lead ? [lead] : []),
    ...photoCaptions(text, block.span),
    ...(opening ? [opening] : []),
    ...attendance,
    ...titles,
    ...block.speakerLabels.map((span) => ({ start: span.start, text: text.slice(span.start, span.end) })).filter((label) => !notSpeakerTag(label.text)),
  ];
  // A country told by the visit's step ('チュニジアでは、…') outweighs one guessed from the name or office.
  const add = (named: { name: string; title: string | null; country: string | null }, span: Span, visited = false) => {
    const existing = participants.findIndex((participant) => sameName(participant.name, named.name, people));
    if (existing < 0) return void participants.push({ name: named.name, title: named.title, country: named.country, span });
    const known = participants[existing];
    participants[existing] = {
      name: named.name.length > known.name.length ? named.name : known.name,
      title: known.title ?? named.title,
      country: visited && named.country ? named.country : known.country ?? named.country,
      span: known.span.start <= span.start ? known.span : span,
    };
  };
  const readSources = (list: readonly Sentence[]) => {
    for (const source of list) {
      const sittingIn = sittingInRanges(source.text);
      for (const named of [...findNamedOffices(source.text, people, date), ...namesAfterOffice(source.text)]) {
        // '（日本側：上野官房副長官…同席）' inside the lead names who sat in, not the principals.
        if (sittingIn.some((range) => range.start <= named.start && named.end <= range.end)) continue;
        // 'プーチン大統領の公式訪問に同行して' names someone who is not at the table.
        if (source !== titleSource && ABSENT.test(source.text.slice(named.end))) continue;
        add(named, { start: source.start + named.nameStart, end: source.start + named.nameStart + named.name.length });
      }
    }
  };
  readSources(sources);
  for (const line of attendanceList(text, block.span)) {
    for (const named of findNamedOffices(line.text, people, date)) {
      // 'インドネシア：ジョコ・ウィドド大統領': the country the list writes before the colon.
      const listed = /([^\s\u3000:：、,，\-－]+)[:：]$/.exec(line.text.slice(0, named.start));
      const country = named.country ?? (listed ? countryCode(listed[1]) : null);
      add({ ...named, country }, { start: line.start + named.nameStart, end: line.start + named.nameStart + named.name.length });
    }
  }
  for (const signature of block.signatures) {
    const signed = signatory(text.slice(signature.start, signature.end), signature.delegate);
    if (signed) add({ ...signed, country: signed.country ?? signature.country }, { start: signature.start + signed.nameStart, end: signature.start + signed.nameEnd });
  }
  // A lead that names no one (the times: '協議は10時50分から…行われ') leaves the first sentence of the lead paragraph that does.
  if (participants.length === 0 && context.kind !== '記者会見') readSources(leadSentences.filter((sentence) => findNamedOffices(sentence.text, people, date).length > 0).slice(0, 1));
  // A statement whose lead lines name fewer than both sides names them in its first sentences of prose.
  if (context.kind === '共同声明' && participants.length < 2) readSources(openingSentences(text, block.span, date, people));
  // A summary whose lead names no counterpart names them as the speakers of its first sentences.
  // A kanji name of no known country ('菅首相' with no date) is no counterpart.
  if (context.kind !== '共同声明' && context.kind !== '記者会見' && !participants.some((p) => (p.country ? p.country !== 'JP' : !/^[一-龥々]+$/.test(p.name)))) {
    for (const { named, start } of openingSpeakers(text, block.span, date, people)) add(named, { start, end: start + named.name.length });
  }
  // An account of a visit names those met in turn ('まず…を表敬。次に…と会談を行いました。') and its writer ('防衛大臣として、…').
  if (context.kind !== '共同声明' && context.kind !== '記者会見') for (const party of visitParties(proseSentences(text, block.span, VISIT_SENTENCES), date, participants, people)) add(party, party.span, party.visited);
  if (context.kind === '共同記者発表') for (const { named, start } of remarksParties(text, block.span, date, people)) add(named, { start, end: start + named.name.length });
  if (date) for (const minister of twoPlusTwoMinisters(titles, date, participants, people)) add(minister, minister.span);
  participants.sort((a, b) => a.span.start - b.span.start);
  // A page of no known kind whose lead reports an official's press conference ('松野官房長官は閣議のあとの記者会見で') is one.
  const reportsConference = context.kind === null && leadSentences.slice(0, 3).some((sentence) => REPORTED_CONFERENCE.test(sentence.text));
  if (context.kind === '記者会見' || reportsConference) participants = pressParticipants(text, block, context, participants);

  return { participants, countries: partiesCountries(participants, meetingNames(text, block.span, titles, context.kind, leadParties)) };
}

/** The texts that name the meeting with its countries: titles, a statement's heading lines, the page's country label and the lead's meeting name. */
function meetingNames(text: string, span: Span, titles: readonly Sentence[], kind: string | null, leadParties: string | null): string[] {
  // A statement's heading lines name it with its countries ('佐藤総理大臣訪米の際の日米共同声明（訳）').
  const statementNames = kind === '共同声明' ? linesOf(text, span, STATEMENT_NAME_LINES).filter((line) => line.text.length <= 60 && STATEMENT_NAME.test(line.text)) : [];
  // A MOFA page's country label on its first line ('チリ共和国') names the counterpart's country when nothing else does.
  const countryLabel = linesOf(text, span, 2).filter((line) => isFullCountryName(line.text.trim()));
  return [...titles, ...statementNames, ...countryLabel].map((source) => source.text).concat(leadParties ? [leadParties] : []);
}

/** A title naming a '2+2' of Japan's foreign and defence ministers with a counterpart's: '日米安全保障協議委員会', '日豪外務・防衛閣僚協議'. */
const TWO_PLUS_TWO = /安全保障協議委員会|外務・防衛閣僚協議|[「｢]?2[+＋]2[」｣]?|2プラス2/;

/** A photo caption that shows the principals at the table: '…と握手する辻政務官', '首脳会談に臨む安倍首相とトランプ米大統領=…'. */
const PRINCIPALS_CAPTION = /握手(?:する|を交わす)|に臨む|と会談する/;
/** How many lines of a block's top its captions stand in. */
const CAPTION_LINES = 15;

function photoCaptions(text: string, span: Span): Sentence[] {
  return linesOf(text, span, CAPTION_LINES).filter((line) => line.text.length <= 120 && !HOLDS_SENTENCE_END.test(line.text) && PRINCIPALS_CAPTION.test(line.text));
}

/**
 * Japan's ministers at a '2+2' the page does not name ('…日本の外務大臣、そして防衛大臣を…お迎えできた'):
 * the holders of both offices on the day, named at the title, unless a participant already holds the office.
 */
function twoPlusTwoMinisters(titles: readonly Sentence[], date: string, participants: readonly Participant[], people: PeopleIndex): (Participant & { span: Span })[] {
  const title = titles.find((source) => TWO_PLUS_TWO.test(source.text));
  if (!title) return [];
  const found = TWO_PLUS_TWO.exec(title.text)!;
  const span = { start: title.start + found.index, end: title.start + found.index + found[0].length };
  const ministers: (Participant & { span: Span })[] = [];
  for (const office of ['外務大臣', '防衛大臣']) {
    const name = japaneseHolder(office, date, people);
    if (!name || participants.some((participant) => sameName(participant.name, name, people))) continue;
    ministers.push({ name, title: office, country: 'JP', span });
  }
  return ministers;
}

const REPORTED_CONFERENCE = /(?:官房長官|外務大臣|防衛大臣|外相|防衛相|報道官)は[^。]{0,20}記者会見で/;
const STATEMENT_NAME = /共同声明|共同コミュニケ|共同宣言|共同発表/;
/** How many of a statement's first lines can name it. */
const STATEMENT_NAME_LINES = 8;

/** Countries whose people are written in kanji: a kanji name there can be theirs as well as Japan's. */
const KANJI_COUNTRIES = new Set(['CN', 'TW', 'KR', 'KP', 'HK', 'MO']);

/**
 * The meeting's countries: compounds (日米, 日露, 日米韓) in the titles and the lead's meeting name,
 * and the participants'. A participant whose office does not tell the country gets it from the
 * meeting: a foreign name (ラヴロフ外務大臣) the one counterpart's, a kanji name (椎名外務大臣) Japan's
 * when no counterpart writes names in kanji. `participants` is updated in place.
 */
function partiesCountries(participants: Participant[], meetingNames: readonly string[]): string[] {
  const countries: string[] = [];
  // The lead can mention other meetings ('日中韓外相会議に出席するため訪日中の'): only the
  // compound that names this meeting counts there.
  for (const text of meetingNames) {
    for (const code of partyCountries(text)) if (!countries.includes(code)) countries.push(code);
  }
  const named = participants.flatMap((participant) => (participant.country && participant.country !== 'JP' ? [participant.country] : []));
  const counterparts = [...new Set([...countries.filter((code) => code !== 'JP'), ...named])];
  // With no party compound, the one foreign country the titles name in full ('…ウズベキスタン共和国独立記念日…と懇談') is the counterpart's.
  if (counterparts.length === 0) counterparts.push(...onlyForeignCountry(meetingNames));
  for (let i = 0; i < participants.length; i++) {
    const participant = participants[i];
    if (!participant.country && FOREIGN_NAME.test(participant.name) && counterparts.length === 1) {
      participants[i] = { ...participant, country: counterparts[0] };
    } else if (!participant.country && /^[一-龥々]+$/.test(participant.name) && counterparts.length > 0 && !counterparts.some((code) => KANJI_COUNTRIES.has(code))) {
      participants[i] = { ...participant, country: 'JP' };
    }
    const country = participants[i].country;
    if (country && !countries.includes(country)) countries.push(country);
  }
  countries.sort((a, b) => (a === 'JP' ? -1 : b === 'JP' ? 1 : 0));
  return countries;
}

/** The one country other than Japan that the texts name in full, if there is exactly one. */
function onlyForeignCountry(texts: readonly string[]): string[] {
  const codes = new Set<string>();
  for (const text of texts) {
    for (const word of findCountryWords(text)) {
      const code = countryCode(text.slice(word.start, word.end));
      if (code && code !== 'JP') codes.add(code);
    }
  }
  return codes.size === 1 ? [...codes] : [];
}

/** A press conference's participants: its host alone, as the page names them, or no one. */
function pressParticipants(text: string, block: PartySources, context: { leadSentences: readonly Sentence[]; titles: readonly Sentence[]; date: string | null; people: PeopleIndex }, found: readonly Participant[]): Participant[] {
  const { leadSentences, titles, date, people } = context;
  const tags = block.speakerLabels.map((span) => ({ start: span.start, text: text.slice(span.start, span.end) })).filter((tag) => !notSpeakerTag(tag.text));
  // A counterpart who speaks in turn makes it a joint press event: everyone named stays.
  if (found.some((participant) => participant.country !== 'JP' && tags.some((tag) => tag.start <= participant.span.start && participant.span.start < tag.start + tag.text.length))) return [...found];
  const sources = [...titles, ...leadSentences];
  let host: HostCandidate | null = namedHost(sources, tags, date, people);
  const office = host ? null : conferenceOffice(sources);
  if (!host && office && date) host = officeHolder(spanLines(text, block.span), office.office, date, people) ?? holderOfDay(office, date, people);
  // A spokesperson's conference ('外務報道官会見記録', tags '【外務報道官】') that never names them: the office stands for its holder.
  if (!host && office && !hasKnownHolders(office.office)) return [{ name: office.office, title: office.office, country: 'JP', span: { start: office.source.start + office.at, end: office.source.start + office.at + office.office.length } }];
  if (!host) return [];
  const { named, sourceStart } = host;
  const known = found.find((participant) => sameName(participant.name, named.name, people));
  const name = hostFullName(known?.name ?? named.name, known?.title ?? named.title, date, people);
  if (known) return [{ ...known, name, country: known.country ?? 'JP' }];
  const start = sourceStart + named.nameStart;
  return [{ name, title: named.title, country: 'JP', span: { start, end: start + named.name.length } }];
}

/** The lines of a span that hold more than spaces, each with where it starts, as they are needed. */
function* spanLines(text: string, span: Span): Generator<Sentence> {
  const line = /[^\r\n]+/g;
  line.lastIndex = span.start;
  for (let found = line.exec(text); found !== null && found.index < span.end; found = line.exec(text)) {
    const written = found.index + found[0].length > span.end ? found[0].slice(0, span.end - found.index) : found[0];
    if (written.trim() !== '') yield { start: found.index, text: written };
  }
}

/** The first `limit` lines of a span that hold more than spaces (all of them by default). */
function linesOf(text: string, span: Span, limit = Infinity): Sentence[] {
  const lines: Sentence[] = [];
  for (const line of spanLines(text, span)) {
    if (lines.length >= limit) break;
    lines.push(line);
  }
  return lines;
}

/** A list of who attended under its own heading: '1 出席者' over '- 日本：岸田内閣総理大臣', 'インドネシア：…大統領、…'. */
const ATTENDANCE_HEADING = /^[\s\u3000]*(?:[0-9０-９]{1,2}[.．、]?|[(（][0-9０-９]{1,2}[)）])?[\s\u3000]*(?:出席者|参加者)[\s\u3000]*$/;
const NEXT_HEADING = /^[\s\u3000]*(?:[0-9０-９]{1,2}[.．、]?[\s\u3000]|[(（][0-9０-９]{1,2}[)）])/;
/** How far into a block the attendance list is looked for, and how long it can be. */
const ATTENDANCE_SEARCH = 40;
const ATTENDANCE_LINES = 20;

/** The lines of a block's attendance list, if it has one near its top. */
function attendanceList(text: string, span: Span): Sentence[] {
  // Most blocks have no such heading: one search of the block tells, before its lines are made.
  if (!/出席者|参加者/.test(text.slice(span.start, span.end))) return [];
  const lines = linesOf(text, span, ATTENDANCE_SEARCH);
  const heading = lines.findIndex((line) => ATTENDANCE_HEADING.test(line.text));
  if (heading < 0) return [];
  const list: Sentence[] = [];
  for (const line of lines.slice(heading + 1, heading + 1 + ATTENDANCE_LINES)) {
    if (NEXT_HEADING.test(line.text)) break;
    list.push(line);
  }
  return list;
}

/** How many sentences of prose a statement's parties are looked for in, and how many of them may name them. */
const OPENING_SENTENCES = 6;
const OPENING_NAMING = 3;

/** The people with an office who speak in a summary's first sentences of prose ('これに対しパウエル長官は…旨述べた'), and where their names start. */
function openingSpeakers(text: string, span: Span, date: string | null, people: PeopleIndex): { named: NamedOffice; start: number }[] {
  const speakers: { named: NamedOffice; start: number }[] = [];
  for (const sentence of proseSentences(text, span, OPENING_SPEAKER_SENTENCES)) {
    const nameds = findNamedOffices(sentence.text, people, date);
    // So does the one a news copy says the meeting was with ('安倍晋三首相とムハンマド皇太子の会談では', '…大統領と会談し'),
    // and each one listed before them ('中国の王毅外相、韓国の趙兌烈外相と…意見を交わし').
    const met = metInList(sentence.text, nameds, MET_AFTER);
    for (const named of nameds) {
      // A label at the head of a line before a space speaks too: '安倍晋三首相 日米同盟の絆は…'.
      const labelled = /^[\s\u3000]*$/.test(sentence.text.slice(0, named.start)) && /^[ \u3000]/.test(sentence.text.slice(named.end));
      if (labelled || met.includes(named) || speaksAfter(sentence.text.slice(named.end))) speakers.push({ named, start: sentence.start + named.nameStart });
    }
  }
  return speakers;
}

/** How far a summary's opening runs; a tour's account tells a step per country visited, so runs further. */
const OPENING_SPEAKER_SENTENCES = 8;
const VISIT_SENTENCES = 16;

// A vice-minister's talks are written '…との間で意見交換を行いました', '…とも意見交換を行い'.
// '…と個別に会談', '…と意見を交わし', '…と前日に続いて会談を続行', '…と都内で話し合った' (a news copy's words for the talks).
const MET_AFTER = /^(?:(?:と|との|の)(?:個別に|それぞれ)?(?:首脳|外相|電話)?会談|と[^。、「]{0,20}?(?:会談|協議)を(?:続行|続け)|と[^。「」、,，はが]{0,30}?話し合(?:っ|い)|と[^。、「]{0,20}?面会し|(?:との間で|とも?)(?:意見交換|会談|懇談)を行|と[^。、]{0,40}意見を交わ)/;

/** How many lines into a block its opening prose is looked for: a block of no prose is not read whole. */
const OPENING_LINES = 200;

/** A block's first sentences of prose (those that end with 。), at most `limit`. */
function proseSentences(text: string, span: Span, limit: number): Sentence[] {
  const sentences: Sentence[] = [];
  for (const line of linesOf(text, span, OPENING_LINES)) {
    let start = line.start;
    for (const piece of sentencesOutsideQuotes(line.text, limit - sentences.length)) {
      const sentence = { start, text: piece };
      start += piece.length;
      if (!endsSentence(piece.trim())) continue;
      sentences.push(sentence);
      if (sentences.length >= limit) return sentences;
    }
  }
  return sentences;
}

/** A statement's first sentences of prose that name someone with an office. */
function openingSentences(text: string, span: Span, date: string | null, people: PeopleIndex): Sentence[] {
  return proseSentences(text, span, OPENING_SENTENCES)
    .filter((sentence) => findNamedOffices(sentence.text, people, date).length > 0)
    .slice(0, OPENING_NAMING);
}
