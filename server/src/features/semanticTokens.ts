// Semantic tokens: speaker labels, person mentions, countries, dates and times. Token types are
// Kaidan's own (declared in package.json with a superType, so every theme colours them).

import { findCountryWords } from '../knowledge/countries';
import { Readout, Side, Span } from '../model/readout';
import { findDates, findTimes } from '../parse/dates';
import { LineMap } from '../parse/text';
import { Range } from './types';

export const TOKEN_TYPES = ['speaker', 'person', 'country', 'meetingDate', 'meetingTime'] as const;
export const TOKEN_MODIFIERS = ['japan', 'counterpart', 'press', 'joint', 'declaration'] as const;

type TokenType = (typeof TOKEN_TYPES)[number];
type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  readonly line: number;
  /** UTF-16 offset in the line. */
  readonly character: number;
  readonly length: number;
  /** Index into TOKEN_TYPES. */
  readonly type: number;
  /** Bit set over TOKEN_MODIFIERS. */
  readonly modifiers: number;
}

interface Draft extends Span {
  readonly type: TokenType;
  readonly modifiers: readonly TokenModifier[];
}

/** Past this size only the cheap tokens (speaker labels and mentions) are computed. */
export const FULL_TOKENS_LIMIT = 2_000_000;

/** The inner text of a label: 【記者】 → 記者, (ラヴロフ外務大臣) → ラヴロフ外務大臣. */
function innerLabel(text: string, span: Span): Span {
  const written = text.slice(span.start, span.end);
  const bracketed = /^[【(（](.*)[】)）]$/s.exec(written);
  return bracketed ? { start: span.start + 1, end: span.end - 1 } : span;
}

export function buildSemanticTokens(text: string, readout: Readout, lineMap: LineMap, range?: Range): SemanticToken[] {
  const limit = range ? { start: lineMap.offsetAt(range.start), end: lineMap.offsetAt(range.end) } : { start: 0, end: text.length };
  const inRange = (span: Span) => span.end > limit.start && span.start < limit.end;
  const sideOf = new Map<string, Side>(readout.speakers.map((speaker) => [speaker.id, speaker.side]));
  const drafts: Draft[] = [];

  for (const statement of readout.statements) {
    if (!statement.labelSpan || !inRange(statement.labelSpan)) continue;
    const side = sideOf.get(statement.speaker);
    drafts.push({ ...innerLabel(text, statement.labelSpan), type: 'speaker', modifiers: side ? [side] : [] });
  }
  const labels = [...drafts].sort((a, b) => a.start - b.start);
  const labelled = (span: Span) => {
    // The last label starting at or before the span: labels do not nest, so only it can hold it.
    let low = 0;
    let high = labels.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (labels[mid].start <= span.start) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found >= 0 && span.end <= labels[found].end;
  };
  const seen = new Set<string>();
  for (const mention of readout.mentions) {
    const key = mention.speaker ?? mention.personId ?? mention.name;
    const first = !seen.has(key);
    seen.add(key);
    if (!inRange(mention.span) || labelled(mention.span)) continue;
    const side = mention.speaker ? sideOf.get(mention.speaker) : undefined;
    drafts.push({ ...mention.span, type: 'person', modifiers: [...(side ? [side] : []), ...(first ? ['declaration' as const] : [])] });
  }

  if (text.length <= FULL_TOKENS_LIMIT) {
    const furniture = readout.boilerplate;
    let next = 0;
    const firstLine = lineMap.positionAt(limit.start).line;
    const lastLine = lineMap.positionAt(limit.end).line;
    for (let lineIndex = firstLine; lineIndex <= lastLine; lineIndex++) {
      const line = lineMap.lineAt(lineMap.offsetAt({ line: lineIndex, character: 0 }));
      while (next < furniture.length && furniture[next].end < line.end) next++;
      if (next < furniture.length && furniture[next].start <= line.start) continue;
      for (const word of findCountryWords(line.text)) drafts.push({ start: line.start + word.start, end: line.start + word.end, type: 'country', modifiers: [] });
      for (const date of findDates(line.text)) drafts.push({ start: line.start + date.start, end: line.start + date.end, type: 'meetingDate', modifiers: [] });
      for (const time of findTimes(line.text)) drafts.push({ start: line.start + time.start, end: line.start + time.end, type: 'meetingTime', modifiers: [] });
    }
  }

  // Sorted, without overlaps (the first-placed token wins: labels over mentions over words).
  drafts.sort((a, b) => a.start - b.start || b.end - a.end);
  const tokens: SemanticToken[] = [];
  let lastEnd = -1;
  for (const draft of drafts) {
    if (draft.start < lastEnd || draft.end <= draft.start || !inRange(draft)) continue;
    const position = lineMap.positionAt(draft.start);
    const lineEnd = lineMap.lineAt(draft.start).end;
    tokens.push({
      line: position.line,
      character: position.character,
      length: Math.min(draft.end, lineEnd) - draft.start,
      type: TOKEN_TYPES.indexOf(draft.type),
      modifiers: draft.modifiers.reduce((bits, modifier) => bits | (1 << TOKEN_MODIFIERS.indexOf(modifier)), 0),
    });
    lastEnd = draft.end;
  }
  return tokens;
}
