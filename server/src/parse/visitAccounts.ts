// Who an account of a visit met: a minister's blog or a news page that tells the meetings in turn
// ('まず…を表敬しました。次に…と防衛相会談を行いました。最後に…'), and the writer who speaks of
// themselves by office ('防衛大臣として、…を訪れました').

import { COUNTRY_FULL_NAMES, countryCode, findCountryWords } from '../knowledge/countries';
import type { PeopleIndex } from '../knowledge/people';
import { Participant, Span } from '../model/readout';
import { NamedOffice, findNamedOffices } from './participants';
import { japaneseHolder } from './pressHost';

/** A sentence (or any piece of text) and where it starts in the document. */
interface Sentence {
  readonly start: number;
  readonly text: string;
}

/** What someone met is named before: 'から電話を頂き' (a call on a tour), 'を表敬', 'と防衛相会談を行い', 'と会談した', 'と会見', 'と懇談'; not 'との会談で' (a meeting spoken of). */
const MET_VERB = /^(?:を表敬|から電話(?:を(?:頂|いただ|受け)|があ)|への表敬を行|と(?:の間で)?(?:首脳|外相|防衛相|電話|テレビ)?(?:会談|会見|懇談)(?:を(?:行|実施)|し|。|、)|と(?:それぞれ|相次いで|個別に)(?:首脳|外相|防衛相)?(?:電話)?会談|(?:から|による)(?:それぞれ)?表敬を受け)/;
/** What joins one named person to the next of a list before one verb: 'A大統領、B首相及びC委員長とそれぞれ会談'. */
const LIST_JOIN = /^(?:[(（][^()（）]{0,160}[)）])?(?:[、,，]|及び|および|並びに)[^。はがをに]{0,60}$/;
/** A bracketed reading or office after a name, skipped before the verb. */
const AFTER_NAME_BRACKET = /^[(（][^()（）]{1,160}[)）]/;

/**
 * The named people a sentence says were met: each one the meeting verb follows, and each one listed
 * before another who is met ('A大統領、B首相…とそれぞれ会談を行いました' met them all).
 */
export function metInList<T extends { readonly start: number; readonly end: number }>(text: string, named: readonly T[], verb: RegExp): T[] {
  const met: T[] = [];
  let next: T | null = null;
  for (let i = named.length - 1; i >= 0; i--) {
    const after = text.slice(named[i].end);
    const listed = next !== null && next === named[i + 1] && LIST_JOIN.test(text.slice(named[i].end, next.start));
    if (listed || verb.test(after.replace(AFTER_NAME_BRACKET, ''))) {
      met.unshift(named[i]);
      next = named[i];
    }
  }
  return met;
}
/** Sentences that open a step of a visit's programme: 'まず、', '次に、', '続いて、', '最後に、', 'その後、'. */
const IN_TURN = /^[\s\u3000]*(?:まず|次に|次いで|続いて|その後|最後に|また|さらに|更に)[、,，]/;
/**
 * A tour's step told by the country visited, as a minister's blog does: '…であるチュニジアでは、…大統領を表敬し',
 * '最後にトルコでは、…外相と会談し'. The country is that of the people met there who carry none of their own.
 */
const COUNTRY_STEP = new RegExp(`^[^。「」]{0,40}?(?<![ァ-ヴー一-龥々])(${COUNTRY_FULL_NAMES})(?:で|において)は[、,，]`);
/** Whether a country is written with the name ('モーリシャスのボダ外相', 'ボダ・モーリシャス外相'), not taken from the office or a guess. */
function countryWritten(text: string, named: NamedOffice): boolean {
  const matched = text.slice(named.start, named.nameStart) + text.slice(named.nameStart + named.name.length, named.end);
  return findCountryWords(matched).length > 0;
}

/** A first-person account of a minister's visit: '防衛大臣として、カンボジア王国…を訪れました'. */
const FIRST_PERSON_OFFICE = /^[\s\u3000]*(外務大臣|防衛大臣)として[、,，]?[^。]{0,40}(?:訪問し|訪れ|出席し)/;
/** How many of the opening sentences can tell the writer's office. */
const WRITER_SENTENCES = 3;

/**
 * The parties an account of a visit names beyond its lead: each one met in a step of its own (two
 * steps at least), and the writer when no Japanese participant is named.
 */
