// Inlay hints: the speaker's name before a statement that does not name its speaker at its start
// (a continued statement, a transcript's opening remarks).

import { Readout } from '../model/readout';
import { LineMap } from '../parse/text';
import { Position, Range } from './types';

export interface SpeakerHint {
  readonly position: Position;
  readonly label: string;
  readonly speaker: string;
}

export function buildSpeakerHints(readout: Readout, lineMap: LineMap, range: Range): SpeakerHint[] {
  const start = lineMap.offsetAt(range.start);
  const end = lineMap.offsetAt(range.end);
  const names = new Map(readout.speakers.map((speaker) => [speaker.id, speaker.name]));
  return readout.statements
    .filter((statement) => statement.labelSpan === null && statement.span.start >= start && statement.span.start <= end)
    .map((statement) => ({
      position: lineMap.positionAt(statement.span.start),
      label: `${names.get(statement.speaker) ?? statement.speaker}:`,
      speaker: statement.speaker,
    }));
}
