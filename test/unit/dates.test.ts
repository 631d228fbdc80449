// Dates, times and durations in the styles of two decades of readouts.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates, findDurations, findTimeSpan, findTimes } from '../../server/src/parse/dates';
import { modelOfText } from './helpers';

const firstDate = (text: string) => {
  const [date] = findDates(text);
  return date ? [date.year, date.month, date.day] : null;
};

describe('dates', () => {
  it('reads era years, 元年 and a western year in brackets', () => {
    assert.deepEqual(firstDate('平成30年6月29日'), [2018, 6, 29]);
    assert.deepEqual(firstDate('令和元年5月1日'), [2019, 5, 1]);
    assert.deepEqual(firstDate('令和7(2025)年9月22日(月)'), [2025, 9, 22]);
    assert.deepEqual(firstDate('平成31年(2019年)4月30日'), [2019, 4, 30]);
  });
  it('reads full-width digits and western dates', () => {
    assert.deepEqual(firstDate('令和４年１月２１日'), [2022, 1, 21]);
    assert.deepEqual(firstDate('2021年4月16日'), [2021, 4, 16]);
    assert.deepEqual(firstDate('2025-9-25 11:30'), [2025, 9, 25]);
  });
  it('keeps a month-day without a year, and a day alone', () => {
    assert.deepEqual(firstDate('2月7日11時30分より'), [null, 2, 7]);
    assert.deepEqual(firstDate('本29日午後0時35分から'), [null, null, 29]);
  });
  it('rejects impossible dates', () => {
    assert.equal(findDates('13月40日').length, 0);
  });
});

describe('times and durations', () => {
  const minutes = (text: string) => findTimes(text).map((time) => time.minutes);
  it('reads 時分, 午前/午後, 半 and clock times', () => {
    assert.deepEqual(minutes('11時30分より'), [690]);
    assert.deepEqual(minutes('午後0時35分から'), [755]);
    assert.deepEqual(minutes('午後4時5分'), [965]);
    assert.deepEqual(minutes('１８時１０分頃から'), [1090]);
    assert.deepEqual(minutes('17時半から'), [1050]);
    assert.deepEqual(minutes('(01:13~01:33)'), [73, 93]);
  });
  it('marks Japan time', () => {
    const times = findTimes('現地時間9月22日午後4時5分(日本時間23日午前5時5分)から');
    assert.deepEqual(times.map((time) => [time.minutes, time.japan]), [[965, false], [305, true]]);
    const span = findTimes('平成30年8月1日(01:13~01:33)(日本時間)');
    assert.deepEqual(span.map((time) => time.japan), [true, true]);
  });
  it('finds a span', () => {
    const text = '(10:00~10:45)';
    const span = findTimeSpan(text, findTimes(text));
    assert.deepEqual(span?.map((time) => time.minutes), [600, 645]);
  });
  it('reads durations, never the minutes of a clock time', () => {
    const durations = (text: string) => findDurations(text).map((duration) => duration.minutes);
    assert.deepEqual(durations('約35分間'), [35]);
    assert.deepEqual(durations('約1時間'), [60]);
    assert.deepEqual(durations('1時間30分'), [90]);
    assert.deepEqual(durations('約1時間半'), [90]);
    assert.deepEqual(durations('約２時間４０分'), [160]);
    assert.deepEqual(durations('9時15分から約65分間'), [65]);
    assert.deepEqual(durations('11時30分より'), []);
  });
});

describe('meeting dates in context', () => {
  it('takes the year of a month-day from a full date of the same day in the document', () => {
    const model = modelOfText('日米外相会談\n\n外務省は令和7(2025)年9月22日に発表した。\n\n9月22日10時から約30分間、岩屋外務大臣は、ルビオ米国国務長官と日米外相会談を行いました。\n');
    assert.equal(model.date, '2025-09-22');
    assert.equal(model.startTime, '10:00');
  });
  it('does not guess a year from another day', () => {
    const model = modelOfText('日米外相会談\n\n令和7年9月20日\n\n9月22日10時から約30分間、岩屋外務大臣は、ルビオ米国国務長官と日米外相会談を行いました。\n');
    assert.equal(model.date, null);
    assert.equal(model.monthDay, '09-22');
  });
  it('never takes a mentioned event as the meeting date', () => {
    const model = modelOfText('冒頭発言\n\n 先ほど、ブリンケン米国国務長官と約20分間、日米外相電話会談を行いました。1月30日の弾道ミサイル発射について懸念を共有しました。\n');
    assert.equal(model.date, null);
    assert.equal(model.monthDay, null);
    assert.equal(model.durationMinutes, 20);
  });
});
