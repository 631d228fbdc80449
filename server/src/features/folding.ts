// Folding: sections, turns and blocks of page furniture, each spanning more than one line.

import { Readout, Section, Span } from '../model/readout';
import { LineMap } from '../parse/text';
import { FoldingRegion } from './types';

export function buildFoldingRegions(readout: Readout, lineMap: LineMap): FoldingRegion[] {
  const regions: FoldingRegion[] = [];
  const add = (span: Span, kind: FoldingRegion['kind']) => {
    const startLine = lineMap.lineAt(span.start).index;
    const endLine = lineMap.lineAt(span.end).index;
    if (endLine > startLine) regions.push({ startLine, endLine, kind });
  };
  const visit = (sections: readonly Section[]) => {
    for (const section of sections) {
      add(section.span, 'region');
      visit(section.children);
    }
  };
  visit(readout.sections);
  // Indexed, not for-of: a transcript holds a turn every few lines.
  for (let turnIndex = 0; turnIndex < readout.turns.length; turnIndex++) add(readout.turns[turnIndex].span, 'region');
  for (let spanIndex = 0; spanIndex < readout.boilerplate.length; spanIndex++) add(readout.boilerplate[spanIndex], 'furniture');
  return regions.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
