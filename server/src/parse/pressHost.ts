// The one participant of a press conference: the minister who gives it. The press is not a
// participant, nor are the people the minister speaks of ('ウォレス国防大臣をお迎えして'). The
// host is named by a tag ('(麻生外務大臣)'), the title or header ('林外務大臣会見記録',
// '岸防衛大臣閣議後会見'), the lead ('…麻生大臣が会見を行ったところ'), a self-introduction
// ('防衛大臣に就任いたしました北澤俊美でございます'), by any mention of someone who held the
// conference's office that day ('麻生大臣のインド・パキスタン訪問' on a 外務大臣会見記録), or else by
// the knowledge file's holder of that office on the day.

import type { PeopleIndex } from '../knowledge/people';
import { NamedOffice, findNamedOffices } from './participants';
/** A piece of text and where it starts in the document. */
interface Sentence {
  readonly start: number;
  readonly text: string;
}

export interface HostCandidate {
  readonly named: Pick<NamedOffice, 'name' | 'title' | 'country' | 'nameStart'>;
  /** Where the source text starts in the document. */
  readonly sourceStart: number;
}

/** What follows a host's name and office in a title or header: '会見記録', '閣議後会見', '記者会見', a minister's portfolio '（防災担当）記者会見'. */
const CONFERENCE_AFTER = /^(?:[(（][^()（）]{1,30}担当[)）])?(?:の)?(?:閣議後|臨時|定例|離任|就任)?(?:記者)?会見/;
/** A lead that reports the conference: '…麻生大臣が会見を行ったところ', '高村大臣は…記者会見を行った'. */
const CONFERENCE_SUBJECT = /^[はが]/;
const CONFERENCE_WORD = /会見/;
/** An inaugural conference's self-introduction: '防衛大臣を拝命いたしました北澤俊美です', '…に就任いたしました北澤俊美でございます'. */
const SELF_INTRODUCTION = /(外務大臣|防衛大臣|官房長官|内閣官房長官|外務副大臣|防衛副大臣)(?:を(?:再び)?拝命|に就任)(?:を)?(?:(?:いた)?しました|させていただきました)([一-龥々]{2,6})(?:[(（][^()（）]{1,20}[)）])?で(?:す|ございます)/;
/** The offices whose holders give press conferences, as a page's title or header names them. */
const CONFERENCE_OFFICE = /(外務副大臣|防衛副大臣|外務大臣|防衛大臣|官房長官|外務報道官|(?<![省府部局])報道官)/;

function isJapanese(named: Pick<NamedOffice, 'name' | 'country'>): boolean {
  return named.country === 'JP' || (named.country === null && /^[一-龥々]+$/.test(named.name));
}

/** A named tag, or a name and office the title, header or lead tie to the conference. */
export function namedHost(sources: readonly Sentence[], tags: readonly Sentence[], date: string | null, people: PeopleIndex): HostCandidate | null {
  for (const tag of tags) {
    const named = findNamedOffices(tag.text, people, date).find(isJapanese);
    if (named) return { named, sourceStart: tag.start };
  }
  for (const source of sources) {
    const found = findNamedOffices(source.text, people, date).filter(isJapanese);
    const byConference = found.find((named) => CONFERENCE_AFTER.test(source.text.slice(named.end)));
    const bySubject = CONFERENCE_WORD.test(source.text) ? found.find((named) => CONFERENCE_SUBJECT.test(source.text.slice(named.end))) : undefined;
    const named = byConference ?? bySubject;
    if (named) return { named, sourceStart: source.start };
    const introduction = SELF_INTRODUCTION.exec(source.text);
    if (introduction) {
      const nameStart = introduction.index + introduction[0].indexOf(introduction[2], introduction[1].length);
      return { named: { name: introduction[2], title: introduction[1], country: 'JP', nameStart }, sourceStart: source.start };
    }
  }
  return null;
}

/** The office the conference is of, as its titles and header write it ('外務大臣会見記録'), and where. */
export function conferenceOffice(sources: readonly Sentence[]): { office: string; source: Sentence; at: number } | null {
  for (const source of sources) {
    const found = CONFERENCE_OFFICE.exec(source.text);
    if (found && CONFERENCE_WORD.test(source.text)) return { office: found[1], source, at: found.index };
  }
  return null;
}

/** The titles the knowledge file gives the offices whose holders hold one conference each ('防衛庁長官' before 2007). */
const HELD_AS: Readonly<Record<string, readonly string[]>> = {
  外務大臣: ['外務大臣'],
  防衛大臣: ['防衛大臣', '防衛庁長官'],
  官房長官: ['内閣官房長官', '官房長官'],
};

/**
 * The host of a conference that never names them ('外務大臣会見記録' and '(外務大臣)' tags only): the one
 * Japanese official who held its office on its date, named at the office in the header.
 */
export function holderOfDay(found: { office: string; source: Sentence; at: number }, date: string, people: PeopleIndex): HostCandidate | null {
  const name = japaneseHolder(found.office, date, people);
  return name ? { named: { name, title: found.office, country: 'JP', nameStart: found.at }, sourceStart: found.source.start } : null;
}

/** Whether the knowledge file follows who held an office (a minister's), so that the holder of a day can be named. */
export function hasKnownHolders(office: string): boolean {
  return office in HELD_AS;
}

/** The full name of the one Japanese official the knowledge file has in an office on a date. */
export function japaneseHolder(office: string, date: string, people: PeopleIndex): string | null {
  const titles = HELD_AS[office];
  if (!titles) return null;
  const holding = (term: { title: string; from: string; to: string | null }) => titles.includes(term.title) && term.from <= date && (term.to === null || date <= term.to);
  const holders = people.people.filter((person) => person.country === 'JP' && person.offices.some(holding));
  return holders.length === 1 ? holders[0].names[0] : null;
}

/** Someone the text names who held the conference's office on its date: the host, named in passing. */
export function officeHolder(lines: Iterable<Sentence>, office: string, date: string, people: PeopleIndex): HostCandidate | null {
  for (const line of lines) {
    for (const named of findNamedOffices(line.text, people, date)) {
      if (!isJapanese(named)) continue;
      const person = people.resolve(named.name, { date, country: 'JP' });
      const held = person?.offices.some((term) => (term.title === office || term.title.endsWith(office)) && term.from <= date && (term.to === null || date <= term.to));
      if (held) return { named: { ...named, title: office, country: 'JP' }, sourceStart: line.start };
    }
  }
  return null;
}

/**
 * The full name of a Japanese host written by the family name alone ('木原防衛大臣閣議後会見'), when the
 * knowledge file has that person in the office on the day; else the name as written.
 */
export function hostFullName(name: string, title: string | null, date: string | null, people: PeopleIndex): string {
  if (!date || !/^[一-龥々]+$/.test(name)) return name;
  const person = people.resolve(name, { title, date, country: 'JP' });
  const held = person?.offices.some((term) => (!title || term.title === title || term.title.endsWith(title) || title.endsWith(term.title)) && term.from <= date && (term.to === null || date <= term.to));
  return person && held && person.names[0].startsWith(name) ? person.names[0] : name;
}
