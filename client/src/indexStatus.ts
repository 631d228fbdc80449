// The status bar's index item. VS Code's progress item (from the server) counts the files while
// indexing; this one only says how many meetings there are once the index stands, so that the two
// never show different counts side by side. No editor API here, so that it is tested on its own.

import type { IndexState } from '../../server/src/protocol';

/** The item's text, or null while indexing (the item is then hidden). */
export function indexStatusText(state: IndexState, meetings: (count: number) => string): string | null {
  return state.state === 'ready' ? `$(book) ${meetings(state.meetings)}` : null;
}
