// Who says what. Transcripts tag their turns (【記者】/【大臣】), joint press events give speaker
// blocks ('(ラヴロフ外務大臣)'), and summaries bury it in the grammar: 'X大臣より,…旨述べた。
// これに対しY長官より,…', joint subjects ('双方は', '三者は'), and sentences that continue the
// previous speaker's statement. Each speaker is resolved to a meeting participant where the text
// allows, and given a side of the table.

import { PEOPLE, nameKey } from '../knowledge/people';
import { Meeting, Mention, Participant, Section, Span, Speaker, Statement, Turn } from '../model/readout';
import { officeOf } from '../knowledge/offices';
import { PRESS_TAG } from './lineKinds';
import { KATAKANA_NAME, findNamedOffices, sameName } from './participants';
import { JOINT_ID, SpeakerRegistry } from './speakerRegistry';
import { AGREEMENT, QUOTED, Subject, clausesOf, findSubject, namedByClause, splitHandovers } from './subjects';
import { Line, isBlank, matchesOf } from './text';

export interface Speech {
  readonly speakers: Speaker[];
  readonly statements: Statement[];
  readonly mentions: Mention[];
}

interface SpeechInput {
  readonly text: string;
  readonly lines: readonly Line[];
  readonly furniture: readonly boolean[];
  readonly headingLines: ReadonlySet<number>;
  readonly sections: readonly Section[];
  readonly turns: readonly Turn[];
  readonly meetings: readonly Meeting[];
}

const PRESS: Speaker = { id: 'press', name: '記者', title: null, country: null, side: 'press', personId: null };
const MODERATOR: Speaker = { id: 'moderator', name: '司会', title: null, country: 'JP', side: 'japan', personId: null };

/** A transcript's untagged opening remarks, the host's: '冒頭発言', '1 発表事項', '大臣発言'. */
const OPENING_REMARKS = /^(?:[0-9０-９]{1,2}[.．]?\s*)?(冒頭|発表事項|大臣発言|大臣から)/;
/** Roles of transcript tags that stand for the host of the press conference. */
const HOST_ROLE = /^(大臣|総理|長官|官房長官|副大臣|報道官|外務大臣|防衛大臣|総理大臣|首相|外務報道官|答|A)$/;
const HONORIFIC = new RegExp(`(?<![ァ-ヴー・一-龥々])(${KATAKANA_NAME}|[一-龥々]{2,4})(氏|さん)`, 'g');

/** What every pass over the readout works from: the parse so far, the speakers met, and the meeting at an offset. */
interface Attribution {
  readonly input: SpeechInput;
  readonly registry: SpeakerRegistry;
  readonly meetingAt: (offset: number) => Meeting | undefined;
}

/** Statements as they are attributed: sentences of one speaker that follow each other on a line are one statement. */
class StatementList {
  readonly statements: Statement[] = [];

  constructor(
    private readonly text: string,
    private readonly registry: SpeakerRegistry,
  ) {}

  append(speaker: Speaker, span: Span, labelSpan: Span | null, jointWith: readonly string[] = []): void {
    this.registry.register(speaker);
    const previous = this.statements[this.statements.length - 1];
    const adjacent = previous && previous.span.end <= span.start && !/[\r\n]/.test(this.text.slice(previous.span.end, span.start));
    if (adjacent && previous.speaker === speaker.id && labelSpan === null) {
      this.statements[this.statements.length - 1] = { ...previous, span: { start: previous.span.start, end: span.end } };
      return;
    }
    this.statements.push({ speaker: speaker.id, joint: speaker.id === JOINT_ID, jointWith, span, labelSpan });
  }
}

