// Who says what. Transcripts tag their turns (【記者】/【大臣】), joint press events give speaker
// blocks ('(ラヴロフ外務大臣)'), and summaries bury it in the grammar: 'X大臣より,…旨述べた。
// これに対しY長官より,…', joint subjects ('双方は', '三者は'), and sentences that continue the
// previous speaker's statement. Each speaker is resolved to a meeting participant where the text
// allows, and given a side of the table.

import { PEOPLE, nameKey } from '../knowledge/people';
import { Meeting, Mention, Section, Side, Span, Speaker, Statement, Turn } from '../model/readout';
import { officeOf } from '../knowledge/offices';
import { KATAKANA_NAME, findNamedOffices, sameName } from './participants';
import { AGREEMENT, Subject, clausesOf, findSubject, namedByClause } from './subjects';
import { Line, isBlank } from './text';

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
const JOINT_ID = 'joint';

/** Roles of transcript tags that stand for the host of the press conference. */
/** A transcript's untagged opening remarks, the host's: '冒頭発言', '1 発表事項', '大臣発言'. */
const OPENING_REMARKS = /^(?:[0-9０-９]{1,2}[.．]?\s*)?(冒頭|発表事項|大臣発言|大臣から)/;
const HOST_ROLE = /^(大臣|総理|長官|官房長官|副大臣|報道官|外務大臣|防衛大臣|総理大臣|首相|外務報道官|答|A)$/;
const HONORIFIC = new RegExp(`(?<![ァ-ヴー・一-龥々])(${KATAKANA_NAME}|[一-龥々]{2,4})(氏|さん)`, 'g');

