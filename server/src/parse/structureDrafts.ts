// The drafts the structure builder reads from the lines (structureLines.ts), before structure.ts closes
// them into the spans of the model.

import { SectionKind, Span } from '../model/readout';
import { NumberStyle } from './lineKinds';

export interface Draft {
  label: string;
  kind: SectionKind;
  marker: string | null;
  headingSpan: Span;
  start: number;
  /** 0 source, 1 part / speaker / statement, 2 headline / topic, 10+ numbered depth. */
  rank: number;
  style: NumberStyle | null;
  number: number;
  children: Draft[];
  parent: Draft | null;
}

export interface TurnDraft {
  readonly speaker: string;
  /** The tag as written: '【記者】', '(問)', 'Q:'. */
  readonly written: string;
  readonly tagSpan: Span;
  readonly start: number;
  readonly firstLine: string;
}
