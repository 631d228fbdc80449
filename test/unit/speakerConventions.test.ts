// Who took part and who says what, on short texts written for these tests in the layouts real
// pages use: a press conference's host, label lines and spaced labels, attendance lists, hand-overs
// within a sentence, and statements' sides.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReadout } from '../../server/src/parse/parser';
import { Readout } from '../../server/src/model/readout';
import { PEOPLE } from '../../server/src/knowledge/people';

/** The name or side of whoever the model says speaks the words. */
function speakerOf(text: string, readout: Readout, words: string): string | null {
  const offset = text.indexOf(words);
  assert.ok(offset >= 0, `'${words}' is in the text`);
  const statement = readout.statements.find((s) => s.span.start <= offset && offset < s.span.end);
  if (!statement) return null;
  const speaker = readout.speakers.find((s) => s.id === statement.speaker);
  if (!speaker) return statement.speaker;
  return speaker.side === 'press' || speaker.side === 'joint' ? speaker.side : speaker.name;
}

function parse(lines: string[]): { text: string; readout: Readout } {
  const text = lines.join('\n');
  return { text, readout: parseReadout(text, PEOPLE) };
}

const names = (readout: Readout) => readout.participants.map((p) => `${p.name}/${p.country}`);
/** The text at each participant's span: where the text first names them. */
const namedAt = (text: string, readout: Readout) => readout.participants.map((p) => text.slice(p.span.start, p.span.end));

describe('a press conference', () => {
  it('has its host alone as participant, named in the lead, and the host says the untagged remarks', () => {
    const { text, readout } = parse([
      '外務大臣会見記録（令和2年2月4日（火曜日）10時00分　於：本省会見室）',
      '',
      '　本日、茂木大臣は定例の記者会見を行ったところ、概要以下のとおり。',
      '',
      '　来週、ラヴロフ外務大臣が来日する予定です。しっかりと議論したいと思います。',
      '',
      '（問）今回の来日の狙いは何でしょうか。',
      '',
      '（外務大臣）平和条約交渉を前に進めることです。',
    ]);
    // The knowledge file's holder of the office that day gives the full name; the span stays where the lead names him.
    assert.deepEqual(names(readout), ['茂木敏充/JP']);
    assert.deepEqual(namedAt(text, readout), ['茂木']);
    assert.equal(readout.participants[0].span.start, text.indexOf('茂木大臣は'));
    assert.equal(speakerOf(text, readout, '来週、ラヴロフ外務大臣が'), '茂木敏充');
    assert.equal(speakerOf(text, readout, '今回の来日の狙い'), 'press');
    assert.equal(speakerOf(text, readout, '平和条約交渉を前に'), '茂木敏充');
  });

  it('takes the host from a self-introduction', () => {
    const { text, readout } = parse([
      '大臣会見概要',
      '',
      '令和5年9月14日（11時00分〜11時20分）',
      '',
      '1 発表事項',
      '',
      '　この度、防衛大臣を拝命いたしました木原稔です。よろしくお願いいたします。',
      '',
      '2 質疑応答',
      '',
      'Q：抱負をお聞かせください。',
      '',
      'A：防衛力の抜本的強化を着実に進めます。',
    ]);
    assert.deepEqual(names(readout), ['木原稔/JP']);
    assert.equal(speakerOf(text, readout, '防衛力の抜本的強化'), '木原稔');
  });

  it("gives no one an archive statement's '[文書名]' field, and the statement's words to both sides", () => {
    const { text, readout } = parse([
      '[文書名] 日本国総理大臣と大韓民国大統領の共同声明',
      '1.両国首脳は,両国関係の一層の発展のため協力することで一致した。',
    ]);
    assert.equal(speakerOf(text, readout, '日本国総理大臣と大韓民国大統領の共同声明'), null);
    assert.equal(speakerOf(text, readout, '両国関係の一層の発展'), 'joint');
  });

  it("gives no one the header's title, fields, date and room, and the host the words of the first section", () => {
    const { text, readout } = parse([
      '防衛大臣記者会見',
      '',
      '日時',
      '令和6年2月9日(金)10:05~10:15',
      '場所',
      '防衛省A棟11階第1省議室',
      '備考',
      '木原防衛大臣閣議後会見',
      '',
      '1 発表事項',
      '',
      '　本日は私から一点ございます。',
      '',
      '2 質疑応答',
      '',
      'Q：訓練の予定を伺います。',
      '',
      'A：現時点で申し上げることはありません。',
    ]);
    for (const words of ['防衛大臣記者会見', '日時', '令和6年2月9日', '防衛省A棟', '木原防衛大臣閣議後会見']) assert.equal(speakerOf(text, readout, words), null, words);
    assert.equal(speakerOf(text, readout, '本日は私から一点'), '木原稔');
    assert.equal(speakerOf(text, readout, '訓練の予定'), 'press');
  });

  it('gives a label before a quote to the moderator, the press or the official it names', () => {
    const { text, readout } = parse([
      '岡田外務大臣会見 2010.4.6',
      '',
      '岡田大臣「まず私から一点申し上げます。」',
      '',
      '司会「では、ご質問をどうぞ」',
      '',
      '朝日-田中「核政策について伺います」',
      '',
      '岡田大臣「政府の方針に変わりはありません」',
    ]);
    assert.equal(speakerOf(text, readout, 'では、ご質問を'), '司会');
    assert.equal(speakerOf(text, readout, '核政策について伺います'), 'press');
    assert.equal(speakerOf(text, readout, '政府の方針に変わり'), '岡田克也');
  });
});

