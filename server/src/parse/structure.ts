// Lines → the section tree and transcript turns: the drafts read from the lines (structureLines)
// closed into spans that end on content.

import { Section, Span, Turn } from '../model/readout';
import { END_MARKER } from './boilerplate';
import { Draft, StructureBuilder, TurnDraft } from './structureLines';
import { LABEL_LENGTH } from './structurePage';
import { LineMap, LineSet, contentEnd, firstWords, isBlank } from './text';

export interface Structure {
  readonly sections: Section[];
  readonly turns: Turn[];
  /** Line indexes that are headings or tags (never a title, a lead or a field). */
  readonly headingLines: LineSet;
}

export function buildStructure(lineMap: LineMap, furniture: readonly boolean[], textEnd: number): Structure {
  const builder = new StructureBuilder(lineMap, furniture);
  builder.readAll();
  const contentLimit = trimEnd(lineMap, furniture, 0, textEnd);
  const sections = finish(builder.roots, contentLimit, lineMap, furniture);
  const turns = finishTurns(builder.turnDrafts, sections, contentLimit, lineMap, furniture);
  return { sections, turns, headingLines: builder.headingLines };
}

/**
 * The end of the last line of content that starts before `limit` (and not before `from`'s line),
 * walking back from `limit`: sections end on content, not on blank lines or page furniture.
 */
function trimEnd(lineMap: LineMap, furniture: readonly boolean[], from: number, limit: number): number {
  const { lines } = lineMap;
  const firstLine = lineMap.lineAt(from);
  const first = firstLine.index;
  // A turn or section of one line (a transcript's usual) needs no second search for its last line.
  const last = limit - 1 <= firstLine.end ? first : lineMap.lineAt(Math.max(limit - 1, 0)).index;
  for (let index = last; index >= first; index--) {
    const line = lines[index];
    if (line.start >= limit || furniture[line.index] || isBlank(line.text) || END_MARKER.test(line.text.trim())) continue;
    return Math.max(from, Math.min(contentEnd(line), limit));
  }
  return from;
}

function finish(drafts: readonly Draft[], limit: number, lineMap: LineMap, furniture: readonly boolean[]): Section[] {
  return drafts.map((draft, i) => {
    const next = drafts[i + 1];
    const rawEnd = next ? next.start : limit;
    const end = Math.max(draft.headingSpan.end, trimEnd(lineMap, furniture, draft.start, rawEnd));
    return {
      label: draft.label,
      kind: draft.kind,
      marker: draft.marker,
      headingSpan: draft.headingSpan,
      span: { start: draft.start, end },
      children: finish(draft.children, end, lineMap, furniture),
    };
  });
}

/** The item of a sorted list of disjoint spans (sibling sections, a page's meetings) that holds `offset`, by binary search. */
export function sectionAt<T extends { readonly span: Span }>(siblings: readonly T[], offset: number): T | undefined {
  let low = 0;
  let high = siblings.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = siblings[mid].span;
    if (offset < span.start) high = mid - 1;
    else if (offset >= span.end) low = mid + 1;
    else return siblings[mid];
  }
  return undefined;
}

/** The section, at any depth, whose heading starts at `offset`. */
export function sectionHeadedAt(sections: readonly Section[], offset: number): Section | undefined {
  for (let section = sectionAt(sections, offset); section; section = sectionAt(section.children, offset)) {
    if (section.headingSpan.start === offset) return section;
  }
  return undefined;
}

/** Turns run to the next tag, or to the end of the part that holds them. */
function finishTurns(
  drafts: readonly TurnDraft[],
  sections: readonly Section[],
  limit: number,
  lineMap: LineMap,
  furniture: readonly boolean[],
): Turn[] {
  const containerEnd = (offset: number): number => {
    let end = limit;
    let level: readonly Section[] = sections;
    for (;;) {
      const holder = sectionAt(level, offset);
      if (!holder) return end;
      if (holder.kind === 'part' || holder.kind === 'source' || holder.kind === 'speaker') end = holder.span.end;
      level = holder.children;
    }
  };
  return drafts.map((draft, i) => {
    const next = drafts[i + 1];
    const boundary = Math.min(next ? next.start : limit, containerEnd(draft.start));
    return {
      speaker: draft.speaker,
      label: `${draft.written}${firstWords(draft.firstLine, LABEL_LENGTH)}`,
      tagSpan: draft.tagSpan,
      span: { start: draft.start, end: Math.max(draft.tagSpan.end, trimEnd(lineMap, furniture, draft.start, boundary)) },
    };
  });
}
