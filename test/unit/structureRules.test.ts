// The outline and the transcript of press conferences, joint press events and statements.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReadout } from '../../server/src/parse/parser';
import { PEOPLE } from '../../server/src/knowledge/people';

const top = (text: string) => parseReadout(text, PEOPLE).sections.map((section) => section.label);
const tags = (text: string) => parseReadout(text, PEOPLE).turns.map((turn) => turn.speaker);

describe('press and joint outlines', () => {
  it("keeps a joint event's speaker blocks before the questions as sections, and the tags after them as turns", () => {
    const text = '日英外相共同記者会見\n\n（山田外務大臣）\n　本日は有意義な会談を行いました。\n\n（スミス外務大臣）\n　協力を深めていきます。\n\n質疑応答\n\n【記者】今後の予定を伺います。\n【山田外務大臣】調整中です。\n';
    assert.deepEqual(top(text), ['（山田外務大臣）', '（スミス外務大臣）', '質疑応答']);
    assert.deepEqual(tags(text), ['記者', '山田外務大臣']);
  });

  it("reads a conference's bullet topics when the page holds only the minister's tagged report, no question", () => {
    const text = '外務大臣会見記録 (平成16年3月5日(金)9:30~ 於:本省会見室)\n\n・閣議\n\n(外務大臣)本日の閣議では、外務省の案件が一件ありました。\n\n目次へ戻る\n\n・大臣の出張\n\n(外務大臣)来週、欧州を訪問いたします。\n';
    assert.deepEqual(top(text), ['閣議', '大臣の出張']);
    assert.deepEqual(tags(text), ['外務大臣', '外務大臣']);
  });

  it("takes no photo caption for the title, though it names the meeting ('… 日豪首脳会談(写真提供:内閣広報室)')", () => {
    const text = '令和4年9月27日\n握手する両首脳の様子 日豪首脳会談(写真提供:内閣広報室)\n\n 9月27日、岸田文雄内閣総理大臣は、アンソニー・アルバニージー・オーストラリア連邦首相と首脳会談を行ったところ、概要は以下のとおりです。\n1 両首脳は、日豪関係を更に発展させていくことで一致しました。\n';
    const model = parseReadout(text, PEOPLE);
    assert.equal(model.title, null);
    assert.equal(model.kind, '首脳会談');
  });

  it('nests speaker blocks under the numbered heading that holds them', () => {
    const text = '共同記者会見\n\n1 発表事項\n\n（甲外務大臣）\n本日は会談を行いました。\n\n（乙国防大臣）\n協力を確認しました。\n\n2 質疑応答\n\nQ:今後の予定は。\n\nA:調整中です。\n';
    assert.deepEqual(top(text), ['1 発表事項', '2 質疑応答']);
    assert.deepEqual(tags(text), ['Q', 'A']);
  });

  it('reads 【質疑応答】 as a part, and a summary box down to its rule as furniture', () => {
    const text = '外務大臣会見記録（要旨）\n《令和6年7月2日（火） 10:00~10:20 於：本省会見室》\n【主な項目】冒頭発言：訪問\n【質疑応答】\n◯日中関係\n======\n◯冒頭発言：訪問\n【外務大臣】来週、訪問します。\n\n◯日中関係\n【NHK 記者】会談の予定は。\n【外務大臣】調整中です。\n';
    assert.deepEqual(top(text), ['冒頭発言：訪問', '日中関係']);
    assert.deepEqual(tags(text), ['外務大臣', 'NHK 記者', '外務大臣']);
  });

  it("reads a 官房長官's untagged '…について' lines as topics, and its date and session as a press conference", () => {
    const model = parseReadout('令和4年10月4日(火)午前\n\n閣議の概要について\n\n 閣議では一般案件が決定されました。\n\n北朝鮮のミサイル発射について\n\n 政府として抗議しました。\n', PEOPLE);
    assert.deepEqual(model.sections.map((section) => section.label), ['閣議の概要について', '北朝鮮のミサイル発射について']);
    assert.equal(model.kind, '記者会見');
  });

  it('keeps topics under a lone conference header, and never the header itself', () => {
    const text = '外務大臣会見記録(平成17年4月)\n\n外務大臣会見記録 (平成17年4月28日(木)9:54~ 於:院内・大臣室前)\n\n・閣議\n\n(外務大臣)案件はありません。\n\n・国連改革\n\n(問)見通しは。\n\n(外務大臣)努力します。\n';
    assert.deepEqual(top(text), ['閣議', '国連改革']);
  });

  it("opens a turn from a tag glued after the conference's header", () => {
    const text = '外務大臣会見記録 （平成12年11月7日（火）8:50～9:02 於：院内控室）（外務大臣）本日の閣議では案件が了承された。\n議題\n（問）見通しは。\n（外務大臣）努力する。\n';
    assert.deepEqual(tags(text), ['外務大臣', '問', '外務大臣']);
  });
});

describe('numbered outlines', () => {
  it('lets a short heading repeat or skip one number of its list', () => {
    const text = '日独外相会談\n\n 本日，会談を行った。概要は以下のとおり。\n\n1　冒頭\n 歓迎を述べた。\n\n2　二国間関係\n 一致した。\n\n2　地域情勢\n 説明した。\n\n4　国際場裡における協力\n 確認した。\n';
    assert.deepEqual(top(text), ['1 冒頭', '2 二国間関係', '2 地域情勢', '4 国際場裡における協力']);
  });

  it("starts a list inside a heading when a numbered paragraph '1' follows it", () => {
    const text = '日越首脳会談\n\n1.概要\n1.両首脳は会談を行った。\n2.会談後、両首脳は共同声明に署名した。\n\n2.二国間関係\n(1)支援を述べた。\n\n3.地域情勢\n(1)協力を確認した。\n';
    assert.deepEqual(top(text), ['1. 概要', '2. 二国間関係', '3. 地域情勢']);
  });

  it("labels a numbered paragraph led by 'topic：' with its topic", () => {
    const text = '日米外相会談\n\n 会談を行った。\n\n(1) 北朝鮮：両外相は、連携を確認した。\n(2) 経済：両外相は、対話を続けることで一致した。\n';
    assert.deepEqual(top(text), ['(1) 北朝鮮', '(2) 経済']);
  });
});

describe('titles', () => {
  it("drops the date 官邸 writes in front of a title, and joins a title cut after '…に関する'", () => {
    assert.equal(parseReadout('令和5年3月21日日印共同記者発表\n\n【総理冒頭発言】\n 本日は会談を行いました。\n', PEOPLE).title, '日印共同記者発表');
    const statement = parseReadout('アジア\n\n北朝鮮に関する\n日中韓首脳による共同声明\n\n令和元年12月24日\n\n  • 我々は協力を確認する。\n', PEOPLE);
    assert.deepEqual([statement.title, statement.kind], ['北朝鮮に関する日中韓首脳による共同声明', '共同声明']);
  });
});