describe('labels outside transcript tags', () => {
  it('reads a name and office alone on a line as the speaker of the lines below, taking turns', () => {
    const { text, readout } = parse([
      '日中外相会談（概要）',
      '',
      '　川口外務大臣と李肇星外交部長との間で日中外相会談が行われたところ、概要以下のとおり。',
      '',
      '李部長',
      '日本政府の支援に感謝したい。',
      '',
      '川口大臣',
      '両国の交流を一層進めたい。',
    ]);
    assert.equal(speakerOf(text, readout, '日本政府の支援に感謝'), '李肇星');
    assert.equal(speakerOf(text, readout, '両国の交流を一層'), '川口');
  });

  it('reads a spaced label at the head of a line as its speaker', () => {
    const { text, readout } = parse([
      '政府が発表した安倍晋三首相と文在寅韓国大統領との電話会談の要旨は次の通り。',
      '首相 未来志向の関係を築いていきたい。',
      '両首脳 早期の会談実現を目指す。',
      '文氏 思いは同じだ。',
    ]);
    assert.equal(speakerOf(text, readout, '未来志向の関係を'), '安倍晋三');
    assert.equal(speakerOf(text, readout, '早期の会談実現'), 'joint');
    assert.equal(speakerOf(text, readout, '思いは同じだ'), '文在寅');
  });
});

describe('participants', () => {
  it('reads an attendance list with the country before each colon', () => {
    const { text, readout } = parse([
      '日・太平洋島嶼国首脳会議（概要）',
      '',
      '　7月16日、東京において首脳会議が開催され、岸田文雄内閣総理大臣が出席したところ、概要は以下のとおりです。',
      '1 出席者',
      '- 日本：岸田内閣総理大臣',
      'フィジー：ランブカ首相、トンガ：フシトゥアポ首相',
      '2 議題',
    ]);
    assert.deepEqual(names(readout), ['岸田文雄/JP', 'ランブカ/FJ', 'フシトゥアポ/TO']);
    assert.deepEqual(namedAt(text, readout), ['岸田文雄', 'ランブカ', 'フシトゥアポ']);
  });

  it('takes a counterpart the lead does not name from the first sentence where they speak', () => {
    const { text, readout } = parse([
      '日米外相会談（概要）',
      '',
      '　9月12日、ワシントンを訪問中の川口外務大臣は、日米外相会談を行ったところ、概要以下のとおり。',
      '　冒頭、川口大臣から挨拶があり、これに対しパウエル国務長官は、日本の協力を歓迎する旨述べた。',
    ]);
    assert.deepEqual(names(readout), ['川口/JP', 'パウエル/US']);
    assert.deepEqual(namedAt(text, readout), ['川口', 'パウエル']);
    assert.equal(readout.participants[1].span.start, text.indexOf('パウエル国務長官は'));
  });

  it('finds an ambassador accredited to Japan and a Korean name with its kanji in brackets', () => {
    const { readout } = parse([
      'ハガティ駐日米国大使による表敬',
      '',
      '　本日、林外務大臣は、韓国のユン・ドクミン（尹徳敏）駐日韓国大使及びハガティ駐日米国大使による表敬を受けました。',
    ]);
    assert.ok(names(readout).includes('ハガティ/US'), names(readout).join());
    assert.ok(names(readout).includes('ユン・ドクミン/KR'), names(readout).join());
  });
});

describe('reported speech', () => {
  it('hands the word to a second person within a sentence', () => {
    const { text, readout } = parse([
      '日英外相電話会談',
      '',
      '　本日、林外務大臣は、クレバリー英国外務・英連邦・開発大臣と電話会談を行いました。',
      '1 クレバリー大臣から協力の強化について言及があり、林大臣から、その方針を歓迎する旨述べました。',
    ]);
    assert.equal(speakerOf(text, readout, 'クレバリー大臣から協力'), 'クレバリー');
    assert.equal(speakerOf(text, readout, '林大臣から、その方針'), '林');
  });

  it("gives a statement's country subjects to that side's leader", () => {
    const { text, readout } = parse([
      '日米首脳共同声明',
      '',
      '　岸田文雄内閣総理大臣とジョセフ・R・バイデン大統領は、本日会談した。',
      '二　日本国政府は、防衛力の強化に取り組む。',
      '　米国は、日本の防衛へのコミットメントを再確認する。',
    ]);
    assert.equal(speakerOf(text, readout, '日本国政府は、防衛力'), '岸田文雄');
    assert.equal(speakerOf(text, readout, '米国は、日本の防衛'), 'ジョセフ・R・バイデン');
  });

  it("gives a conference's host written by family name alone the full name of the office's holder that day", () => {
    const { text, readout } = parse([
      '防衛大臣記者会見',
      '',
      '日時',
      '令和6年1月19日（金）10:31～10:44',
      '備考',
      '木原防衛大臣閣議後会見',
      '',
      '1 発表事項',
      '',
      '　本日、私から一点ございます。被災地を再び訪れる予定です。',
    ]);
    assert.deepEqual(readout.participants.map((p) => p.name), ['木原稔']);
    assert.equal(speakerOf(text, readout, '本日、私から一点'), '木原稔');
  });

  it('keeps a family name the knowledge file cannot place on the date as written', () => {
    const { readout } = parse(['小倉内閣府特命担当大臣（こども政策担当）記者会見要旨 令和5年3月10日', '', '（問）予算の見通しは。', '（答）今後の議論で固めます。']);
    assert.deepEqual(readout.participants.map((p) => [p.name, p.country]), [['小倉', 'JP']]);
  });
});