export function attributeSpeech(input: SpeechInput): Speech {
  const { meetings } = input;
  const registry = new SpeakerRegistry();
  const meetingAt = (offset: number) => meetings.find((meeting) => meeting.span.start <= offset && offset < meeting.span.end) ?? meetings[0];
  const attribution: Attribution = { input, registry, meetingAt };

  // Participants are the speakers a summary's subjects resolve to.
  for (const meeting of meetings) {
    for (const participant of meeting.participants) registry.speakerFor(participant, meeting.date);
  }

  // Tagged turns and speaker blocks claim their text; reported speech is sought only in the rest.
  const tagged = new StatementList(input.text, registry);
  const claimed: Span[] = [];
  const host = attributeTurns(attribution, tagged, claimed);
  attributeBlocks(attribution, input.sections, host, tagged, claimed);
  tagged.statements.sort((a, b) => a.span.start - b.span.start);
  const reported = attributeReportedSpeech(attribution, disjoint(claimed), host);

  const statements = [...tagged.statements, ...reported].sort((a, b) => a.span.start - b.span.start);
  const { speakers } = registry;
  // A name can merge into the press or the moderator (newOrMergedSpeaker matches any speaker by name); they stay as they are.
  for (const speaker of [PRESS, MODERATOR]) if (statements.some((s) => s.speaker === speaker.id)) speakers.set(speaker.id, speaker);
  const mentions = findMentions(input, speakers, meetingAt);
  const speaking = new Set(statements.flatMap((statement) => [statement.speaker, ...statement.jointWith]));
  const participants = new Set(meetings.flatMap((meeting) => meeting.participants.map((p) => nameKey(p.name))));
  return {
    speakers: [...speakers.values()].filter((speaker) => speaking.has(speaker.id) || participants.has(nameKey(speaker.name))),
    statements,
    mentions,
  };
}

/** Transcript turns, each its tag's speaker. Returns the host: the first Japanese speaker other than the moderator. */
function attributeTurns(attribution: Attribution, tagged: StatementList, claimed: Span[]): Speaker | null {
  let host: Speaker | null = null;
  for (const turn of attribution.input.turns) {
    const speaker = turnSpeaker(attribution, turn);
    if (speaker.side === 'japan' && speaker !== MODERATOR) host ??= speaker;
    tagged.append(speaker, turn.span, turn.tagSpan);
    claimed.push(turn.span);
  }
  return host;
}

function turnSpeaker(attribution: Attribution, turn: Turn): Speaker {
  const role = turn.speaker.replace(/\s+/g, '');
  if (PRESS_TAG.test(role)) return PRESS;
  if (role === '司会') return MODERATOR;
  if (HOST_ROLE.test(role)) return hostFor(attribution, role, turn.span.start);
  const date = attribution.meetingAt(turn.span.start)?.date ?? null;
  const [named] = findNamedOffices(turn.speaker, date);
  return named ? attribution.registry.speakerFor(named, date) : hostFor(attribution, role, turn.span.start);
}

/** The Japanese participant a role's tag stands for; the role itself when the page names none. */
function hostFor({ registry, meetingAt }: Attribution, role: string, offset: number): Speaker {
  const meeting = meetingAt(offset);
  const japanese = meeting?.participants.filter((p) => p.country === 'JP') ?? [];
  // A tag that names only a role ('大臣', 'A', '答') is the one Japanese principal the page names.
  const named = japanese.find((p) => p.title !== null && (p.title.endsWith(role) || role.endsWith(p.title))) ?? (japanese.length === 1 ? japanese[0] : undefined);
  if (named) return registry.speakerFor(named, meeting!.date);
  // An answer tag ('A', '答') stands for the office the page is the press conference of ('防衛大臣記者会見').
  const office = /^(A|Ａ|答)$/.test(role) ? HOST_OFFICE.exec(meeting?.title ?? '')?.[1] ?? '大臣' : role;
  return registry.speakers.get(`role:${role}`) ?? { id: `role:${role}`, name: office, title: office, country: 'JP', side: 'japan', personId: null };
}

/** The offices whose holders give press conferences, as a page's title names them. */
const HOST_OFFICE = /(外務大臣|防衛大臣|官房長官|外務副大臣|外務報道官|報道官|副大臣)/;

