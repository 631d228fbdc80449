// Who says what, on the seeds: transcripts, speaker blocks, reported speech and joint subjects.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Readout, Statement } from '../../server/src/model/readout';
import { readTextFile } from '../../server/src/io/readText';
import { documentOf, seedPath, service } from './helpers';

function parsed(seed: number) {
  return service.parse(documentOf(readTextFile(seedPath(seed))));
}

/** The statement holding the first occurrence of `words`. */
function statementAt(text: string, readout: Readout, words: string): Statement {
  const offset = text.indexOf(words);
  assert.ok(offset >= 0, `'${words}' is in the text`);
  const statement = readout.statements.find((s) => s.span.start <= offset && offset < s.span.end);
  assert.ok(statement, `a statement holds '${words}'`);
  return statement;
}

function speakerOf(readout: Readout, statement: Statement) {
  const speaker = readout.speakers.find((s) => s.id === statement.speaker);
  assert.ok(speaker, `speaker ${statement.speaker} is listed`);
  return speaker;
}

describe('speakers in summaries (seed 001)', () => {
  const { text, readout } = parsed(1);
  it("attributes 'これに対しケリー長官より,日韓関係の改善…' to ケリー, counterpart", () => {
    const speaker = speakerOf(readout, statementAt(text, readout, 'これに対しケリー長官より,日韓関係の改善'));
    assert.equal(speaker.name, 'ケリー');
    assert.equal(speaker.side, 'counterpart');
    assert.equal(speaker.country, 'US');
  });
  it("attributes '岸田大臣より,日韓関係の現状' to 岸田, japan", () => {
    const speaker = speakerOf(readout, statementAt(text, readout, '岸田大臣より,日韓関係の現状'));
    assert.equal(speaker.name, '岸田');
    assert.equal(speaker.side, 'japan');
  });
  it('splits one sentence where the word passes to the other side', () => {
    const first = statementAt(text, readout, '冒頭,ケリー長官より岸田大臣の米国訪問を歓迎');
    const answer = statementAt(text, readout, 'これに対し岸田大臣より,安倍政権発足以降');
    assert.notEqual(first.speaker, answer.speaker);
  });
  it('keeps the speaker for a sentence that continues the statement', () => {
    const statement = statementAt(text, readout, 'その上で,先般のミュンヘン安全保障会議');
    assert.equal(speakerOf(readout, statement).name, '岸田');
    assert.equal(statement.labelSpan === null || text.slice(statement.labelSpan.start, statement.labelSpan.end) === '岸田大臣', true);
  });
  it('resolves 岸田大臣 / 岸田外務大臣 to one speaker', () => {
    assert.equal(readout.speakers.filter((s) => s.name.startsWith('岸田')).length, 1);
    const kishida = readout.mentions.filter((m) => m.name === '岸田');
    assert.ok(kishida.length > 5);
    assert.equal(new Set(kishida.map((m) => m.speaker)).size, 1);
  });
});

describe('joint subjects', () => {
  it("attributes statements beginning '両閣僚は' to the joint speaker (seed 002)", () => {
    const { text, readout } = parsed(2);
    const statement = statementAt(text, readout, '両閣僚は、直近の北朝鮮問題');
    assert.equal(statement.joint, true);
    assert.equal(speakerOf(readout, statement).side, 'joint');
    const names = statement.jointWith.map((id) => readout.speakers.find((s) => s.id === id)?.name ?? id);
    assert.equal(names.length, 2);
    assert.ok(names.some((name) => name.startsWith('小野寺')) && names.some((name) => name.endsWith('マティス')), names.join(', '));
  });
  it("attributes '三者は' to the joint speaker with three participants (seed 004)", () => {
    const { text, readout } = parsed(4);
    const statement = statementAt(text, readout, '三者は、日米韓を取り巻く');
    assert.equal(statement.joint, true);
    assert.equal(statement.jointWith.length, 3);
    const sides = statement.jointWith.map((id) => readout.speakers.find((s) => s.id === id)?.side);
    assert.deepEqual(sides, ['japan', 'counterpart', 'counterpart']);
  });
});

describe('speakers in transcripts (seed 000)', () => {
  const { readout } = parsed(0);
  it('gives every 【大臣】 turn one speaker on the Japanese side and every 【記者】 turn the press', () => {
    const turnStatements = readout.turns.map((turn) => readout.statements.find((s) => s.span.start === turn.span.start));
    const ministers = new Set<string>();
    readout.turns.forEach((turn, i) => {
      const statement = turnStatements[i];
      assert.ok(statement);
      const speaker = speakerOf(readout, statement);
      if (turn.speaker === '大臣') {
        ministers.add(speaker.id);
        assert.equal(speaker.side, 'japan');
      } else {
        assert.equal(speaker.side, 'press');
      }
    });
    assert.equal(ministers.size, 1);
  });
  it("gives the untagged opening remarks to the minister", () => {
    const opening = readout.statements[0];
    const minister = readout.statements.find((s) => s.labelSpan !== null && speakerOf(readout, s).side === 'japan');
    assert.equal(opening.labelSpan, null);
    assert.equal(opening.speaker, minister?.speaker);
  });
});

describe('speaker blocks (seed 003)', () => {
  const { readout } = parsed(3);
  it('gives the four blocks four distinct people, two japan and two counterpart', () => {
    assert.equal(readout.statements.length, 4);
    const speakers = readout.statements.map((statement) => speakerOf(readout, statement));
    assert.equal(new Set(speakers.map((s) => s.id)).size, 4);
    assert.deepEqual(speakers.map((s) => s.side), ['counterpart', 'counterpart', 'japan', 'japan']);
    assert.deepEqual(speakers.map((s) => s.personId), ['lavrov-sergey', 'shoigu-sergei', 'kono-taro', 'onodera-itsunori']);
  });
});

describe('statements on every corpus file', () => {
  it('lie inside the text, in order, without overlapping', async () => {
    const { corpusFiles } = await import('./helpers');
    for (const file of corpusFiles()) {
      const text = readTextFile(file);
      const { readout } = service.parse(documentOf(text));
      let lastEnd = 0;
      for (const statement of readout.statements) {
        assert.ok(statement.span.start >= lastEnd && statement.span.end <= text.length && statement.span.start < statement.span.end, file);
        assert.ok(readout.speakers.some((s) => s.id === statement.speaker), `${file}: ${statement.speaker} listed`);
        lastEnd = statement.span.end;
      }
    }
  });
});
