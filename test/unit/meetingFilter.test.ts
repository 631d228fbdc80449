// The Meetings view's filter: words that must all be found (people, countries, kinds, titles) and a year span.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchesFilter, parseFilter } from '../../client/src/meetingFilter';
import type { MeetingItem } from '../../server/src/protocol';

const meeting = (date: string | null, title: string, people: string[], counterpart = 'ロシア', kind = '外相会談'): MeetingItem => ({
  uri: 'file:///m.readout.txt',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  title,
  date,
  kind,
  place: '東京',
  countries: ['JP', 'RU'],
  counterpart,
  people,
  latinPeople: people,
});

describe('the Meetings view filter', () => {
  it('reads words and a year or a span of years, in any order and either way round', () => {
    assert.deepEqual(parseFilter('  ラヴロフ 2016-2019 '), { words: ['ラヴロフ'], years: [2016, 2019] });
    assert.deepEqual(parseFilter('2019〜2016 Lavrov'), { words: ['lavrov'], years: [2016, 2019] });
    assert.deepEqual(parseFilter('2018'), { words: [], years: [2018, 2018] });
    assert.deepEqual(parseFilter('日露　外相会談'), { words: ['日露', '外相会談'], years: null });
  });

  it('keeps a meeting that holds every word somewhere and falls in the years', () => {
    const talks = meeting('2018-03-21', '日露外相会談', ['河野太郎', 'セルゲイ・ラヴロフ']);
    assert.equal(matchesFilter(talks, parseFilter('ラヴロフ 2016-2019')), true);
    assert.equal(matchesFilter(talks, parseFilter('ラヴロフ 2019-2020')), false);
    assert.equal(matchesFilter(talks, parseFilter('ロシア 河野')), true);
    assert.equal(matchesFilter(talks, parseFilter('ロシア 岸田')), false);
    assert.equal(matchesFilter(meeting(null, '日露外相会談', []), parseFilter('2018')), false);
    assert.equal(matchesFilter(meeting(null, '日露外相会談', []), parseFilter('')), true);
  });
});
