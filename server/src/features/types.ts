// Result types of the service's features, shaped like their LSP counterparts so that server.ts
// maps them one to one, but declared here so that the service needs no LSP package.

export type { Position, Range } from '../parse/text';
import type { Range } from '../parse/text';

/** A turn's kind tells its side ('pressTurn' for a question), so that the outline's icons differ by side. */
export type OutlineKind = 'meeting' | 'part' | 'section' | 'source' | 'speaker' | 'statement' | 'turn' | 'japanTurn' | 'counterpartTurn' | 'pressTurn' | 'jointTurn';

export interface OutlineNode {
  readonly name: string;
  readonly detail: string;
  readonly kind: OutlineKind;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children: readonly OutlineNode[];
}

export interface FoldingRegion {
  readonly startLine: number;
  readonly endLine: number;
  /** 'furniture' folds page furniture, which an editor may fold by default like comments. */
  readonly kind: 'region' | 'furniture';
}

// --- corpus features ---

export interface MarkupContent {
  readonly kind: 'markdown';
  readonly value: string;
}

export interface Hover {
  readonly contents: MarkupContent;
  readonly range: Range;
}

export interface Location {
  readonly uri: string;
  readonly range: Range;
}

export type WorkspaceSymbolKind = 'meeting' | 'person';

export interface WorkspaceSymbol {
  readonly name: string;
  readonly kind: WorkspaceSymbolKind;
  readonly containerName: string;
  readonly location: Location;
}

export interface CodeLensCommand {
  readonly title: string;
  readonly command: string;
  readonly arguments: unknown[];
}

export interface CodeLens {
  readonly range: Range;
  readonly command: CodeLensCommand;
}

/** A meeting as the client lists it (quick pick, Meetings view, previous/next). */
export interface MeetingItem {
  readonly uri: string;
  /** The meeting's title line, where the editor opens it. */
  readonly range: Range;
  readonly title: string;
  readonly date: string | null;
  readonly kind: string | null;
  readonly place: string | null;
  readonly countries: readonly string[];
  /** The counterpart countries' names ('ロシア', 'アメリカ合衆国, 大韓民国'), for grouping; '日本' when there is none. */
  readonly counterpart: string;
  /** The participants' names as the corpus knows them, for grouping and filtering. */
  readonly people: readonly string[];
  /** The same, in Latin letters where the knowledge file has them (else as written), for English citations. */
  readonly latinPeople: readonly string[];
  /** In the Meetings view's list: the event shared with other documents (its id), else null. */
  readonly event?: string | null;
  /** In the Meetings view's list: the readouts that refer to this meeting, each with its sentence. */
  readonly citedBy?: readonly Citing[];
}

/** A readout's phrase that refers to a meeting. */
export interface Citing {
  readonly uri: string;
  readonly title: string;
  readonly date: string | null;
  /** The referring phrase. */
  readonly range: Range;
  readonly sentence: string;
}

export interface RelatedItem extends MeetingItem {
  readonly score: number;
  /** Another document of the same event (the press conference after a meeting, its news copy). */
  readonly sameEvent: boolean;
  readonly reasons: readonly string[];
}

/** A phrase that opens another readout. */
export interface DocumentLink {
  readonly range: Range;
  /** The readout's uri, with '#L' and the line of its title. */
  readonly target: string;
  readonly tooltip: string;
}
