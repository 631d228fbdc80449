// Statements grouped by speaker, for the client's per-speaker colour bars.

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
}

export function buildSpeakerRanges(readout: Readout, lineMap: LineMap): SpeakerRanges[] {
  const bySpeaker = new Map<string, SpeakerRanges>();
  for (const statement of readout.statements) {
    let entry = bySpeaker.get(statement.speaker);
    if (!entry) {
      const speaker = readout.speakers.find((s) => s.id === statement.speaker);
      entry = { id: statement.speaker, name: speaker?.name ?? statement.speaker, side: speaker?.side ?? 'counterpart', colorIndex: bySpeaker.size, ranges: [], labels: [] };
      bySpeaker.set(statement.speaker, entry);
    }
    entry.ranges.push(lineMap.rangeOf(statement.span));
    if (statement.labelSpan) entry.labels.push(lineMap.rangeOf(statement.labelSpan));
  }
  return [...bySpeaker.values()];
}
