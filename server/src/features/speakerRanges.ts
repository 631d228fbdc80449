// Statements grouped by speaker, for the client's per-speaker colour bars and the Speakers view:
// where each speaker speaks, how much of the text is theirs, and how many questions they ask.

import { Readout } from '../model/readout';
import { LineMap } from '../parse/text';
import { Range } from './types';

export interface SpeakerRanges {
  readonly id: string;
  readonly name: string;
  readonly side: string;
  /** Position of the speaker in order of first statement: the client picks colour N of its palette. */
  readonly colorIndex: number;
  readonly ranges: Range[];
  /** Where the text names the speaker (a tag, a block label, '岸田大臣より'): drawn in the speaker's colour. */
  readonly labels: Range[];
  /** UTF-16 units of the text in the speaker's statements. */
  readonly characters: number;
  /** Statements that ask: a question mark, or a sentence ending in か. */
  readonly questions: number;
}

type Counting = { -readonly [K in keyof SpeakerRanges]: SpeakerRanges[K] };

/** A statement that asks: '？' or '?' in it, or a sentence that ends in か (…でしょうか。). */
const QUESTION = /[？?]|か[。．]?\s*$/;

export function buildSpeakerRanges(readout: Readout, lineMap: LineMap, text: string): SpeakerRanges[] {
  const bySpeaker = new Map<string, Counting>();
  for (const statement of readout.statements) {
    let entry = bySpeaker.get(statement.speaker);
    if (!entry) {
      const speaker = readout.speakers.find((s) => s.id === statement.speaker);
      const name = speaker?.name ?? statement.speaker;
      entry = { id: statement.speaker, name, side: speaker?.side ?? 'counterpart', colorIndex: bySpeaker.size, ranges: [], labels: [], characters: 0, questions: 0 };
      bySpeaker.set(statement.speaker, entry);
    }
    entry.ranges.push(lineMap.rangeOf(statement.span));
    entry.characters += statement.span.end - statement.span.start;
    if (QUESTION.test(text.slice(statement.span.start, statement.span.end))) entry.questions++;
    if (statement.labelSpan) entry.labels.push(lineMap.rangeOf(statement.labelSpan));
  }
  return [...bySpeaker.values()];
}
