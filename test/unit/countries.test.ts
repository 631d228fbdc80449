// The country knowledge file: one entry per code, every written form belonging to one country only,
// abbreviations short enough for compounds (日米韓), and the lookups the parser relies on.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COUNTRIES, compoundCountries, countryCode, countryName, partyCountries } from '../../server/src/knowledge/countries';

/** The 193 member states of the United Nations, by ISO 3166-1 alpha-2 code. */
const UN_MEMBERS = `AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD
  CL CN CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT
  HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC
  MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR RO RU RW KN LC VC WS SM ST SA SN RS SC
  SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG UA AE GB TZ US UY UZ VU VE VN YE ZM ZW`.split(/\s+/);

describe('countries', () => {
  it('has every code once', () => {
    const codes = COUNTRIES.map((country) => country.code);
    assert.deepEqual(codes.filter((code, i) => codes.indexOf(code) !== i), []);
    for (const code of codes) assert.match(code, /^[A-Z]{2}$/, code);
  });

  it('has every UN member state', () => {
    assert.equal(new Set(UN_MEMBERS).size, 193);
    const codes = new Set(COUNTRIES.map((country) => country.code));
    assert.deepEqual(UN_MEMBERS.filter((code) => !codes.has(code)), []);
  });

  it('gives every written form to one country only', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const country of COUNTRIES) {
      for (const written of new Set([country.name, ...country.names, ...country.short])) {
        const other = owner.get(written);
        if (other) clashes.push(`${written}: ${other} and ${country.code}`);
        owner.set(written, country.code);
      }
    }
    assert.deepEqual(clashes, []);
  });

  it('lists the usual name among the written forms, each once', () => {
    for (const country of COUNTRIES) {
      assert.ok(country.names.includes(country.name), country.code);
      assert.equal(new Set(country.names).size, country.names.length, country.code);
      assert.ok(country.latin.length > 0, country.code);
    }
  });

  it('keeps every abbreviation 1–3 characters long', () => {
    for (const country of COUNTRIES) {
      for (const short of country.short) assert.ok(short.length >= 1 && short.length <= 3, `${country.code}: ${short}`);
    }
  });

  it('looks up written forms', () => {
    assert.equal(countryCode('ウズベキスタン'), 'UZ');
    assert.equal(countryCode('ウズベキスタン共和国'), 'UZ');
    assert.equal(countryCode('ウズベク'), null);
    assert.equal(countryCode('キルギス共和国'), 'KG');
    assert.equal(countryCode('ジョージア'), 'GE');
    assert.equal(countryCode('グルジア'), 'GE');
    assert.equal(countryCode('チェコ'), 'CZ');
    assert.equal(countryCode('ソ連'), 'SU');
    assert.equal(countryCode('ソビエト社会主義共和国連邦'), 'SU');
    assert.equal(countryCode('香港'), 'HK');
    assert.equal(countryCode('ASEAN'), null);
    assert.equal(countryName('SU'), 'ソ連');
  });

  it('reads compounds with the new abbreviations', () => {
    assert.deepEqual(compoundCountries('日ソ'), ['JP', 'SU']);
    assert.deepEqual(compoundCountries('米ソ'), ['US', 'SU']);
    assert.deepEqual(compoundCountries('日葡'), ['JP', 'PT']);
    assert.deepEqual(partyCountries('日ソ共同声明'), ['JP', 'SU']);
  });
});
