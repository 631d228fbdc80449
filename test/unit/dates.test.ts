// Dates, times and durations in the styles of two decades of readouts.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/corpus/index';
import { findReferences } from '../../server/src/corpus/references';
import { referenceWindow, windowOf } from '../../server/src/corpus/referenceTime';
import { MemoryWorkspace } from '../../server/src/corpus/workspace';
import { readTextFile } from '../../server/src/io/readText';
import { addDays, findDates, findRelativeDays } from '../../server/src/parse/dates';
import { findDurations, findTimeSpan, findTimes } from '../../server/src/parse/times';
import { modelOfText, seedPath } from './helpers';
import { PEOPLE } from '../../server/src/knowledge/people';

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
  it('reads the day after 翌 as a day alone, in digits and full-width digits', () => {
    assert.deepEqual(findDates('会談終了後,両首脳は共同記者会見を行い,翌25日には日米共同声明が発出された。'), [{ start: 21, end: 24, year: null, month: null, day: 25 }]);
    assert.deepEqual(findDates('翌１６日には，東京で首脳会談の第二ラウンド及び共同記者会見が行われる予定です。'), [{ start: 1, end: 4, year: null, month: null, day: 16 }]);
    // Also where no 本 or 同 stands anywhere in the line.
    assert.deepEqual(findDates('首脳は翌30日に帰国した。'), [{ start: 4, end: 7, year: null, month: null, day: 30 }]);
  });
  it('rejects impossible dates', () => {
    assert.equal(findDates('13月40日').length, 0);
  });
  it('reads kanji numerals: era years, a western year digit by digit, 〇 and ○ as zero', () => {
    assert.deepEqual(firstDate('一九六五年一月十三日'), [1965, 1, 13]);
    assert.deepEqual(firstDate('昭和四十七年九月二十九日'), [1972, 9, 29]);
    assert.deepEqual(firstDate('平成三十年十二月一日'), [2018, 12, 1]);
    assert.deepEqual(firstDate('令和元年五月一日'), [2019, 5, 1]);
    assert.deepEqual(firstDate('平成十七年四月二十二日'), [2005, 4, 22]);
    assert.deepEqual(firstDate('二〇一八年六月二十九日'), [2018, 6, 29]);
    assert.deepEqual(firstDate('二○一八年六月二十九日'), [2018, 6, 29]);
    assert.deepEqual(firstDate('十二月二十五日'), [null, 12, 25]);
    assert.deepEqual(firstDate('本二十九日'), [null, null, 29]);
    // A year alone is no date: a DateMention always has a day.
    assert.deepEqual(findDates('平成十七年'), []);
  });
  it('reads mixed kanji and digit forms', () => {
    assert.deepEqual(firstDate('昭和47年九月二十九日'), [1972, 9, 29]);
    assert.deepEqual(firstDate('昭和四十年（一九六五年）六月二十二日'), [1965, 6, 22]);
    assert.deepEqual(firstDate('平成三十年6月29日'), [2018, 6, 29]);
  });
  it('gives exact offsets for kanji dates', () => {
    assert.deepEqual(findDates('署名は昭和四十七年九月二十九日に行われた'), [{ start: 3, end: 15, year: 1972, month: 9, day: 29 }]);
  });
  it('reads a western year with the era in brackets', () => {
    assert.deepEqual(findDates('2018年(平成30年)6月29日(金)'), [{ start: 0, end: 17, year: 2018, month: 6, day: 29 }]);
    assert.deepEqual(firstDate('2018年（平成３０年）６月２９日'), [2018, 6, 29]);
    assert.deepEqual(firstDate('2025(令和7)年9月22日'), [2025, 9, 22]);
    assert.deepEqual(firstDate('2018年 6月29日'), [2018, 6, 29]);
  });
  it('rejects days a month does not have, and 2月29日 outside leap years', () => {
    assert.deepEqual(findDates('令和5年2月31日'), []);
    assert.deepEqual(findDates('4月31日'), []);
    assert.deepEqual(findDates('2月30日'), []);
    assert.deepEqual(findDates('11月31日'), []);
    assert.deepEqual(findDates('令和5年2月29日'), []);
    assert.deepEqual(findDates('1900年2月29日'), []);
    assert.deepEqual(firstDate('令和6年2月29日'), [2024, 2, 29]);
    assert.deepEqual(firstDate('2000年2月29日'), [2000, 2, 29]);
    assert.deepEqual(firstDate('2月29日'), [null, 2, 29]);
    assert.deepEqual(firstDate('4月30日'), [null, 4, 30]);
    assert.deepEqual(firstDate('12月31日'), [null, 12, 31]);
  });
  it('rejects impossible dates in kanji numerals and 0日', () => {
    assert.deepEqual(firstDate('令和六年二月二十九日'), [2024, 2, 29]);
    assert.deepEqual(findDates('令和五年二月二十九日'), []);
    assert.deepEqual(findDates('令和五年二月三十一日'), []);
    assert.deepEqual(findDates('四月三十一日'), []);
    assert.deepEqual(findDates('十三月一日'), []);
    assert.deepEqual(findDates('2月0日'), []);
    assert.deepEqual(findDates('令和5年13月1日'), []);
  });
  it('reads an era date only within its era', () => {
    assert.deepEqual(firstDate('平成31年4月30日'), [2019, 4, 30]);
    assert.deepEqual(findDates('平成31年5月1日'), []);
    assert.deepEqual(findDates('平成三十一年五月一日'), []);
    assert.deepEqual(firstDate('令和元年5月1日'), [2019, 5, 1]);
    assert.deepEqual(findDates('令和元年4月30日'), []);
    assert.deepEqual(findDates('令和0年6月1日'), []);
    assert.deepEqual(firstDate('昭和64年1月7日'), [1989, 1, 7]);
    assert.deepEqual(findDates('昭和64年1月8日'), []);
    assert.deepEqual(firstDate('大正15年12月25日'), [1926, 12, 25]);
  });
  it('reads no shorter date inside an impossible one', () => {
    assert.deepEqual(findDates('2023年 2月29日'), []);
    assert.deepEqual(findDates('令和5年 2月29日'), []);
    assert.deepEqual(findDates('平成31年 5月1日'), []);
    assert.deepEqual(findDates('2023/2/29 2月3日'), [{ start: 10, end: 14, year: null, month: 2, day: 3 }]);
    assert.deepEqual(firstDate('2024年 2月29日'), [2024, 2, 29]);
  });
  it('reads neither placeholders nor 同一日 as dates', () => {
    assert.deepEqual(findDates('○月○日'), []);
    assert.deepEqual(findDates('同一日に'), []);
    assert.deepEqual(findDates('毎月一日'), []);
  });
});