/** Speaker blocks of joint press events, and a transcript's untagged opening remarks (the host's), in sections at any depth. */
function attributeBlocks(attribution: Attribution, sections: readonly Section[], host: Speaker | null, tagged: StatementList, claimed: Span[]): void {
  const { input, registry, meetingAt } = attribution;
  for (const section of sections) {
    const body = { start: section.headingSpan.end, end: section.span.end };
    if (section.kind === 'speaker') {
      const date = meetingAt(section.span.start)?.date ?? null;
      const [named] = findNamedOffices(input.text.slice(section.headingSpan.start, section.headingSpan.end), date);
      if (named && body.end > body.start) {
        tagged.append(registry.speakerFor(named, date), trimSpan(input.text, body), section.headingSpan);
        claimed.push(section.span);
      }
    } else if (host && OPENING_REMARKS.test(section.label) && !input.turns.some((turn) => within(turn.span, section.span))) {
      tagged.append(host, trimSpan(input.text, body), null);
      claimed.push(section.span);
    }
    attributeBlocks(attribution, section.children, host, tagged, claimed);
  }
}

/** Reported speech in the prose that no tag or block claims (`claimedRuns`: sorted and disjoint). */
function attributeReportedSpeech(attribution: Attribution, claimedRuns: readonly Span[], host: Speaker | null): Statement[] {
  const { lines, furniture, headingLines, text } = attribution.input;
  const reported = new StatementList(text, attribution.registry);
  const conferenceHost = (offset: number) => pressConferenceHost(attribution, offset, host);
  let run = 0;
  let current: Speaker | null = null;
  for (const line of lines) {
    while (run < claimedRuns.length && claimedRuns[run].end < line.end) run++;
    const isClaimed = run < claimedRuns.length && claimedRuns[run].start <= line.start;
    if (furniture[line.index] || isBlank(line.text)) continue;
    // A line that is only a name and office ('李部長', '川口大臣') labels the lines below as theirs.
    const label = isClaimed ? null : labelLine(attribution, line);
    if (label) {
      current = label;
      continue;
    }
    // A heading is not speech; a numbered paragraph (a heading line of running text) is.
    if (isClaimed || (headingLines.has(line.index) && !/[。．]/.test(line.text) && line.text.trim().length < 40)) {
      current = null;
      continue;
    }
    // A new heading starts afresh; a line that names nobody continues the speaker of the line before.
    if (headingLines.has(line.index)) current = null;
    const pressHost = conferenceHost(line.start);
    if (pressHost) attributeConferenceLine(attribution, reported, line, pressHost);
    else current = attributeClauses(attribution, reported, line, current);
  }
  return reported.statements;
}

/** The speaker a line standing alone as a name and office labels ('李部長', '川口大臣：'). */
function labelLine(attribution: Attribution, line: Line): Speaker | null {
  const trimmed = line.text.trim().replace(/[:：]$/, '');
  if (trimmed.length > 30 || /[。、，,]/.test(trimmed)) return null;
  const date = attribution.meetingAt(line.start)?.date ?? null;
  const found = findNamedOffices(trimmed, date);
  return found.length === 1 && found[0].start === 0 && found[0].end === trimmed.length ? attribution.registry.speakerFor(found[0], date) : null;
}

/** The page's own account of the conference ('…会見を行ったところ、概要以下のとおり'): narration, not the host's words. */
const CONFERENCE_NARRATION = /(?:概要|要旨)(?:は)?(?:以下|次)の(?:とおり|通り)/;
/** A line that opens with its speaker's label and a quote: '司会「…」', '共同-佐藤「…」', '岡田大臣「…」'. */
const QUOTE_LABEL = /^[\s\u3000]*([^\s\u3000「」、。,，]{1,16})「/;

/**
 * The host of the press conference a line belongs to, who says all that no tag claims: a minister's
 * or 官房長官's remarks are written without tags. Null outside a conference given by one side alone.
 */
function pressConferenceHost(attribution: Attribution, offset: number, host: Speaker | null): Speaker | null {
  const meeting = attribution.meetingAt(offset);
  if (meeting?.kind !== '記者会見' || meeting.participants.some((participant) => participant.country !== 'JP')) return null;
  return host ?? hostFor(attribution, HOST_OFFICE.exec(meeting.title ?? '')?.[1] ?? '大臣', offset);
}

