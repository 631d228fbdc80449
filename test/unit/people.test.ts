// The officeholders' knowledge file: well-formed entries, terms that make sense as a history
// (one holder at a time for single-holder offices, Japan's cabinet posts without gaps since 1990),
// and names that tell people apart by date.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import data from '../../server/src/knowledge/people.json';
import { COUNTRIES } from '../../server/src/knowledge/countries';
import { PEOPLE, Person, OfficeTerm, nameKey } from '../../server/src/knowledge/people';

const people = data.people as Person[];
const TODAY = new Date().toISOString().slice(0, 10);
/** A term still running is written with `to: null`; the comparisons read it as open-ended. */
const END_OF_TIME = '9999-12-31';

/** Offices one person holds at a time in a country; the day of a handover belongs to both holders. */
const SINGLE_HOLDER = new Set([
  '内閣総理大臣', '外務大臣', '防衛大臣', '防衛庁長官', '内閣官房長官', '大統領', '首相', '国務長官', '国防長官',
  '国家主席', '国務院総理', '外交部長', '国防部長', '外交部長官', '国防部長官', '国務総理', '国防大臣', '国王',
  '欧州委員会委員長', '欧州理事会議長', '外務・安全保障政策上級代表',
]);

/**
 * Real cases of two holders of one office at once, as `country title`: none are needed so far.
 * (The UAE's rulers are each 首長 of their own emirate, so 首長 is not a single-holder office.)
 */
const CO_HOLDERS = new Set<string>([]);

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Terms overlap when they share more than a handover day. */
function overlap(a: OfficeTerm, b: OfficeTerm): boolean {
  return a.from < (b.to ?? END_OF_TIME) && b.from < (a.to ?? END_OF_TIME);
}

function describeTerm(person: Person, term: OfficeTerm): string {
  return `${person.id} ${term.title} ${term.from}–${term.to ?? ''}`;
}

/** Pairs of people who share a key and held some office at the same time. */
function clashesOf(owners: Map<string, Person[]>, sameTitle: boolean): string[] {
  const clashes: string[] = [];
  for (const [key, list] of owners) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i], list[j]];
        const together = a.offices.some((x) => b.offices.some((y) => (!sameTitle || x.title === y.title) && overlap(x, y)));
        if (together) clashes.push(`${key}: ${a.id} and ${b.id}`);
      }
    }
  }
  return clashes;
}

function addOwner(owners: Map<string, Person[]>, key: string, person: Person): void {
  const list = owners.get(key) ?? [];
  if (!list.includes(person)) list.push(person);
  owners.set(key, list);
}