describe('relative days', () => {
  const offsets = (text: string) => findRelativeDays(text).map((day) => [day.start, day.end, day.offsetDays]);
  it('reads 同日, 本日, 当日, 翌日, 前日, 翌々日 and 前々日', () => {
    assert.deepEqual(offsets('同日午後'), [[0, 2, 0]]);
    assert.deepEqual(offsets('本日、'), [[0, 2, 0]]);
    assert.deepEqual(offsets('会談当日'), [[2, 4, 0]]);
    assert.deepEqual(offsets('その翌日'), [[2, 4, 1]]);
    assert.deepEqual(offsets('前日に'), [[0, 2, -1]]);
    assert.deepEqual(offsets('翌々日'), [[0, 3, 2]]);
    assert.deepEqual(offsets('前々日'), [[0, 3, -2]]);
    assert.deepEqual(offsets('9月22日に到着し、翌日会談した。同日夜、'), [[10, 12, 1], [17, 19, 0]]);
  });
  it('keeps a day that starts a longer word about the day', () => {
    assert.deepEqual(offsets('翌日付'), [[0, 2, 1]]);
    assert.deepEqual(offsets('同日中に'), [[0, 2, 0]]);
    assert.deepEqual(offsets('本日付'), [[0, 2, 0]]);
    assert.deepEqual(offsets('前日比'), [[0, 2, -1]]);
  });
  it('skips words that only contain one', () => {
    for (const text of ['前日本大使', '同日程', '相当日数', '事前日程', '前日米協会会長', '前日銀総裁', '日本日程', '基本日程', '本日本会議']) {
      assert.deepEqual(offsets(text), [], text);
    }
  });
});