/** A line of a press conference no tag claims: the host's, unless a label before a quote names someone else. */
function attributeConferenceLine(attribution: Attribution, reported: StatementList, line: Line, host: Speaker): void {
  if (CONFERENCE_NARRATION.test(line.text)) return;
  const label = QUOTE_LABEL.exec(line.text);
  const date = attribution.meetingAt(line.start)?.date ?? null;
  const [named] = label ? findNamedOffices(label[1], date) : [];
  const speaker = !label ? host : label[1] === '司会' ? MODERATOR : named ? attribution.registry.speakerFor(named, date) : PRESS;
  const labelSpan = label ? { start: line.start + label.index + label[0].indexOf(label[1]), end: line.start + label.index + label[0].length - 1 } : null;
  for (const [i, clause] of clausesOf(line).entries()) reported.append(speaker, { start: clause.start, end: clause.end }, i === 0 ? labelSpan : null);
}

/** A speaker's own words ('総理と私は…確認しました'): what they agreed on is still theirs to tell. */
const FIRST_PERSON = /私/;

/** Attributes each clause of a line to the subject it names, else to the speaker before it; returns who spoke last. */
function attributeClauses(attribution: Attribution, reported: StatementList, line: Line, before: Speaker | null): Speaker | null {
  const { registry } = attribution;
  const meeting = attribution.meetingAt(line.start);
  const lineClauses = clausesOf(line);
  const { clauses, named } = splitHandovers(lineClauses, namedByClause(lineClauses, findNamedOffices(line.text, meeting?.date ?? null)));
  let current = before;
  for (const [i, clause] of clauses.entries()) {
    const subject = findSubject(clause.text, named[i]);
    const span = { start: clause.start, end: clause.end };
    const speaker = subject ? subjectSpeaker(registry, subject, meeting) : null;
    if (subject && speaker) {
      current = speaker;
      const label = subject.kind === 'person' ? subject.named : subject;
      const labelSpan = { start: clause.start + label.start, end: clause.start + label.end };
      reported.append(speaker, span, labelSpan, speaker.id === JOINT_ID ? registry.participantIds(meeting) : []);
    } else if (meeting && (meeting.kind === '共同声明' || (AGREEMENT.test(clause.text) && !FIRST_PERSON.test(clause.text) && !QUOTED.test(clause.text) && meeting.participants.length !== 1))) {
      // What both sides agreed on, and what a joint statement says, is said jointly, whoever spoke before.
      reported.append(registry.jointSpeaker('双方'), span, null, registry.participantIds(meeting));
      if (meeting.kind === '共同声明') current = null;
    } else if (current) {
      reported.append(current, span, null, current.id === JOINT_ID ? registry.participantIds(meeting) : []);
    }
  }
  return current;
}

/** The speaker a clause's subject stands for. */
function subjectSpeaker(registry: SpeakerRegistry, subject: Subject, meeting: Meeting | undefined): Speaker | null {
  switch (subject.kind) {
    case 'joint':
      return registry.jointSpeaker(subject.written);
    case 'person':
      return registry.speakerFor(subject.named, meeting?.date ?? null);
    case 'office': {
      // '首相は' in a Japanese text is Japan's prime minister when the other side's leader is one too.
      const holds = (p: Participant) => p.title !== null && (p.title.endsWith(subject.written) || subject.written.endsWith(p.title));
      const japanese = /^(首相|総理|総理大臣|内閣総理大臣|官房長官)$/.test(subject.written);
      const japaneseLeader = (p: Participant) => p.country === 'JP' && (holds(p) || (subject.written !== '官房長官' && officeOf(p.title ?? '')?.level === 'leader'));
      return (japanese ? registry.principal(meeting, japaneseLeader) : null) ?? registry.principal(meeting, holds);
    }
    case 'side': {
      const { country } = subject;
      const counterpart = /^(先方|相手側)$/.test(subject.written);
      const counterparts = (meeting?.participants ?? []).filter((p) => p.country !== 'JP');
      const found = counterpart
        ? counterparts.length === 1 ? registry.principal(meeting, (p) => p === counterparts[0]) : null
        : country ? registry.principal(meeting, (p) => p.country === country) : null;
      return found ?? registry.sideSpeaker(subject.written);
    }
  }
}