export function visitParties(opening: readonly Sentence[], date: string | null, found: readonly Participant[], people: PeopleIndex): (Participant & { span: Span; visited?: boolean })[] {
  const parties = metInTurn(opening, date, people);
  const noJapanese = !found.some((p) => p.country === 'JP') && !parties.some((p) => p.country === 'JP');
  const writer = date && noJapanese ? firstPersonMinister(opening, date, people) : null;
  const principal = noJapanese && !writer && found.some((p) => p.country !== null) ? japanesePrincipal(opening, date, people) : null;
  return writer ? [...parties, writer] : principal ? [...parties, principal] : parties;
}

/**
 * A news copy whose lead names only the counterpart ('…大統領との初めての首脳会談に臨みました') names
 * the Japanese principal in another opening sentence: as the subject of the talks ('高市首相が30日夜、
 * 李在明大統領と首脳会談を行い') or as the one a visitor joined ('京都で安倍晋三首相と合流').
 */
function japanesePrincipal(opening: readonly Sentence[], date: string | null, people: PeopleIndex): (Participant & { span: Span }) | null {
  for (const sentence of opening.slice(0, PRINCIPAL_SENTENCES)) {
    for (const named of findNamedOffices(sentence.text, people, date)) {
      const japanese = named.country === 'JP' || (named.country === null && /^[一-龥々]+$/.test(named.name));
      if (!japanese || !MEETING_SUBJECT_OR_JOINED.test(sentence.text.slice(named.end))) continue;
      const start = sentence.start + named.nameStart;
      return { name: named.name, title: named.title, country: 'JP', span: { start, end: start + named.name.length } };
    }
  }
  return null;
}

const MEETING_SUBJECT_OR_JOINED = /^(?:(?:は|が)[^。「」]{0,60}?と(?:の)?(?:初めての|初の)?(?:首脳|外相|防衛相|電話)?(?:会談|会い|面会|懇談|協議)|と合流)/;
/** How many opening sentences can name the Japanese principal. */
const PRINCIPAL_SENTENCES = 8;

function metInTurn(opening: readonly Sentence[], date: string | null, people: PeopleIndex): (Participant & { span: Span; visited: boolean })[] {
  const steps = opening.filter((sentence) => IN_TURN.test(sentence.text) || COUNTRY_STEP.test(sentence.text));
  if (steps.length < 2) return [];
  return steps.flatMap((sentence) => {
    const step = COUNTRY_STEP.exec(sentence.text);
    const country = step ? countryCode(step[1]) : null;
    return metInList(sentence.text, findNamedOffices(sentence.text, people, date), MET_VERB).map((named) => {
      const start = sentence.start + named.nameStart;
      const visited = country !== null && !countryWritten(sentence.text, named);
      return { name: named.name, title: named.title, country: visited ? country : named.country, span: { start, end: start + named.name.length }, visited };
    });
  });
}

function firstPersonMinister(opening: readonly Sentence[], date: string, people: PeopleIndex): (Participant & { span: Span }) | null {
  for (const sentence of opening.slice(0, WRITER_SENTENCES)) {
    const found = FIRST_PERSON_OFFICE.exec(sentence.text);
    const name = found ? japaneseHolder(found[1], date, people) : null;
    if (found && name) {
      const start = sentence.start + sentence.text.indexOf(found[1]);
      return { name, title: found[1], country: 'JP', span: { start, end: start + found[1].length } };
    }
  }
  return null;
}

/** A line cut after each 。 that stands outside a quote (a news copy's long quotes count as one sentence each), its first `limit` pieces. */
export function sentencesOutsideQuotes(text: string, limit = Infinity): string[] {
  const pieces: string[] = [];
  let [from, depth] = [0, 0];
  for (let i = 0; i < text.length && pieces.length < limit; i++) {
    const character = text[i];
    if (character === '「') depth++;
    else if (character === '」') depth = Math.max(0, depth - 1);
    else if ((character === '。' || character === '．') && depth === 0) {
      pieces.push(text.slice(from, i + 1));
      from = i + 1;
    }
  }
  if (from < text.length && pieces.length < limit) pieces.push(text.slice(from));
  return pieces;
}
