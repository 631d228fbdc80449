// The meeting's date, times and place in layouts real pages show (the sentences are our own).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findBareDays, findDates } from '../../server/src/parse/dates';
import { findTimes } from '../../server/src/parse/times';
import { findPlace } from '../../server/src/parse/places';
import { modelOfText } from './helpers';

describe('days and dates against the page date', () => {
  it('a day alone in the lead is the latest such day on or before the page date', () => {
    const model = modelOfText('日韓外相会談\n\n令和元年10月2日\n\n 26日午前9時（現地時間）から約45分間，茂木外務大臣は，康京和長官との間で日韓外相会談を行ったところ，概要は以下のとおりです。\n');
    assert.equal(model.date, '2019-09-26');
  });
  it('本N日 earlier than the page date is that earlier day', () => {
    const model = modelOfText('日・インドネシア外相会談\n\n平成28年3月16日\n\n 本13日午後6時から約1時間，岸田外務大臣はルトノ外務大臣と外相会談を行ったところ，概要は以下のとおりです。\n');
    assert.equal(model.date, '2016-03-13');
  });
  it('a month-day takes the page year; the local date before the local time wins over the Japan date', () => {
    const model = modelOfText('平成１７年９月２０日\n\n 現地時間９月１９日１８時３０分から（日本時間２０日午前７時３０分から）約４０分間、町村外務大臣はラヴロフ外相と日露外相会談を行ったところ、概要以下のとおり。\n');
    assert.equal(model.date, '2005-09-19');
    assert.equal(model.startTime, '18:30');
    assert.equal(model.startTimeJapan, '07:30');
  });
  it('a news stamp dates a bare day and gives no meeting time', () => {
    const model = modelOfText('日米防衛相が会談\n2025-03-30 更新\n\n会談は30日午前、防衛省でおよそ1時間半にわたって行われました。\n');
    assert.equal(model.date, '2025-03-30');
    assert.equal(model.place, '防衛省');
    assert.equal(model.durationMinutes, 90);
    assert.equal(model.startTime, null);
  });
  it('a month-day under a monthly heading takes the heading year', () => {
    const model = modelOfText('外務大臣会見記録(平成19年9月)\n\n外務大臣会見記録(9月29日 外相会談終了後)\n 9月29日午前、大臣は宿舎において記者会見を行ったところ、概要以下のとおり。\n');
    assert.equal(model.date, '2007-09-29');
  });
  it('finds bare days but not counts of days or words', () => {
    assert.deepEqual(findBareDays('26日午前9時、20日間の滞在、一日も早く、七日、').map((day) => day.day), [26, 7]);
  });
  it('reads a bracketed two-digit year of the 1980s', () => {
    assert.equal(findDates('（８６年５月３１日，モスクワ）')[0]?.year, 1986);
  });
});

describe('header lines', () => {
  it('the header with the time outranks a title line with the date alone', () => {
    const model = modelOfText('上川外務大臣会見（令和6年7月23日）\n\n上川陽子外務大臣会見記録（要旨）\n《令和6年7月23日（火） 10:31~10:49   於：本省会見室》\n【主な項目】冒頭発言\n');
    assert.equal(model.startTime, '10:31');
    assert.equal(model.endTime, '10:49');
    assert.equal(model.place, '本省会見室');
  });
  it('reads a header glued to the first remark', () => {
    const model = modelOfText('外務大臣会見記録 （平成12年11月7日（火）8:50～9:02 於：院内控室）（外務大臣）本日の閣議では案件が了承された。\n');
    assert.equal(model.date, '2000-11-07');
    assert.equal(model.durationMinutes, 12);
    assert.equal(model.place, '院内控室');
  });
});

describe('times', () => {
  it('a bracket that closes with 現地時間 makes the time before it Japan time', () => {
    const [japan, local] = findTimes('9月26日午前0時30分（9月25日午前11時30分，現地時間）から');
    assert.equal(japan.japan, true);
    assert.equal(local.local, true);
  });
  it('reads 夜7時 as an evening hour', () => {
    assert.equal(findTimes('17日夜7時すぎから')[0].minutes, 19 * 60);
  });
});

describe('places', () => {
  it('prefers the venue named after a visit', () => {
    assert.equal(findPlace('タイを訪問中の河野外務大臣は，バンコクにおいて，長官と会合を行った')?.place, 'バンコク');
  });
  it('keeps a municipality before a venue and a numbered room, drops 首都', () => {
    assert.equal(findPlace('23日午前、名護市の万国津梁館において会談が行われた')?.place, '名護市の万国津梁館');
    assert.equal(findPlace('防衛大臣は、防衛省A棟10階会見室において記者会見に臨んだ')?.place, '防衛省A棟10階会見室');
    assert.equal(findPlace('インドネシアの首都ジャカルタにて首脳会議が開催され')?.place, 'ジャカルタ');
  });
  it('takes no adjective, purpose or person for a place', () => {
    assert.equal(findPlace('包括的で誠実な意見交換を行った'), null);
    assert.equal(findPlace('総理で対応する'), null);
  });
  it('a phone call has no place, whatever other event its text places', () => {
    const model = modelOfText('日仏防衛相電話会談（概要）\n\n平成29年9月8日\n\n 平成29年9月8日、防衛大臣と仏軍事大臣との電話会談が行われました。\n\n また、来年初めに東京で開催予定の日仏「2+2」に向けて準備を進めたい旨述べました。\n');
    assert.equal(model.place, null);
  });

  it("a meeting with a deputy prime minister is no summit: '副首相会談' says nothing of its level", () => {
    assert.equal(modelOfText('副総理会談で一致\n\n 副総理会談では、双方が連携を確認した。\n').kind, '会談');
    assert.equal(modelOfText('日越副首相会談\n\n 本日、副首相会談が行われ、双方は協力の強化を確認した。\n').kind, '会談');
  });

  it("keeps a bracket inside the room of a conference's header whole: '於:院内大臣室前(ぶら下がり))'", () => {
    const model = modelOfText('外務大臣会見記録 (平成16年6月1日(火)9:40~ 於:院内大臣室前(ぶら下がり))\n閣議\n(外務大臣)本日の閣議では特にありません。\n');
    assert.deepEqual([model.date, model.startTime, model.place], ['2004-06-01', '09:40', '院内大臣室前(ぶら下がり)']);
  });
});

