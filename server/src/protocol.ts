// The extension's own messages between the client and the language server: their method names and
// what each carries. Plain names and types, so that both sides share them without an editor package.

import type { IndexState } from './corpus/types';
import type { SpeakerRanges } from './features/speakerRanges';
import type { Citing, MeetingItem, Range, RelatedItem } from './features/types';

export type { Citing, IndexState, MeetingItem, Range, RelatedItem, SpeakerRanges };

export const KaidanMethod = {
  /** Request: the previous or next meeting with the same counterpart. */
  adjacent: 'kaidan/adjacent',
  /** Request, and notification from the server on each change: how far indexing is. */
  indexState: 'kaidan/indexState',
  /** Request: every meeting of the corpus, for the Meetings view. */
  meetings: 'kaidan/meetings',
  /** Request: the document's related meetings, most related first. */
  related: 'kaidan/related',
  /** Request: which process serves the client, and its heap once garbage is collected. */
  serverInfo: 'kaidan/serverInfo',
  /** Request: the document's statements grouped by speaker, for the colour bars. */
  speakerRanges: 'kaidan/speakerRanges',
  /** Notification from the server: the meetings' topics were weighed again. */
  topicsState: 'kaidan/topicsState',
} as const;

/** What the requests about one document take. */
export interface DocumentParams {
  readonly uri: string;
}

export type AdjacentDirection = 'previous' | 'next';

export interface AdjacentParams extends DocumentParams {
  readonly direction: AdjacentDirection;
}

export interface ServerInfo {
  readonly pid: number;
  readonly heapUsed: number;
}

export interface TopicsState {
  readonly state: 'ready';
}

/** The client's `initializationOptions`. */
export interface InitializationOptions {
  /** The extension's storage folder, for the index cache. */
  readonly storagePath?: string;
  /** The extension's l10n bundle for VS Code's display language (vscode.l10n.uri); absent for English. */
  readonly l10nBundle?: string;
  readonly corpus?: { readonly include?: string[]; readonly exclude?: string[] };
  /** vscode.workspace.isTrusted; absent counts as trusted. */
  readonly trusted?: boolean;
}
