// The seeds' models, as the readout issue's acceptance states them.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTextFile } from '../../server/src/io/readText';
import { modelOfFile, seedPath } from './helpers';

type Model = ReturnType<typeof modelOfFile>;
type SectionJson = { label: string; kind: string; children: SectionJson[] };

const labels = (sections: readonly unknown[]) => (sections as SectionJson[]).map((section) => section.label);
const participant = (model: { participants: Model['participants'] }, name: string) => {
  const found = model.participants.find((p) => p.name === name || p.name.startsWith(name) || p.name.endsWith(name));
  assert.ok(found, `participant ${name} in ${JSON.stringify(model.participants.map((p) => p.name))}`);
  return found;
};

describe('seed 000: a press-conference transcript about a phone call', () => {
  const model = modelOfFile(seedPath(0));
  it('is a 外相電話会談 of 35 minutes with no date in the text', () => {
    assert.equal(model.kind, '外相電話会談');
    assert.equal(model.date, null);
    assert.equal(model.monthDay, null);
    assert.equal(model.durationMinutes, 35);
  });
  it('names Blinken as the US participant', () => {
    const blinken = participant(model, 'ブリンケン');
    assert.equal(blinken.title, '国務長官');
    assert.equal(blinken.country, 'US');
  });
  it('has the parts 冒頭発言 and 質疑応答', () => {
    assert.deepEqual(labels(model.sections), ['冒頭発言', '質疑応答']);
  });
  it('has 18 turns alternating 【記者】 and 【大臣】, inside 質疑応答', () => {
    assert.equal(model.turns.length, 18);
    model.turns.forEach((turn, i) => assert.equal(turn.speaker, i % 2 === 0 ? '記者' : '大臣'));
    const answers = (model.sections[1] as { range: { start: { line: number }; end: { line: number } } }).range;
    for (const turn of model.turns) {
      assert.ok(turn.range.start.line >= answers.start.line && turn.range.end.line <= answers.end.line);
    }
  });
});

describe('seed 001: a 外相会談 summary', () => {
  const model = modelOfFile(seedPath(1));
  it('keeps the month-day and leaves the date null: the text gives no year', () => {
    assert.equal(model.kind, '外相会談');
    assert.equal(model.date, null);
    assert.equal(model.monthDay, '02-07');
  });
  it('reads time, duration and place from the lead', () => {
    assert.equal(model.startTime, '11:30');
    assert.equal(model.durationMinutes, 60);
    assert.equal(model.place, 'ワシントンDC');
  });
  it('names 岸田 (外務大臣, JP) and ケリー (国務長官, US)', () => {
    assert.deepEqual([participant(model, '岸田').title, participant(model, '岸田').country], ['外務大臣', 'JP']);
    assert.deepEqual([participant(model, 'ケリー').title, participant(model, 'ケリー').country], ['国務長官', 'US']);
  });
  it('gives each participant the range of their whole name where the lead first names them', () => {
    const lead = readTextFile(seedPath(1)).split('\n')[4];
    const ranges = model.participants.map((p) => [p.name, p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character]);
    assert.deepEqual(ranges, [['岸田', 4, 29, 4, 31], ['ケリー', 4, 37, 4, 40]]);
    assert.deepEqual(model.participants.map((p) => lead.slice(p.range.start.character, p.range.end.character)), ['岸田', 'ケリー']);
  });
  it('has the four numbered sections, including the heading glued to a paragraph', () => {
    assert.deepEqual(labels(model.sections), ['1 冒頭発言', '2 日米関係', '3 アジア太平洋地域情勢', '4 その他']);
  });
  it('nests (1)…(3) and (ア)…(ウ)', () => {
    const relations = model.sections[1] as SectionJson;
    assert.deepEqual(labels(relations.children), ['(1) オバマ大統領の訪日招請', '(2) 安全保障', '(3) TPP']);
    assert.deepEqual(
      relations.children[1].children.map((child) => child.label.slice(0, 3)),
      ['(ア)', '(イ)', '(ウ)'],
    );
    const region = model.sections[2] as SectionJson;
    assert.deepEqual(labels(region.children), ['(1) 北朝鮮', '(2) 日韓関係', '(3) 中国']);
  });
});

