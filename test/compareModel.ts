// What a readout's model must give, field by field, and how a parse compares with it. The format
// fixtures state their expectations this way, and the measurement on real pages (kept outside the
// repository) uses the same comparison, so that both speak of the same fields.

import { Readout, Section } from '../server/src/model/readout';
import { sameName } from '../server/src/parse/participants';
import { PEOPLE } from '../server/src/knowledge/people';

export interface ExpectedStatement {
  /** A substring of the text where the statement stands (usually its first words). */
  readonly quote: string;
  /** The speaker's name as written, or 'press' / 'joint' / 'moderator' for those sides. */
  readonly speaker: string;
}

export interface Expected {
  readonly kind?: string | null;
  readonly date?: string | null;
  readonly monthDay?: string | null;
  readonly startTime?: string | null;
  readonly startTimeJapan?: string | null;
  readonly endTime?: string | null;
  readonly durationMinutes?: number | null;
  readonly place?: string | null;
  readonly participants?: readonly { readonly name: string; readonly country?: string | null }[];
  readonly topSections?: readonly string[];
  /** The turn tags in order, as written without brackets. */
  readonly turns?: readonly string[];
  readonly statements?: readonly ExpectedStatement[];
  readonly meetings?: number;
  readonly title?: string | null;
}

export type FieldName = Exclude<keyof Expected, 'participants' | 'statements'> | 'participants' | 'statements';

export interface FieldResult {
  readonly field: FieldName;
  readonly ok: boolean;
  readonly expected: unknown;
  readonly actual: unknown;
}

/** Labels compared without spaces and without the outline's cut ('…'): a cut label matches the heading it starts. */
export function sameLabel(actual: string, expected: string): boolean {
  const fold = (label: string) => label.replace(/[\s\u3000]+/g, '').replace(/^[▶▷►◯○●◎■□◆◇・•]/, '');
  const a = fold(actual);
  const e = fold(expected);
  if (a === e) return true;
  const [aCut, eCut] = [a.endsWith('…'), e.endsWith('…')];
  const [aText, eText] = [aCut ? a.slice(0, -1) : a, eCut ? e.slice(0, -1) : e];
  if (aCut && eCut) return aText.startsWith(eText) || eText.startsWith(aText);
  return (aCut && eText.startsWith(aText)) || (eCut && aText.startsWith(eText));
}

function topLabels(sections: readonly Section[]): string[] {
  return sections.map((section) => section.label);
}

export interface ParticipantScore {
  readonly truePositives: number;
  readonly predicted: number;
  readonly expected: number;
}

export function participantScore(model: Readout, expected: Expected['participants']): ParticipantScore {
  const wanted = [...(expected ?? [])];
  let truePositives = 0;
  for (const participant of model.participants) {
    const index = wanted.findIndex((want) => sameName(participant.name, want.name, PEOPLE) || participant.name.includes(want.name) || want.name.includes(participant.name));
    if (index >= 0) {
      truePositives++;
      wanted.splice(index, 1);
    }
  }
  return { truePositives, predicted: model.participants.length, expected: (expected ?? []).length };
}

/** The speaker the model gives the statement that holds `quote`, as a name or a side. */
export function speakerAt(model: Readout, text: string, quote: string): string | null {
  const at = text.indexOf(quote);
  if (at < 0) return `(quote not found: ${quote})`;
  const probe = at + Math.min(quote.length - 1, 2);
  const statement = model.statements.find((s) => s.span.start <= probe && probe < s.span.end);
  if (!statement) return null;
  const speaker = model.speakers.find((s) => s.id === statement.speaker);
  if (!speaker) return statement.speaker;
  if (speaker.side === 'press') return 'press';
  if (speaker.side === 'joint') return 'joint';
  if (speaker.id === 'moderator') return 'moderator';
  return speaker.name;
}

export function sameSpeaker(actual: string | null, expected: string): boolean {
  if (actual === null) return false;
  if (['press', 'joint', 'moderator'].includes(expected) || ['press', 'joint', 'moderator'].includes(actual)) return actual === expected;
  return sameName(actual, expected, PEOPLE) || actual.includes(expected) || expected.includes(actual);
}

/** Every field the expectation names, compared with the parse. */
export function compareModel(model: Readout, text: string, expected: Expected): FieldResult[] {
  const results: FieldResult[] = [];
  const scalar = (field: FieldName, actual: unknown) => {
    if (!(field in expected)) return;
    const want = (expected as Record<string, unknown>)[field];
    results.push({ field, ok: actual === want, expected: want, actual });
  };
  scalar('kind', model.kind);
  scalar('date', model.date);
  scalar('monthDay', model.monthDay);
  scalar('startTime', model.startTime);
  scalar('startTimeJapan', model.startTimeJapan);
  scalar('endTime', model.endTime);
  scalar('durationMinutes', model.durationMinutes);
  scalar('place', model.place);
  scalar('title', model.title);
  if (expected.meetings !== undefined) scalar('meetings', model.meetings.length);
  if (expected.participants) {
    const score = participantScore(model, expected.participants);
    const countriesOk = expected.participants.every((want) => {
      if (want.country === undefined) return true;
      const found = model.participants.find((p) => sameName(p.name, want.name, PEOPLE) || p.name.includes(want.name) || want.name.includes(p.name));
      return found !== undefined && found.country === want.country;
    });
    results.push({
      field: 'participants',
      ok: score.truePositives === score.expected && score.predicted === score.expected && countriesOk,
      expected: expected.participants.map((p) => `${p.name}${p.country ? `/${p.country}` : ''}`),
      actual: model.participants.map((p) => `${p.name}${p.country ? `/${p.country}` : ''}`),
    });
  }
  if (expected.topSections) {
    const actual = topLabels(model.sections);
    const ok = actual.length === expected.topSections.length && actual.every((label, i) => sameLabel(label, expected.topSections![i]));
    results.push({ field: 'topSections', ok, expected: expected.topSections, actual });
  }
  if (expected.turns) {
    const actual = model.turns.map((turn) => turn.speaker);
    const ok = actual.length === expected.turns.length && actual.every((tag, i) => tag.replace(/\s+/g, '') === expected.turns![i].replace(/\s+/g, ''));
    results.push({ field: 'turns', ok, expected: expected.turns, actual });
  }
  if (expected.statements) {
    for (const statement of expected.statements) {
      const actual = speakerAt(model, text, statement.quote);
      results.push({ field: 'statements', ok: sameSpeaker(actual, statement.speaker), expected: `${statement.quote} → ${statement.speaker}`, actual });
    }
  }
  return results;
}
