// What the passes that attribute speech share: the parse so far, the speakers met, the statements
// as they are attributed, the press and the moderator, and the host a role's tag stands for.

import { officeOf } from '../knowledge/offices';
import type { PeopleIndex } from '../knowledge/people';
import { Meeting, Participant, Section, Span, Speaker, Statement, Turn } from '../model/readout';
import { JOINT_ID, SpeakerRegistry } from './speakerRegistry';
import { Subject } from './subjects';
import { Line, LineSet } from './text';

export interface SpeechInput {
  readonly text: string;
  readonly lines: readonly Line[];
  readonly furniture: readonly boolean[];
  readonly headingLines: LineSet;
  readonly sections: readonly Section[];
  readonly turns: readonly Turn[];
  readonly meetings: readonly Meeting[];
  /** Whom the names can be: the knowledge file's people and the workspace's. */
  readonly people: PeopleIndex;
}

export const PRESS: Speaker = { id: 'press', name: '記者', title: null, country: null, side: 'press', personId: null };
export const MODERATOR: Speaker = { id: 'moderator', name: '司会', title: null, country: 'JP', side: 'japan', personId: null };

/** What every pass over the readout works from: the parse so far, the speakers met, and the meeting at an offset. */
export interface Attribution {
  readonly input: SpeechInput;
  readonly registry: SpeakerRegistry;
  readonly meetingAt: (offset: number) => Meeting | undefined;
}

/** A line break. */
const LINE_BREAK = /[\r\n]/;
/** Statements as they are attributed: sentences of one speaker that follow each other on a line are one statement. */
export class StatementList {
  readonly statements: Statement[] = [];

  constructor(
    private readonly text: string,
    private readonly registry: SpeakerRegistry,
  ) {}

  append(speaker: Speaker, span: Span, labelSpan: Span | null, jointWith: readonly string[] = []): void {
    this.registry.register(speaker);
    const previous = this.statements[this.statements.length - 1];
    const continues = labelSpan === null && previous?.speaker === speaker.id && previous.span.end <= span.start;
    if (continues && !LINE_BREAK.test(this.text.slice(previous.span.end, span.start))) {
      this.statements[this.statements.length - 1] = { ...previous, span: { start: previous.span.start, end: span.end } };
      return;
    }
    this.statements.push({ speaker: speaker.id, joint: speaker.id === JOINT_ID, jointWith, span, labelSpan });
  }
}

/** The Japanese participant a role's tag stands for; the role itself when the page names none. */
export function hostFor({ registry, meetingAt }: Attribution, role: string, offset: number): Speaker {
  const meeting = meetingAt(offset);
  const japanese = meeting?.participants.filter((p) => p.country === 'JP') ?? [];
  // A tag that names only a role ('大臣', 'A', '答') is the one Japanese principal the page names.
  // An office the one principal does not hold ('官房長官' when the page names only 岸田総理) is someone else's.
  const level = (title: string | null) => officeOf(title ?? '')?.level ?? 'other';
  const compatible = (p: Participant) => GENERIC_ROLE.test(role) || (level(role) !== 'other' && level(role) === level(p.title));
  const named = japanese.find((p) => p.title !== null && (p.title.endsWith(role) || role.endsWith(p.title))) ?? (japanese.length === 1 && compatible(japanese[0]) ? japanese[0] : undefined);
  if (named) return registry.speakerFor(named, meeting!.date);
  // An answer tag ('A', '答') stands for the office the page is the press conference of ('防衛大臣記者会見').
  const office = /^(A|Ａ|答)$/.test(role) ? HOST_OFFICE.exec(meeting?.title ?? '')?.[1] ?? '大臣' : role;
  return registry.speakers.get(`role:${role}`) ?? { id: `role:${role}`, name: office, title: office, country: 'JP', side: 'japan', personId: null };
}

/** Tags that name no office of their own: '大臣', 'A', '答'. */
const GENERIC_ROLE = /^(大臣|A|Ａ|答|長官|総理|首相)$/;

/** The offices whose holders give press conferences, as a page's title names them. */
export const HOST_OFFICE = /(外務大臣|防衛大臣|官房長官|外務副大臣|外務報道官|報道官|副大臣)/;

/** The speaker a clause's subject stands for. */
export function subjectSpeaker(registry: SpeakerRegistry, subject: Subject, meeting: Meeting | undefined): Speaker | null {
  switch (subject.kind) {
    case 'joint':
      return registry.jointSpeaker(subject.written);
    case 'person':
      return registry.speakerFor(subject.named, meeting?.date ?? null);
    case 'office': {
      // '首相は' in a Japanese text is Japan's prime minister when the other side's leader is one too.
      // '大臣' alone is any minister's office: the Japanese minister below, whatever the page calls him ('林芳正外相').
      const minister = (p: Participant) => subject.written === '大臣' && p.country === 'JP' && officeOf(p.title ?? '')?.level !== 'leader';
      const holds = (p: Participant) => p.title !== null && (p.title.endsWith(subject.written) || subject.written.endsWith(p.title) || minister(p));
      // '大臣は「…」' in a Japanese news copy is Japan's minister: counterparts are called 外相, 長官 or by name.
      const leaderWord = /^(首相|総理|総理大臣|内閣総理大臣)$/.test(subject.written);
      const japanese = leaderWord || /^(官房長官|大臣)$/.test(subject.written);
      const japaneseLeader = (p: Participant) => p.country === 'JP' && (holds(p) || (leaderWord && officeOf(p.title ?? '')?.level === 'leader'));
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

/** Two lists sorted by start as one, the first's before the second's at the same start (as a stable sort of both would give). */
export function mergeByStart(first: readonly Statement[], second: readonly Statement[]): Statement[] {
  const sorted = (list: readonly Statement[]) => list.every((statement, i) => i === 0 || list[i - 1].span.start <= statement.span.start);
  if (!sorted(first) || !sorted(second)) return [...first, ...second].sort((a, b) => a.span.start - b.span.start);
  const merged: Statement[] = [];
  let j = 0;
  for (let statementIndex = 0; statementIndex < first.length; statementIndex++) {
    const statement = first[statementIndex];
    while (j < second.length && second[j].span.start < statement.span.start) merged.push(second[j++]);
    merged.push(statement);
  }
  while (j < second.length) merged.push(second[j++]);
  return merged;
}