describe('addDays', () => {
  it('moves across month, year and leap-day ends', () => {
    assert.equal(addDays('2025-09-22', 0), '2025-09-22');
    assert.equal(addDays('2025-09-22', 1), '2025-09-23');
    assert.equal(addDays('2025-09-30', 1), '2025-10-01');
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
    assert.equal(addDays('2025-01-01', -1), '2024-12-31');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2023-02-28', 1), '2023-03-01');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
    assert.equal(addDays('1965-01-13', 365), '1966-01-13');
  });
  it('throws on what is not a date', () => {
    assert.throws(() => addDays('2025-02-30', 1), RangeError);
    assert.throws(() => addDays('2025-9-22', 1), RangeError);
    assert.throws(() => addDays('2025-09-22', 0.5), RangeError);
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
  it('reads times past midnight as the next day', () => {
    const read = (text: string) => findTimes(text).map((time) => [time.minutes, time.dayOffset]);
    assert.deepEqual(read('26時09分'), [[129, 1]]);
    assert.deepEqual(read('26:09'), [[129, 1]]);
    assert.deepEqual(read('24時'), [[0, 1]]);
    assert.deepEqual(read('24:00'), [[0, 1]]);
    assert.deepEqual(read('29:59'), [[359, 1]]);
    assert.deepEqual(read('二十六時'), [[120, 1]]);
    assert.deepEqual(read('23:59'), [[1439, 0]]);
    assert.deepEqual(read('30:00'), []);
    assert.deepEqual(read('30時'), []);
    assert.deepEqual(read('10:60'), []);
  });
  it('reads 零時, 0時 and kanji hours', () => {
    assert.deepEqual(minutes('午前零時'), [0]);
    assert.deepEqual(minutes('0時から'), [0]);
    assert.deepEqual(minutes('零時'), [0]);
    assert.deepEqual(minutes('午後三時'), [900]);
    assert.deepEqual(minutes('十時三十分'), [630]);
    assert.deepEqual(minutes('午後十一時五十九分'), [1439]);
    assert.deepEqual(minutes('午前九時半'), [570]);
    assert.deepEqual(minutes('十時〇五分'), [605]);
  });
  it('keeps 頃, an open span, and leaves 一時 (for a while) and placeholders alone', () => {
    assert.deepEqual(minutes('9時頃'), [540]);
    assert.deepEqual(minutes('9:54~'), [594]);
    assert.equal(findTimeSpan('9:54~', findTimes('9:54~')), null);
    assert.deepEqual(minutes('一時帰国'), []);
    assert.deepEqual(minutes('同一時刻'), []);
    assert.deepEqual(minutes('約一時間'), []);
    assert.deepEqual(minutes('○時○分'), []);
  });
  it('gives every time dayOffset 0 before midnight and exact offsets', () => {
    assert.deepEqual(findTimes('会談は午後三時から'), [{ start: 3, end: 7, minutes: 900, dayOffset: 0, japan: false, local: false }]);
  });
  it('marks local time: 現地時間, 現地, a named zone, or (現地時間) after', () => {
    const zones = (text: string) => findTimes(text).map((time) => [time.minutes, time.japan, time.local]);
    assert.deepEqual(zones('現地時間9月22日午後4時5分(日本時間23日午前5時5分)から'), [[965, false, true], [305, true, false]]);
    assert.deepEqual(zones('米国東部時間2025年9月22日午後4時5分'), [[965, false, true]]);
    assert.deepEqual(zones('米国東部時間2025年9月22日(月)午後4時5分'), [[965, false, true]]);
    assert.deepEqual(zones('東部時間10時'), [[600, false, true]]);
    assert.deepEqual(zones('欧州中部時間9月22日(月)午後4時'), [[960, false, true]]);
    assert.deepEqual(zones('中部時間10時'), [[600, false, true]]);
    assert.deepEqual(zones('太平洋時間10時'), [[600, false, true]]);
    assert.deepEqual(zones('現地において午後3時から'), [[900, false, true]]);
    assert.deepEqual(zones('10時～11時(現地時間)'), [[600, false, true], [660, false, true]]);
    assert.deepEqual(zones('現地時間10時(日本時間17時)'), [[600, false, true], [1020, true, false]]);
    assert.deepEqual(zones('日本時間17時(現地時間10時)'), [[1020, true, false], [600, false, true]]);
    assert.deepEqual(zones('(日本時間17時)、現地時間10時'), [[1020, true, false], [600, false, true]]);
    assert.deepEqual(zones('10時から'), [[600, false, false]]);
    // Too far back: the zone names another time.
    assert.deepEqual(zones('現地時間の記載はないが、その後の会談は10時から'), [[600, false, false]]);
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
  it('reads bare minutes as a length when words of length follow them', () => {
    const durations = (text: string) => findDurations(text).map((duration) => duration.minutes);
    assert.deepEqual(durations('予定を大幅に超え40分以上にわたり行われた'), [40]);
    assert.deepEqual(durations('会談は30分に及んだ'), [30]);
    assert.deepEqual(durations('9時40分以上'), []);
    assert.deepEqual(durations('15分後に再開'), []);
  });
  it('reads kanji durations, 間 after minutes, and 強/弱 after the number', () => {
    const durations = (text: string) => findDurations(text).map((duration) => [duration.start, duration.end, duration.minutes]);
    assert.deepEqual(durations('約1時間半'), [[0, 5, 90]]);
    assert.deepEqual(durations('約三十分'), [[0, 4, 30]]);
    assert.deepEqual(durations('約1時間10分間'), [[0, 8, 70]]);
    assert.deepEqual(durations('約20分強'), [[0, 5, 20]]);
    assert.deepEqual(durations('約1時間弱'), [[0, 5, 60]]);
    assert.deepEqual(durations('約一時間半'), [[0, 5, 90]]);
    assert.deepEqual(durations('三十分間'), [[0, 4, 30]]);
    assert.deepEqual(durations('約十分'), [[0, 3, 10]]);
    assert.deepEqual(durations('午後三時十五分から約一時間'), [[9, 13, 60]]);
  });
  it('never reads 同一時間帯 or 十分 (enough) as durations', () => {
    const durations = (text: string) => findDurations(text).map((duration) => duration.minutes);
    assert.deepEqual(durations('同一時間帯'), []);
    assert.deepEqual(durations('十分に協議'), []);
    assert.deepEqual(durations('十分間に合う'), []);
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

describe('impossible dates outside the date line', () => {
  it('a reference to 2月31日 or 13月 keeps its words but no month or day', () => {
    const [february] = findReferences('令和5年2月31日の日米首脳会談について', PEOPLE);
    assert.equal(february.time.written, '2月31日の');
    assert.deepEqual([february.time.month, february.time.day], [null, null]);
    assert.equal(referenceWindow(february.time, '2023-06-01'), null);
    const [thirteenth] = findReferences('13月の日米外相会談', PEOPLE);
    assert.equal(thirteenth.time.written, '13月の');
    assert.equal(thirteenth.time.month, null);
    assert.equal(referenceWindow(thirteenth.time, '2023-06-01'), null);
  });
  it('2月29日 in a reference is a window in a leap year only', () => {
    const [leap] = findReferences('2月29日の日米外相会談', PEOPLE);
    assert.deepEqual([leap.time.month, leap.time.day], [2, 29]);
    assert.deepEqual(referenceWindow(leap.time, '2024-06-01'), windowOf('2024-02-29'));
    assert.equal(windowOf('2024-02-29')?.from, 19782);
    assert.equal(referenceWindow(leap.time, '2023-06-01'), null);
  });
  it('a time window is never made of a day that does not exist', () => {
    assert.equal(windowOf('2023-02-31'), null);
    assert.equal(windowOf('2023-02-29'), null);
    assert.equal(windowOf('2023-04-31'), null);
    assert.equal(windowOf('2023-13'), null);
    assert.equal(windowOf('2023-00'), null);
    assert.deepEqual(windowOf('2023-02'), { from: 19389, to: 19416 });
  });
  it('an impossible publication stamp is no publication date', () => {
    const seed = readTextFile(seedPath(4));
    assert.ok(seed.includes('2025-9-25 11:30'));
    assert.equal(modelOfText(seed).published, '2025-09-25');
    assert.equal(modelOfText(seed.replace('2025-9-25 11:30', '2025-2-30 11:30')).published, null);
  });
  it('a file name with a day that does not exist dates nothing', async () => {
    const text = '日米外相会談\n\n林外務大臣は、ブリンケン米国国務長官と会談を行いました。\n';
    const index = new CorpusIndex(new MemoryWorkspace([
      ['file:///mem/2023-02-31-talks.readout.txt', text],
      ['file:///mem/2023-02-28-talks.readout.txt', text],
    ]));
    await index.build();
    assert.deepEqual(index.allFiles().map((file) => [file.uri.slice(12, 22), file.main?.date ?? null]), [['2023-02-28', '2023-02-28'], ['2023-02-31', null]]);
  });
});
