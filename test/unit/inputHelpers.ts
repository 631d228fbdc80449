// Shared by the tests of bad workspace inputs: the corpus features asked everywhere in a few
// readouts, and a deadline that turns a hang into a failure.

import assert from 'node:assert/strict';
import { CorpusIndex } from '../../server/src/corpus/index';
import { createCorpusFeatures } from '../../server/src/features/corpusFeatures';

/** Asks hovers (every few characters), references, code lenses, related and workspace symbols; returns how many hovers answered. */
export function askEverything(index: CorpusIndex, documents: readonly { uri: string; text: string }[]): number {
  const features = createCorpusFeatures(index);
  let hovers = 0;
  for (const { uri, text } of documents) {
    const document = { uri, getText: () => text };
    const lines = text.split('\n');
    for (let line = 0; line < Math.min(lines.length, 30); line++) {
      for (let character = 0; character < lines[line].length; character += 4) {
        if (features.hover(document, { line, character })) hovers++;
        features.references(document, { line, character });
      }
    }
    features.codeLenses(document);
    features.related(document);
  }
  features.workspaceSymbols('');
  features.workspaceSymbols('会談');
  features.meetings();
  return hovers;
}

/** The promise's value, or a failure naming `what` when it takes longer than `ms`. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new assert.AssertionError({ message: `${what}: not done within ${ms} ms` })), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
