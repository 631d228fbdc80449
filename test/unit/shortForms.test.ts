// Short and old forms the parser reads only where they stand alone: dotted 平成 dates, four-digit
// spans, a headline's bracketed day, and pages in traditional characters (the sentences are our own).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compactTimes, eraDottedDate, headlineMonthDay } from '../../server/src/parse/compactDates';
import { foldTraditional, restoreWritten } from '../../server/src/parse/traditional';

describe('short date and time forms', () => {
  it('a dotted 平成 date is a date only as a whole line, and only when the day exists', () => {
    assert.deepEqual(eraDottedDate('16.2.27'), { start: 0, end: 7, year: 2004, month: 2, day: 27 });
    assert.equal(eraDottedDate('H17.3.8')?.year, 2005);
    assert.equal(eraDottedDate('16.2.30'), null);
    assert.equal(eraDottedDate('版 1.2.3'), null);
    assert.equal(eraDottedDate('45.1.1'), null);
  });
  it('a bracketed span of four-digit times gives start and end; other figures give none', () => {
    const [start, end] = compactTimes('(0940〜0950)');
    assert.deepEqual([start.minutes, end.minutes], [580, 590]);
    assert.deepEqual(compactTimes('予算は1200億円、前年は1100億円'), []);
    assert.deepEqual(compactTimes('(2540〜2550)'), []);
  });
  it("a headline's closing bracket gives the month and day; a fraction in a sentence does not", () => {
    assert.deepEqual(headlineMonthDay('【全文】松野長官会見(8/22午前)'), { start: 10, end: 18, year: null, month: 8, day: 22 });
    assert.equal(headlineMonthDay('支持率は1/3に落ちた。'), null);
    assert.equal(headlineMonthDay('長官会見(2/30)'), null);
  });
});

describe('traditional characters', () => {
  it('a page with three marker characters is read in modern forms, one for one', () => {
    const written = '日本國總理大臣と合衆國大統領は會談を行つた。';
    const folded = foldTraditional(written);
    assert.equal(folded, '日本国総理大臣と合衆国大統領は会談を行つた。');
    assert.equal(folded.length, written.length);
  });
  it('a modern page with a name in old characters is left as it is', () => {
    const written = '國場議員は会談に同席した。';
    assert.equal(foldTraditional(written), written);
  });
  it('derived strings are given back as written, ids and kinds are not', () => {
    const written = '一、兩者は、共同聲明を發表した。';
    const folded = foldTraditional('國總會' + written).slice(3);
    const parsed = { label: '一、 両者は、共同声明を発表…', kind: '共同声明', id: 'role:両者' };
    assert.deepEqual(restoreWritten(parsed, written, folded), { label: '一、 兩者は、共同聲明を發表…', kind: '共同声明', id: 'role:両者' });
  });
});
