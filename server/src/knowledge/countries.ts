// Countries and the abbreviations readouts compound them with (日米, 日露, 日米韓, 露朝).

import data from './countries.json';
import { matchesOf } from '../parse/text';

export interface Country {
  readonly code: string;
  readonly name: string;
  readonly names: readonly string[];
  readonly short: readonly string[];
  readonly latin: string;
}

export const COUNTRIES: readonly Country[] = data.countries;

const BY_WRITTEN = new Map<string, string>();
const BY_SHORT = new Map<string, string>();
for (const country of COUNTRIES) {
  for (const name of [country.name, ...country.names]) BY_WRITTEN.set(name, country.code);
  for (const short of country.short) {
    BY_WRITTEN.set(short, country.code);
    BY_SHORT.set(short, country.code);
  }
}

const BY_CODE = new Map(COUNTRIES.map((country) => [country.code, country]));

function alternation(names: Iterable<string>): string {
  return [...new Set(names)]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

/** Every written form of a country name, abbreviations included, longest first, as a regex alternation. */
export const COUNTRY_NAMES = alternation(BY_WRITTEN.keys());

/** Full country names only ('アメリカ合衆国', '韓国'), for places where an abbreviation would be ambiguous. */
export const COUNTRY_FULL_NAMES = alternation(COUNTRIES.flatMap((country) => [country.name, ...country.names]));

const FULL_NAMES = new Set(COUNTRIES.flatMap((country) => [country.name, ...country.names]));

/** Whether the text is a country's full name ('アメリカ合衆国', '韓国'), as COUNTRY_FULL_NAMES matches it. */
export function isFullCountryName(text: string): boolean {
  return FULL_NAMES.has(text);
}

export const LONGEST_FULL_COUNTRY_NAME = Math.max(...[...FULL_NAMES].map((name) => name.length));

export function countryCode(written: string): string | null {
  return BY_WRITTEN.get(written) ?? null;
}

export function countryName(code: string): string {
  return BY_CODE.get(code)?.name ?? code;
}

const SHORT_CHARACTERS = [...BY_SHORT.keys()].filter((short) => short.length === 1).join('');

/** A run of one-character abbreviations such as 日米韓, as a regex source. */
export const COUNTRY_COMPOUND = `[${SHORT_CHARACTERS}]{2,4}`;

/**
 * A compound that names the parties of a meeting or relation: not glued to a preceding kanji
 * (訪日中 is not 日中) and followed by what such compounds qualify.
 */
const PARTY_COMPOUND = new RegExp(
  `(?<![一-龥々ァ-ヴー])(${COUNTRY_COMPOUND})(?=首脳|外相|外務|防衛|国防|閣僚|[「『2２]|会談|会合|会議|電話|外交|両|間|首相|共同|安全保障|戦略|次官|協議|経済|関係|同盟|交流)`,
  'g',
);

// Katakana around a name makes it part of another word: 'マリ' in 'マリズ・ペイン', 'ソ米' in 'アルフォンソ米…'.
const COUNTRY_WORD = new RegExp(`(?<![一-龥々ァ-ヴー])(${COUNTRY_COMPOUND})(?=[一-龥「『2２])|(?<![ァ-ヴー])(?:${COUNTRY_FULL_NAMES})(?![ァ-ヴー])`, 'g');

/** Spans of country names and compounds (米国, ロシア, 日米, 日米韓) in `text`, for colouring. */
export function findCountryWords(text: string): readonly { start: number; end: number }[] {
  // Asked of every line to colour it: a line with no country gets the shared empty list, not two new ones.
  COUNTRY_WORD.lastIndex = 0;
  if (!COUNTRY_WORD.test(text)) return NO_COUNTRY_WORDS;
  const found: { start: number; end: number }[] = [];
  for (const match of matchesOf(COUNTRY_WORD, text)) {
    if (match[1] && !compoundCountries(match[1])) continue;
    found.push({ start: match.index!, end: match.index! + match[0].length });
  }
  return found;
}

const NO_COUNTRY_WORDS: readonly { start: number; end: number }[] = Object.freeze([]);

/** '日・ケニア首脳会談', '日インドネシア外相会談', '日・サウジアラビア': Japan and a country written in full. */
const FULL_NAME_PARTY = new RegExp(
  `(?<![一-龥々])日・?(${COUNTRY_FULL_NAMES})(?=首脳|外相|外務|防衛|国防|閣僚|[「『2２]|会談|会合|会議|電話|外交|両|間|首相|共同|安全保障|戦略|次官|協議|経済|関係|交流)`,
  'g',
);

/** The countries of every party compound in `text`, in order of appearance. */
export function partyCountries(text: string): string[] {
  const found: { index: number; codes: string[] }[] = [];
  for (const match of matchesOf(PARTY_COMPOUND, text)) found.push({ index: match.index!, codes: compoundCountries(match[1]) ?? [] });
  if (text.includes('日')) {
    for (const match of matchesOf(FULL_NAME_PARTY, text)) found.push({ index: match.index!, codes: ['JP', countryCode(match[1])!] });
  }
  const codes: string[] = [];
  for (const { codes: party } of found.sort((a, b) => a.index - b.index)) for (const code of party) if (!codes.includes(code)) codes.push(code);
  return codes;
}

/**
 * Codes of a compound like 日米韓 or 露朝, or null when any character is not an abbreviation.
 * Only compounds of two or more are read: a lone 米 is too often part of another word.
 */
export function compoundCountries(compound: string): string[] | null {
  if (compound.length < 2) return null;
  const codes: string[] = [];
  for (const ch of compound) {
    const code = BY_SHORT.get(ch);
    if (!code) return null;
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}