/** Spans merged into sorted, disjoint runs. */
function disjoint(spans: readonly Span[]): Span[] {
  const runs: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = runs[runs.length - 1];
    if (last && span.start <= last.end) runs[runs.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else runs.push(span);
  }
  return runs;
}

function within(inner: Span, outer: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** A span without the blank lines and spaces at its ends. */
function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s\u3000]/.test(text[start])) start++;
  while (end > start && /[\s\u3000]/.test(text[end - 1])) end--;
  return { start, end };
}

/** Resolves a written name to the id of the speaker who is that person, if any. */
export type SpeakerResolver = (name: string, personId: string | null) => string | null;

export function speakerResolver(speakers: Iterable<Speaker>): SpeakerResolver {
  const known = [...speakers].filter((speaker) => speaker.personId || speaker.id.startsWith('name:'));
  return (name, personId) =>
    known.find((speaker) => (personId !== null && speaker.personId === personId) || sameName(speaker.name, name) || nameKey(speaker.name) === nameKey(name))?.id ?? null;
}

/** Every person named with an office or an honorific, resolved to a speaker where one matches. */
function findMentions(input: SpeechInput, speakers: Map<string, Speaker>, meetingAt: (offset: number) => Meeting | undefined): Mention[] {
  const mentions: Mention[] = [];
  const resolve = speakerResolver(speakers.values());
  for (const line of input.lines) {
    if (input.furniture[line.index] || isBlank(line.text)) continue;
    // One by one: spreading a line's mentions into push overflows the stack past ~120,000 (a 1 MB line).
    for (const mention of mentionsInLine(line, meetingAt(line.start)?.date ?? null, resolve)) mentions.push(mention);
  }
  return mentions;
}

/** The people a line names, in order. */
export function mentionsInLine(line: Line, date: string | null, resolve: SpeakerResolver): Mention[] {
  const found: Mention[] = [];
  for (const named of findNamedOffices(line.text, date)) {
    const personId = PEOPLE.resolve(named.name, { title: named.title, date, country: named.country })?.id ?? null;
    found.push({
      speaker: resolve(named.name, personId),
      personId,
      name: named.name,
      span: { start: line.start + named.nameStart, end: line.start + named.nameStart + named.name.length },
      fullSpan: { start: line.start + named.start, end: line.start + named.end },
    });
  }
  for (const match of matchesOf(HONORIFIC, line.text)) {
    const start = line.start + match.index!;
    if (found.some((mention) => start < mention.fullSpan.end && mention.fullSpan.start < start + match[0].length)) continue;
    const name = match[1];
    const personId = PEOPLE.resolve(name, { date })?.id ?? null;
    const speaker = resolve(name, personId);
    if (!speaker && !personId) continue;
    found.push({ speaker, personId, name, span: { start, end: start + name.length }, fullSpan: { start, end: start + match[0].length } });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** Where a line of reported speech names who speaks: '岸田大臣より', '双方は', '米側から'. */
export function subjectLabels(line: Line, date: string | null): { span: Span; kind: Subject['kind']; written: string }[] {
  const labels: { span: Span; kind: Subject['kind']; written: string }[] = [];
  const lineNamed = findNamedOffices(line.text, date);
  const lineClauses = clausesOf(line);
  const { clauses, named } = splitHandovers(lineClauses, namedByClause(lineClauses, lineNamed));
  for (const [i, clause] of clauses.entries()) {
    const subject = findSubject(clause.text, named[i]);
    if (!subject) continue;
    if (subject.kind === 'person') {
      labels.push({ span: { start: clause.start + subject.named.start, end: clause.start + subject.named.end }, kind: 'person', written: subject.named.name });
    } else {
      labels.push({ span: { start: clause.start + subject.start, end: clause.start + subject.end }, kind: subject.kind, written: subject.written });
    }
  }
  return labels;
}