describe('people knowledge file', () => {
  it('has unique, well-formed ids and the fields every entry needs', () => {
    const ids = people.map((person) => person.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    for (const person of people) {
      assert.match(person.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, person.id);
      assert.ok(person.family.length > 0 && person.names.length > 0 && person.latin.length > 0, person.id);
      assert.ok(person.offices.length > 0, `${person.id} has no office`);
    }
  });

  it('writes every country as a code countries.json knows', () => {
    const codes = new Set(COUNTRIES.map((country) => country.code));
    assert.deepEqual(people.filter((person) => !codes.has(person.country)).map((person) => `${person.id} ${person.country}`), []);
  });

  it('writes the family name as part of a full name or as a variant', () => {
    const missing = people.filter((person) => {
      const forms = [...person.names, ...person.variants];
      const parts = forms.flatMap((form) => form.split(/[・･]/));
      return !forms.some((form) => form.startsWith(person.family) || form.endsWith(person.family)) && !parts.includes(person.family);
    });
    assert.deepEqual(missing.map((person) => `${person.id} ${person.family}`), []);
  });

  it('dates every term with real ISO dates, from ≤ to, and leaves open only terms that started', () => {
    const bad: string[] = [];
    for (const person of people) {
      for (const term of person.offices) {
        const ok =
          isIsoDate(term.from) && term.from <= TODAY &&
          (term.to === null || (isIsoDate(term.to) && term.from <= term.to && term.to <= TODAY));
        if (!ok) bad.push(describeTerm(person, term));
      }
    }
    assert.deepEqual(bad, []);
  });

  it('never overlaps one person’s terms in the same office', () => {
    const bad: string[] = [];
    for (const person of people) {
      person.offices.forEach((a, i) =>
        person.offices.slice(i + 1).forEach((b) => {
          if (a.title === b.title && overlap(a, b)) bad.push(`${describeTerm(person, a)} / ${b.from}`);
        }),
      );
    }
    assert.deepEqual(bad, []);
  });

  it('has one holder at a time of each single-holder office in a country', () => {
    const holders = new Map<string, { person: Person; term: OfficeTerm }[]>();
    for (const person of people) {
      for (const term of person.offices) {
        if (!SINGLE_HOLDER.has(term.title)) continue;
        const office = `${person.country} ${term.title}`;
        holders.set(office, [...(holders.get(office) ?? []), { person, term }]);
      }
    }
    const clashes: string[] = [];
    for (const [office, terms] of holders) {
      if (CO_HOLDERS.has(office)) continue;
      terms.forEach((a, i) =>
        terms.slice(i + 1).forEach((b) => {
          if (a.person !== b.person && overlap(a.term, b.term)) clashes.push(`${describeTerm(a.person, a.term)} / ${describeTerm(b.person, b.term)}`);
        }),
      );
    }
    assert.deepEqual(clashes, []);
  });

  it('has Japan’s prime ministers, foreign and defence ministers and chief cabinet secretaries without a gap since 1990', () => {
    const offices: Record<string, string[]> = {
      内閣総理大臣: ['内閣総理大臣'],
      外務大臣: ['外務大臣'],
      防衛: ['防衛庁長官', '防衛大臣'],
      内閣官房長官: ['内閣官房長官'],
    };
    const gaps: string[] = [];
    for (const [office, titles] of Object.entries(offices)) {
      const terms = people
        .filter((person) => person.country === 'JP')
        .flatMap((person) => person.offices.filter((term) => titles.includes(term.title)))
        .filter((term) => (term.to ?? END_OF_TIME) >= '1990-01-01')
        .sort((a, b) => a.from.localeCompare(b.from));
      assert.ok(terms[0].from <= '1990-01-01', `${office} from ${terms[0].from}`);
      assert.equal(terms[terms.length - 1].to, null, `${office} has a holder today`);
      let reached = terms[0].to ?? END_OF_TIME;
      for (const term of terms.slice(1)) {
        // An acting minister between two appointments is not listed: two days at most.
        const days = (Date.parse(term.from) - Date.parse(reached)) / 86_400_000;
        if (days > 2) gaps.push(`${office} ${reached} – ${term.from}`);
        if ((term.to ?? END_OF_TIME) > reached) reached = term.to ?? END_OF_TIME;
      }
    }
    assert.deepEqual(gaps, []);
  });

  it('gives a full name, Japanese or Latin, to one person at a time: namesakes are told apart by their eras', () => {
    const owners = new Map<string, Person[]>();
    for (const person of people) {
      for (const form of [...person.names, ...person.variants, person.latin].filter(Boolean)) addOwner(owners, nameKey(form), person);
    }
    assert.deepEqual(clashesOf(owners, false), []);
  });

  it('tells people written with one family name apart by office and date', () => {
    const owners = new Map<string, Person[]>();
    for (const person of people) addOwner(owners, `${person.country} ${nameKey(person.family)}`, person);
    assert.deepEqual(clashesOf(owners, true), []);
  });
});

describe('people resolved by name, office and date', () => {
  const resolved = (written: string, options: { title?: string; date?: string; country?: string }) =>
    PEOPLE.resolve(written, options)?.id ?? null;

  it('tells Japan’s namesakes apart by the office held that day', () => {
    assert.equal(resolved('河野', { title: '外務大臣', date: '1995-03-01' }), 'kono-yohei');
    assert.equal(resolved('河野', { title: '内閣官房長官', date: '1993-01-10' }), 'kono-yohei');
    assert.equal(resolved('河野', { title: '外務大臣', date: '2018-03-01' }), 'kono-taro');
    assert.equal(resolved('中山', { title: '外務大臣', date: '1990-06-01' }), 'nakayama-taro');
    assert.equal(resolved('中山', { title: '防衛庁長官', date: '1993-03-01' }), 'nakayama-toshio');
    assert.equal(resolved('加藤', { title: '内閣官房長官', date: '1992-01-15' }), 'kato-koichi');
    assert.equal(resolved('加藤', { title: '内閣官房長官', date: '2021-01-15' }), 'kato-katsunobu');
  });

  it('finds foreign ministers by their last name and the date', () => {
    assert.equal(resolved('ウォン', { title: '外務大臣', date: '2023-01-01' }), 'wong-penny');
    assert.equal(resolved('ラブロフ', { title: '外務大臣', date: '2010-05-01' }), 'lavrov-sergey');
    assert.equal(resolved('イワノフ', { title: '外務大臣', date: '2001-05-01' }), 'ivanov-igor');
    assert.equal(resolved('イワノフ', { title: '国防大臣', date: '2005-05-01' }), 'ivanov-sergei');
  });

  it('tells leaders who share a name apart by office, date and country', () => {
    assert.equal(resolved('ウォン', { title: '首相', date: '2025-01-01' }), 'wong-lawrence');
    assert.equal(resolved('ウォン', { title: '外務大臣', date: '2025-01-01' }), 'wong-penny');
    assert.equal(resolved('ラスムセン', { title: '首相', date: '2005-01-01' }), 'rasmussen-anders-fogh');
    assert.equal(resolved('ラスムセン', { title: '首相', date: '2016-01-01' }), 'rasmussen-lars-lokke');
    assert.equal(resolved('トゥスク', { title: '欧州理事会議長', date: '2016-01-01' }), 'tusk-donald-eu');
    assert.equal(resolved('トゥスク', { title: '首相', date: '2024-06-01' }), 'tusk-donald');
    assert.equal(resolved('ブッシュ', { title: '大統領', date: '1991-06-01' }), 'bush-george-hw');
    assert.equal(resolved('ブッシュ', { title: '大統領', date: '2005-06-01' }), 'bush-george-w');
    assert.equal(resolved('李', { title: '国務院総理', date: '1995-01-01', country: 'CN' }), 'li-peng');
  });

  it('leaves a family name alone unresolved when its only namesake in the file held no such office near that date', () => {
    // 梶山静六 left office in the 1990s; the 経済産業大臣 of 2020 is another 梶山.
    assert.equal(resolved('梶山', { title: '経済産業大臣', date: '2020-06-01' }), null);
    assert.equal(resolved('武藤', { title: '経済産業大臣', date: '2024-12-01' }), null);
    // The office he held, his full name, or a date near his terms still give him.
    assert.equal(resolved('梶山', { title: '内閣官房長官', date: '2020-06-01' }), 'kajiyama-seiroku');
    assert.equal(resolved('梶山静六', { date: '2020-06-01' }), 'kajiyama-seiroku');
    assert.equal(resolved('梶山', { date: '1997-01-01' }), 'kajiyama-seiroku');
    // A former prime minister named years on.
    assert.equal(resolved('安倍', { title: '総理', date: '2023-01-01' }), 'abe-shinzo');
  });
});
