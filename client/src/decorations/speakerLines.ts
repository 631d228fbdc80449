// Which speaker's bar a line gets. A bar is drawn along the whole line, at its left edge, so that it
// reads as a margin mark and never as a text cursor; a line shared by two speakers goes to the one
// who says most of it.

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface SpeakerSpans {
  readonly colorIndex: number;
  readonly ranges: readonly { readonly start: Position; readonly end: Position }[];
}

/** For each line that someone speaks on, the colour index of its main speaker. */
export function speakerOfLines(speakers: readonly SpeakerSpans[], lineLength: (line: number) => number): Map<number, number> {
  const best = new Map<number, { colorIndex: number; characters: number }>();
  for (const speaker of speakers) {
    const spoken = new Map<number, number>();
    for (const { start, end } of speaker.ranges) {
      for (let line = start.line; line <= end.line; line++) {
        const from = line === start.line ? start.character : 0;
        const to = line === end.line ? end.character : lineLength(line);
        if (to > from) spoken.set(line, (spoken.get(line) ?? 0) + to - from);
      }
    }
    for (const [line, characters] of spoken) {
      const current = best.get(line);
      if (!current || characters > current.characters) best.set(line, { colorIndex: speaker.colorIndex, characters });
    }
  }
  return new Map([...best].map(([line, { colorIndex }]) => [line, colorIndex]));
}
