// The shapes of the corpus index that its parts and the features share: files and meetings resolved
// against people and the rest of the corpus, the index's progress, and cancellation.

import type { DateWindow } from './referenceTime';
import type { FileSummary, SummaryMeeting, SummaryName, SummaryParticipant, SummaryReference } from './summary';

export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export interface ResolvedParticipant extends SummaryParticipant {
  readonly personId: string | null;
}

export interface IndexedMeeting {
  readonly file: IndexedFile;
  readonly index: number;
  readonly summary: SummaryMeeting;
  /** The meeting's date: from the text, else from the file name ('2022-02' when only a month). */
  readonly date: string | null;
  readonly dateSource: 'text' | 'file name' | null;
  readonly participants: readonly ResolvedParticipant[];
  readonly personIds: readonly string[];
}

export interface ResolvedName extends SummaryName {
  readonly personId: string | null;
}

export interface IndexedFile {
  readonly uri: string;
  readonly summary: FileSummary;
  readonly meetings: readonly IndexedMeeting[];
  /** The document's main meeting (null for a file with none). */
  readonly main: IndexedMeeting | null;
  readonly names: readonly ResolvedName[];
  /** Whether the file belongs to the workspace corpus (false for a document only looked at). */
  readonly inCorpus: boolean;
}

export interface ResolvedReference {
  readonly reference: SummaryReference;
  /** The meeting it points at, or null when the corpus holds none that fits. */
  readonly target: IndexedMeeting | null;
  /** When it may have been, from the phrase and the document's date. */
  readonly window: DateWindow | null;
}

export type IndexState = { readonly state: 'indexing' | 'ready'; readonly done: number; readonly total: number; readonly meetings: number };
