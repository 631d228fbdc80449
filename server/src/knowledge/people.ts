// Officeholders: who a name written in a readout can be, resolved by the meeting's date.

import data from './people.json';

export interface OfficeTerm {
  readonly title: string;
  readonly from: string;
  readonly to: string | null;
}

export interface Person {
  readonly id: string;
  readonly family: string;
  readonly names: readonly string[];
  readonly variants: readonly string[];
  readonly reading?: string;
  readonly latin: string;
  readonly country: string;
  readonly offices: readonly OfficeTerm[];
}

/**
 * A spelling-insensitive key: ヴァ/バ and ヴ/ブ are one, long vowels and separators (・, spaces, =)
 * do not count, and full-width letters are plain ones, so that ラヴロフ, ラブロフ and セルゲイ・ラブロフ
 * meet, and ティラーソン and ティラソン, and ラヴロフ,セルゲイ (family name first) with セルゲイ・ラヴロフ;
 * a Latin name is keyed without case, courtesy titles, initials and accents.
 */
export function nameKey(written: string): string {
  let key = nameKeys.get(written);
  if (key === undefined) {
    if (nameKeys.size >= NAME_KEY_CACHE) nameKeys.clear();
    key = spellingKey(written);
    nameKeys.set(written, key);
  }
  return key;
}

/** Names recur all through a corpus: their keys are remembered (a bounded cache). */
const NAME_KEY_CACHE = 50_000;
const nameKeys = new Map<string, string>();

/** '姓,名' order in katakana ('ラヴロフ,セルゲイ'): keyed as the given name, then the family name. */
const FAMILY_FIRST = /^([ァ-ヴー]+)[,，]([ァ-ヴー・]+)$/;

/** A Latin name as pages bracket it: '(The Honorable Rex W. Tillerson, Secretary of State …)'. */
const LATIN_ONLY = /^[\sA-Za-z.,'’()-]+$/;
const LATIN_COURTESY = /\b(?:the|hon(?:ou?rable)?|h\.?\s?e|his|her|excellency|mr|mrs|ms|dr|sir|dame|ratu|mp)\b\.?/g;

/**
 * A Latin name's key: what comes before the office, without courtesy titles, initials, case or
 * punctuation, so that 'The Honorable Rex W. Tillerson, …' and 'Rex Tillerson' meet.
 */
function latinKey(written: string): string {
  const name = written.replace(/^[\s(]+|[\s)]+$/g, '').split(',')[0].toLowerCase().replace(LATIN_COURTESY, ' ');
  return name
    .split(/[\s.]+/)
    .filter((part) => part.length > 1)
    .join('')
    .replace(/[^a-z]/g, '');
}

function spellingKey(written: string): string {
  // Accents do not tell Latin names apart ('Orbán', 'Orban').
  const plain = written.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (LATIN_ONLY.test(plain) && /[A-Za-z]{2}/.test(plain)) return latinKey(plain);
  return written
    .replace(FAMILY_FIRST, '$2$1')
    .normalize('NFKC')
    .replace(/[・･=＝ー\s\u3000]/g, '')
    .replace(/ヴァ/g, 'バ')
    .replace(/ヴィ/g, 'ビ')
    .replace(/ヴェ/g, 'ベ')
    .replace(/ヴォ/g, 'ボ')
    .replace(/ヴ/g, 'ブ');
}

export class PeopleIndex {
  private readonly byKey = new Map<string, Person[]>();

  constructor(readonly people: readonly Person[]) {
    for (const person of people) {
      const written = new Set([person.family, ...person.names, ...person.variants]);
      for (const form of written) this.add(nameKey(form), person);
      // Foreign full names are also written by their last part alone (ジェームズ・マティス → マティス).
      for (const full of [...person.names, ...person.variants]) {
        const parts = full.split(/[・･]/);
        if (parts.length > 1) this.add(nameKey(parts[parts.length - 1]), person);
      }
      // The Latin name a page brackets after the Japanese one is another key of the same person, whole or by its family name.
      if (person.latin) {
        this.add(nameKey(person.latin), person);
        this.add(nameKey(latinFamily(person)), person);
      }
    }
  }

  private add(key: string, person: Person): void {
    const list = this.byKey.get(key) ?? [];
    if (!list.includes(person)) list.push(person);
    this.byKey.set(key, list);
  }

  /** Everyone who can be written so. */
  candidates(written: string): readonly Person[] {
    return this.byKey.get(nameKey(written)) ?? [];
  }

  /**
   * The person a name stands for: the only candidate, or the one who held an office (matching
   * `title` when given) on `date`. Null when the text does not settle it.
   */
  resolve(written: string, options: { title?: string | null; date?: string | null; country?: string | null } = {}): Person | null {
    let candidates = this.candidates(written);
    if (options.country) candidates = candidates.filter((person) => person.country === options.country);
    const { date, title } = options;
    const titled = (office: OfficeTerm) => !title || office.title === title || office.title.endsWith(title) || title.endsWith(office.title);
    if (candidates.length === 1) return plausible(candidates[0], written, title ?? null, date ?? null, titled) ? candidates[0] : null;
    if (candidates.length === 0) return null;
    const holding = (person: Person, matchTitle: boolean) =>
      person.offices.some((office) => (!matchTitle || titled(office)) && (!date || (office.from <= date && (office.to === null || date <= office.to))));
    for (const matchTitle of [true, false]) {
      const found = candidates.filter((person) => holding(person, matchTitle));
      if (found.length === 1) return found[0];
      if (found.length > 1) candidates = found;
    }
    return null;
  }

  /** Whether a kanji run is a known family or full name (used to accept short kanji names). */
  isKnownName(written: string): boolean {
    return this.byKey.has(nameKey(written));
  }
}

/** The family name in a Latin name: first for Chinese, Korean and Vietnamese names ('Kang Kyung-wha'), last for the others ('Taro Kono'). */
function latinFamily(person: Person): string {
  const parts = person.latin.split(/\s+/);
  return FAMILY_FIRST_COUNTRIES.has(person.country) ? parts[0] : parts[parts.length - 1];
}

const FAMILY_FIRST_COUNTRIES: ReadonlySet<string> = new Set(['CN', 'KR', 'KP', 'TW', 'VN']);

/** How far from a person's terms a family name alone may still stand for them ('安倍元総理' years on). */
const FAMILY_NAME_YEARS = 10;

/**
 * Whether the only person a name can be is the one the text means. A full name is; a family name
 * alone ('梶山経済産業大臣' in 2020) is when the office written is one they held, or when the date
 * lies within some years of their terms: otherwise it is someone the knowledge file does not hold.
 */
function plausible(person: Person, written: string, title: string | null, date: string | null, titled: (office: OfficeTerm) => boolean): boolean {
  const key = nameKey(written);
  if (!date || [...person.names, ...person.variants, person.latin].some((name) => name && nameKey(name) === key)) return true;
  if (title && person.offices.some(titled)) return true;
  const year = Number(date.slice(0, 4));
  return person.offices.some((office) => Number(office.from.slice(0, 4)) <= year + 1 && (office.to === null || Number(office.to.slice(0, 4)) >= year - FAMILY_NAME_YEARS));
}

export const PEOPLE = new PeopleIndex(data.people as Person[]);
