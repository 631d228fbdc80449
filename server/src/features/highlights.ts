// Document highlights: everything one speaker said (Text) and every place they are named (Read).

import { Readout, Span } from '../model/readout';
import { LineMap } from '../parse/text';
import { Range } from './types';

export interface Highlight {
  readonly range: Range;
  readonly kind: 'text' | 'read';
}

const contains = (span: Span, offset: number) => span.start <= offset && offset <= span.end;

/** The speaker (or, for someone who never speaks, the person) at an offset. */
function keyAt(readout: Readout, offset: number): { speaker: string | null; person: string | null } | null {
  const mention = readout.mentions.find((m) => contains(m.fullSpan, offset));
  if (mention) return { speaker: mention.speaker, person: mention.personId ?? `name:${mention.name}` };
  const labelled = readout.statements.find((s) => s.labelSpan && contains(s.labelSpan, offset));
  if (labelled) return { speaker: labelled.speaker, person: null };
  // The innermost statement holding the offset.
  const holding = readout.statements.filter((s) => contains(s.span, offset)).sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))[0];
  return holding ? { speaker: holding.speaker, person: null } : null;
}

export function buildHighlights(readout: Readout, lineMap: LineMap, offset: number): Highlight[] {
  const key = keyAt(readout, offset);
  if (!key) return [];
  const highlights: Highlight[] = [];
  const covered: Span[] = [];
  if (key.speaker) {
    for (const statement of readout.statements) {
      if (statement.speaker !== key.speaker) continue;
      highlights.push({ range: lineMap.rangeOf(statement.span), kind: 'text' });
      if (statement.labelSpan) {
        highlights.push({ range: lineMap.rangeOf(statement.labelSpan), kind: 'read' });
        covered.push(statement.labelSpan);
      }
    }
  }
  for (const mention of readout.mentions) {
    const same = key.speaker ? mention.speaker === key.speaker : (mention.personId ?? `name:${mention.name}`) === key.person;
    if (same && !covered.some((span) => span.start <= mention.span.start && mention.span.end <= span.end)) {
      highlights.push({ range: lineMap.rangeOf(mention.span), kind: 'read' });
    }
  }
  return highlights;
}
