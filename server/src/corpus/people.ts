// People across the corpus: the knowledge file merged with a workspace's `.kaidan/people.json`,
// and the names a readout's body mentions, resolved to person ids by name, office, country and date.

import data from '../knowledge/people.json';
import { Person, PeopleIndex } from '../knowledge/people';
import { findNamedOffices } from '../parse/participants';
import { peopleFileSchema, personSchema } from './peopleSchema';
import { firstIssue } from './schemaIssue';

export const PEOPLE_OVERRIDE_PATH = '.kaidan/people.json';

/** One problem found in an override file; the valid entries are still used. */
export interface PeopleFileProblem {
  readonly message: string;
}

/**
 * The knowledge file with the override's entries added; an entry with a known id replaces it.
 * `overrideText` is the text of `.kaidan/people.json` (same schema as knowledge/people.json); each
 * entry that does not fit the schema is named in a problem and left out.
 */
export function loadPeople(overrideText?: string | null): { people: PeopleIndex; problems: PeopleFileProblem[] } {
  const base = data.people as Person[];
  const problems: PeopleFileProblem[] = [];
  if (!overrideText) return { people: new PeopleIndex(base), problems };
  let parsed: unknown;
  try {
    parsed = JSON.parse(overrideText);
  } catch (error) {
    problems.push({ message: `${PEOPLE_OVERRIDE_PATH} is not valid JSON: ${(error as Error).message}` });
    return { people: new PeopleIndex(base), problems };
  }
  const file = peopleFileSchema.safeParse(parsed);
  if (!file.success) {
    problems.push({ message: `${PEOPLE_OVERRIDE_PATH} has no "people" array` });
    return { people: new PeopleIndex(base), problems };
  }
  const byId = new Map(base.map((person) => [person.id, person]));
  file.data.people.forEach((entry, i) => {
    const person = personSchema.safeParse(entry);
    if (person.success) byId.set(person.data.id, person.data);
    else problems.push({ message: `${PEOPLE_OVERRIDE_PATH}: entry ${i} left out (${firstIssue(person.error)})` });
  });
  return { people: new PeopleIndex([...byId.values()]), problems };
}

/** A person named in a readout's text, with or without an office. */
export interface NameInText {
  readonly name: string;
  readonly title: string | null;
  readonly country: string | null;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** The name with its office. */
  readonly start: number;
  readonly end: number;
}

// Foreign names outside an office phrase ('ブリンケンさん', 'マティス氏'): katakana runs of known people only.
const KATAKANA_RUN = /[ァ-ヴ][ァ-ヴー・･]*[ァ-ヴー]/g;

/** Names with an office anywhere in the text, plus bare katakana names the people index knows. */
export function findNamesInText(text: string, people: PeopleIndex, date: string | null): NameInText[] {
  const found: NameInText[] = findNamedOffices(text, people, date).map((named) => ({
    name: named.name,
    title: named.title,
    country: named.country,
    nameStart: named.nameStart,
    nameEnd: named.nameStart + named.name.length,
    start: named.start,
    end: named.end,
  }));
  const withOffice = found.length;
  // Both lists run in text order: one pointer tells whether a run starts inside a name with its office.
  let next = 0;
  const covered = (start: number) => {
    while (next < withOffice && found[next].end <= start) next++;
    return next < withOffice && found[next].start <= start;
  };
  for (const match of text.matchAll(KATAKANA_RUN)) {
    const start = match.index!;
    if (covered(start) || match[0].length < 3 || people.candidates(match[0]).length === 0) continue;
    found.push({ name: match[0], title: null, country: null, nameStart: start, nameEnd: start + match[0].length, start, end: start + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The office a person held on a date ('外務大臣 2021-11-10 – 2023-09-13'), for hovers. */
export function officeOn(person: Person, date: string | null): Person['offices'][number] | null {
  if (!date) return person.offices[person.offices.length - 1] ?? null;
  return person.offices.find((office) => office.from <= date && (office.to === null || date <= office.to)) ?? null;
}

const byIdOf = new WeakMap<PeopleIndex, Map<string, Person>>();

/** The knowledge file's person of an id. */
export function personById(people: PeopleIndex, id: string): Person | undefined {
  let byId = byIdOf.get(people);
  if (!byId) byIdOf.set(people, (byId = new Map(people.people.map((person) => [person.id, person]))));
  return byId.get(id);
}

/** The person's full name as the knowledge file writes it. */
export function displayName(person: Person): string {
  return person.names[0] ?? person.family;
}
