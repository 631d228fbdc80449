// Copies of what is kept long after the text it came from. V8 cuts a substring as a view into its
// parent string, so a sentence cut from a readout and kept in a summary would keep the whole readout
// alive for as long as the summary lives.

/** The string with storage of its own, sharing none with the string it was cut from. */
export function ownString(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

/** A deep copy of plain data (objects, arrays, strings, numbers, null) whose strings share no storage with any other. */
export function detached<T>(value: T): T {
  if (typeof value === 'string') return ownString(value) as T;
  if (Array.isArray(value)) return value.map(detached) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = detached(field);
  return copy as T;
}
