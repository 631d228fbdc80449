// What resolving a meeting reference reads of a corpus meeting. It stands apart from the index's
// own types: those hold the reference phrases themselves, so naming them here would close a loop.

import type { MeetingKind } from '../model/readout';

export interface ReferenceCandidate {
  /** ISO, or '2022-02' when only a month is known. */
  readonly date: string | null;
  readonly personIds: readonly string[];
  readonly summary: {
    readonly kind: MeetingKind | null;
    readonly countries: readonly string[];
    readonly place: string | null;
    readonly title: string | null;
  };
  readonly file: { readonly summary: { readonly preview: readonly string[] } };
}