export function attributeSpeech(input: SpeechInput): Speech {
  const { text, lines, furniture, headingLines, sections, turns, meetings } = input;
  const speakers = new Map<string, Speaker>();
  const statements: Statement[] = [];
  const claimed: Span[] = [];

  const meetingAt = (offset: number) => meetings.find((meeting) => meeting.span.start <= offset && offset < meeting.span.end) ?? meetings[0];

  const sideOf = (country: string | null, name: string): Side =>
    country === 'JP' || (country === null && /^[一-龥々]+$/.test(name)) ? 'japan' : 'counterpart';

  /** Written forms already resolved: a summary names the same few people in every paragraph. */
  const resolvedIds = new Map<string, string>();

  /** The speaker a written name stands for: an existing one of the same person, or a new one. */
  const speakerFor = (name: string, title: string | null, country: string | null, date: string | null): Speaker => {
    const key = `${name}\u0000${title}\u0000${country}\u0000${date}`;
    const known = resolvedIds.get(key);
    if (known !== undefined && speakers.has(known)) return speakers.get(known)!;
    const speaker = newOrMergedSpeaker(name, title, country, date);
    resolvedIds.set(key, speaker.id);
    return speaker;
  };

  const newOrMergedSpeaker = (name: string, title: string | null, country: string | null, date: string | null): Speaker => {
    const personId = PEOPLE.resolve(name, { title, date, country })?.id ?? null;
    for (const [id, known] of speakers) {
      if ((personId && known.personId === personId) || sameName(known.name, name) || nameKey(known.name) === nameKey(name)) {
        const merged: Speaker = {
          ...known,
          name: name.length > known.name.length ? name : known.name,
          title: known.title ?? title,
          country: known.country ?? country,
          personId: known.personId ?? personId,
        };
        speakers.set(id, merged);
        return merged;
      }
    }
    const resolvedCountry = country ?? (personId ? PEOPLE.people.find((person) => person.id === personId)!.country : null);
    const speaker: Speaker = {
      id: personId ?? `name:${nameKey(name)}`,
      name,
      title,
      country: resolvedCountry,
      side: sideOf(resolvedCountry, name),
      personId,
    };
    speakers.set(speaker.id, speaker);
    return speaker;
  };

  /** Appends a statement; sentences of one speaker that follow each other on a line are one statement. */
  const append = (list: Statement[], speaker: Speaker, span: Span, labelSpan: Span | null, jointWith: readonly string[] = []) => {
    if (!speakers.has(speaker.id)) speakers.set(speaker.id, speaker);
    const previous = list[list.length - 1];
    const adjacent = previous && previous.span.end <= span.start && !/[\r\n]/.test(text.slice(previous.span.end, span.start));
    if (adjacent && previous.speaker === speaker.id && labelSpan === null) {
      list[list.length - 1] = { ...previous, span: { start: previous.span.start, end: span.end } };
      return;
    }
    list.push({ speaker: speaker.id, joint: speaker.id === JOINT_ID, jointWith, span, labelSpan });
  };
  const add = (speaker: Speaker, span: Span, labelSpan: Span | null) => append(statements, speaker, span, labelSpan);

  // Participants are the speakers a summary's subjects resolve to.
  for (const meeting of meetings) {
    for (const participant of meeting.participants) speakerFor(participant.name, participant.title, participant.country, meeting.date);
  }

  // Transcript turns.
  const hostFor = (role: string, offset: number): Speaker => {
    const meeting = meetingAt(offset);
    const japanese = meeting?.participants.filter((p) => p.country === 'JP') ?? [];
    // A tag that names only a role ('大臣', 'A', '答') is the one Japanese principal the page names.
    const named = japanese.find((p) => p.title !== null && (p.title.endsWith(role) || role.endsWith(p.title))) ?? (japanese.length === 1 ? japanese[0] : undefined);
    if (named) return speakerFor(named.name, named.title, named.country, meeting!.date);
    return speakers.get(`role:${role}`) ?? { id: `role:${role}`, name: role, title: role, country: 'JP', side: 'japan', personId: null };
  };
  const turnSpeaker = (turn: Turn): Speaker => {
    const role = turn.speaker.replace(/\s+/g, '');
    if (/記者$|^(Q|問)$/.test(role)) return PRESS;
    if (role === '司会') return MODERATOR;
    if (HOST_ROLE.test(role)) return hostFor(role, turn.span.start);
    const [named] = findNamedOffices(turn.speaker, meetingAt(turn.span.start)?.date ?? null);
    return named ? speakerFor(named.name, named.title, named.country, meetingAt(turn.span.start)?.date ?? null) : hostFor(role, turn.span.start);
  };
  let host: Speaker | null = null;
  for (const turn of turns) {
    const speaker = turnSpeaker(turn);
    if (speaker.side === 'japan' && speaker !== MODERATOR) host ??= speaker;
    add(speaker, turn.span, turn.tagSpan);
    claimed.push(turn.span);
  }

  // Speaker blocks of joint press events, and a transcript's untagged opening remarks.
  const visit = (list: readonly Section[]) => {
    for (const section of list) {
      const body = { start: section.headingSpan.end, end: section.span.end };
      if (section.kind === 'speaker') {
        const date = meetingAt(section.span.start)?.date ?? null;
        const [named] = findNamedOffices(text.slice(section.headingSpan.start, section.headingSpan.end), date);
        if (named && body.end > body.start) {
          add(speakerFor(named.name, named.title, named.country, date), trimSpan(text, body), section.headingSpan);
          claimed.push(section.span);
        }
      } else if (host && OPENING_REMARKS.test(section.label) && !turns.some((turn) => within(turn.span, section.span))) {
        add(host, trimSpan(text, body), null);
        claimed.push(section.span);
      }
      visit(section.children);
    }
  };
  visit(sections);
  statements.sort((a, b) => a.span.start - b.span.start);

  // Reported speech in the prose that no tag or block claims.
  const reported: Statement[] = [];
  const claimedRuns = disjoint(claimed);
  let run = 0;
  let current: Speaker | null = null;
  for (const line of lines) {
    while (run < claimedRuns.length && claimedRuns[run].end < line.end) run++;
    const isClaimed = run < claimedRuns.length && claimedRuns[run].start <= line.start;
    if (furniture[line.index] || isBlank(line.text)) continue;
    // A heading is not speech; a numbered paragraph (a heading line of running text) is.
    if (isClaimed || (headingLines.has(line.index) && !/[。．]/.test(line.text) && line.text.trim().length < 40)) {
      current = null;
      continue;
    }
    const meeting = meetingAt(line.start);
    // A new heading starts afresh; a line that names nobody continues the speaker of the line before.
    if (headingLines.has(line.index)) current = null;
    const lineNamed = findNamedOffices(line.text, meeting?.date ?? null);
    const clauses = clausesOf(line);
    const named = namedByClause(clauses, lineNamed);
    for (const [i, clause] of clauses.entries()) {
      const subject = findSubject(clause.text, named[i]);
      const span = { start: clause.start, end: clause.end };
      const speaker = subject ? subjectSpeaker(subject, meeting) : null;
      const jointWith = () => (meeting?.participants ?? []).map((p) => speakerFor(p.name, p.title, p.country, meeting.date).id);
      if (subject && speaker) {
        current = speaker;
        const label = subject.kind === 'person' ? subject.named : subject;
        append(reported, speaker, span, { start: clause.start + label.start, end: clause.start + label.end }, speaker.id === JOINT_ID ? jointWith() : []);
      } else if (meeting && (meeting.kind === '共同声明' || (AGREEMENT.test(clause.text) && meeting.participants.length !== 1))) {
        // What both sides agreed on, and what a joint statement says, is said jointly, whoever spoke before.
        append(reported, jointSpeaker(speakers, '双方'), span, null, jointWith());
        if (meeting.kind === '共同声明') current = null;
      } else if (current) {
        append(reported, current, span, null, current.id === JOINT_ID ? jointWith() : []);
      }
    }
  }

  /** The participant a side or an office stands for, when the meeting has one ('日本側' → 岸田, '大統領は' → バイデン). */
  function principal(meeting: Meeting | undefined, keep: (participant: Meeting['participants'][number]) => boolean): Speaker | null {
    const LEVELS = ['leader', 'foreign', 'defence', 'other'];
    const level = (title: string | null) => LEVELS.indexOf(officeOf(title ?? '')?.level ?? 'other');
    const [best] = (meeting?.participants ?? []).filter(keep).sort((a, b) => level(a.title) - level(b.title));
    return best ? speakerFor(best.name, best.title, best.country, meeting!.date) : null;
  }

  function subjectSpeaker(subject: Subject, meeting: Meeting | undefined): Speaker | null {
    switch (subject.kind) {
      case 'joint':
        return jointSpeaker(speakers, subject.written);
      case 'person':
        return speakerFor(subject.named.name, subject.named.title, subject.named.country, meeting?.date ?? null);
      case 'office': {
        // '首相は' in a Japanese text is Japan's prime minister when the other side's leader is one too.
        const holds = (p: Meeting['participants'][number]) => p.title !== null && (p.title.endsWith(subject.written) || subject.written.endsWith(p.title));
        const japanese = /^(首相|総理|総理大臣|内閣総理大臣|官房長官)$/.test(subject.written);
        const japaneseLeader = (p: Meeting['participants'][number]) => p.country === 'JP' && (holds(p) || (subject.written !== '官房長官' && officeOf(p.title ?? '')?.level === 'leader'));
        return (japanese ? principal(meeting, japaneseLeader) : null) ?? principal(meeting, holds);
      }
      case 'side': {
        const { country } = subject;
        const counterpart = /^(先方|相手側)$/.test(subject.written);
        const counterparts = (meeting?.participants ?? []).filter((p) => p.country !== 'JP');
        const found = counterpart
          ? counterparts.length === 1 ? principal(meeting, (p) => p === counterparts[0]) : null
          : country ? principal(meeting, (p) => p.country === country) : null;
        return found ?? sideSpeaker(speakers, subject.written);
      }
    }
  }

  const allStatements = [...statements, ...reported].sort((a, b) => a.span.start - b.span.start);
  for (const speaker of [PRESS, MODERATOR]) if (allStatements.some((s) => s.speaker === speaker.id)) speakers.set(speaker.id, speaker);
  const mentions = findMentions(input, speakers, meetingAt);
  const speaking = new Set(allStatements.flatMap((statement) => [statement.speaker, ...statement.jointWith]));
  const participants = new Set(meetings.flatMap((meeting) => meeting.participants.map((p) => nameKey(p.name))));
  return {
    speakers: [...speakers.values()].filter((speaker) => speaking.has(speaker.id) || participants.has(nameKey(speaker.name))),
    statements: allStatements,
    mentions,
  };
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

function jointSpeaker(speakers: Map<string, Speaker>, written: string): Speaker {
  const existing = speakers.get(JOINT_ID);
  if (existing) return existing;
  const joint: Speaker = { id: JOINT_ID, name: written, title: null, country: null, side: 'joint', personId: null };
  speakers.set(JOINT_ID, joint);
  return joint;
}

function sideSpeaker(speakers: Map<string, Speaker>, written: string): Speaker {
  const japan = /^(日本側|我が方)$/.test(written);
  const id = `side:${written}`;
  const existing = speakers.get(id);
  if (existing) return existing;
  const speaker: Speaker = { id, name: written, title: null, country: japan ? 'JP' : null, side: japan ? 'japan' : 'counterpart', personId: null };
  speakers.set(id, speaker);
  return speaker;
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
  for (const match of line.text.matchAll(HONORIFIC)) {
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
  const clauses = clausesOf(line);
  const named = namedByClause(clauses, lineNamed);
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