describe('seed 002: a news copy quoting three ministries', () => {
  const model = modelOfFile(seedPath(2));
  it('holds three meetings on 2018-06-29', () => {
    assert.equal(model.meetings.length, 3);
    assert.deepEqual(model.meetings.map((m) => m.date), ['2018-06-29', '2018-06-29', '2018-06-29']);
  });
  it('reads each meeting: 表敬 with 安倍, 防衛相会談 09:15 for 65 minutes at 防衛省, 外相会談 12:35 for 40 minutes', () => {
    const [call, defence, foreign] = model.meetings;
    assert.equal(call.kind, '表敬');
    participant(call, '安倍');
    assert.deepEqual([defence.kind, defence.startTime, defence.durationMinutes, defence.place], ['防衛相会談', '09:15', 65, '防衛省']);
    assert.deepEqual([foreign.kind, foreign.startTime, foreign.durationMinutes], ['外相会談', '12:35', 40]);
  });
  it('takes the 防衛相会談 with 小野寺 and マティス as the main meeting', () => {
    assert.equal(model.kind, '防衛相会談');
    assert.equal(model.mainMeeting, 1);
    participant(model, '小野寺');
    participant(model, 'マティス');
  });
  it('has the source blocks as sections', () => {
    const sources = (model.sections as SectionJson[]).filter((s) => s.kind === 'source').map((s) => s.label.slice(0, 6));
    assert.deepEqual(sources, ['【首相官邸】', '【防衛省】日', '【外務省】河']);
  });
});

describe('seed 003: a joint press event of a 2+2', () => {
  const model = modelOfFile(seedPath(3));
  it('reads 日時 and 場所', () => {
    assert.equal(model.kind, '2+2');
    assert.equal(model.date, '2018-08-01');
    assert.equal(model.startTime, '01:13');
    assert.equal(model.startTimeJapan, '01:13');
    assert.equal(model.endTime, '01:33');
    assert.equal(model.durationMinutes, 20);
    assert.equal(model.place, 'ロシア外務省別館');
  });
  it('has four participants from the speaker blocks, with their countries', () => {
    const people = model.participants.map((p) => [p.name, p.country]);
    assert.deepEqual(people, [['ラヴロフ', 'RU'], ['ショイグ', 'RU'], ['河野', 'JP'], ['小野寺', 'JP']]);
  });
  it('has four speaker-block sections', () => {
    assert.deepEqual(
      (model.sections as SectionJson[]).map((s) => [s.kind, s.label]),
      [['speaker', '(ラヴロフ外務大臣)'], ['speaker', '(ショイグ露国防大臣)'], ['speaker', '(河野外務大臣)'], ['speaker', '(小野寺防衛大臣)']],
    );
  });
});

describe('seed 004: a news copy of a trilateral meeting with a joint statement', () => {
  const model = modelOfFile(seedPath(4));
  it('takes the meeting date, not the publication date', () => {
    assert.equal(model.kind, '外相会合');
    assert.equal(model.date, '2025-09-22');
    assert.equal(model.published, '2025-09-25');
  });
  it('reads local time, Japan time, duration and place', () => {
    assert.equal(model.startTime, '16:05');
    assert.equal(model.startTimeJapan, '05:05');
    assert.equal(model.durationMinutes, 45);
    assert.equal(model.place, 'ニューヨーク');
  });
  it('names 岩屋毅 (JP), マルコ・ルビオ (US) and 趙顕 (KR)', () => {
    assert.deepEqual(
      model.participants.map((p) => [p.name, p.country]),
      [['岩屋毅', 'JP'], ['マルコ・ルビオ', 'US'], ['趙顕', 'KR']],
    );
    assert.deepEqual(model.countries, ['JP', 'US', 'KR']);
  });
  it('has the joint statement\'s four headlines as sections', () => {
    const statement = (model.sections as SectionJson[]).find((s) => s.kind === 'statement');
    assert.ok(statement);
    assert.deepEqual(labels(statement.children), [
      '地域及びグローバルな関与の強化',
      '北朝鮮の脅威への対処',
      '経済安全保障及び経済的強靱性の強化',
      '三か国協力の推進',
    ]);
  });
});
