// Result types of the service's features, shaped like their LSP counterparts so that server.ts
// maps them one to one, but declared here so that the service needs no LSP package.

export type { Position, Range } from '../parse/text';
import type { Range } from '../parse/text';

export type OutlineKind = 'meeting' | 'part' | 'section' | 'source' | 'speaker' | 'statement' | 'turn';

export interface OutlineNode {
  readonly name: string;
  readonly detail: string;
  readonly kind: OutlineKind;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children: OutlineNode[];
}

export interface FoldingRegion {
  readonly startLine: number;
  readonly endLine: number;
  /** 'furniture' folds page furniture, which an editor may fold by default like comments. */
  readonly kind: 'region' | 'furniture';
}
