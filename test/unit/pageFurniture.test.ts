// Site menus and breadcrumbs are furniture; a header with spaces between its fields is not.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseReadout } from '../../server/src/parse/parser';
import { PEOPLE } from '../../server/src/knowledge/people';

describe('page furniture', () => {
  it('folds a site menu and a breadcrumb trail, and keeps the title under them', () => {
    const text = '外務省 English リンク 検索 サイトマップ\nトップページ 会談・訪問 アジア\n日中首脳会談（概要）\n\n平成15年10月7日\n\n 10月7日，小泉総理は温家宝総理と首脳会談を行ったところ，概要以下のとおり。\n';
    const model = parseReadout(text, PEOPLE);
    assert.equal(model.title, '日中首脳会談（概要）');
    assert.equal(model.boilerplate.length, 1);
    assert.equal(text.slice(model.boilerplate[0].start, model.boilerplate[0].end), '外務省 English リンク 検索 サイトマップ\nトップページ 会談・訪問 アジア');
  });

  it('reads a press conference header whose date, weekday, time and place stand apart', () => {
    const model = parseReadout('記者会見\n\n令和4年1月7日 (金曜日) 10時30分 於:本省会見室\n\n冒頭発言\n\n【大臣】本日は以上です。\n【記者】質問です。\n', PEOPLE);
    assert.deepEqual([model.kind, model.date, model.startTime, model.place, model.boilerplate.length], ['記者会見', '2022-01-07', '10:30', '本省会見室', 0]);
  });

  it("folds a blog's comment form to the end of the page, and no one speaks in it", () => {
    const file = join(__dirname, '../../../test/fixtures/formats/copy-aggregator-photo-captions-comment-form.readout.txt');
    const text = readFileSync(file, 'utf8');
    const model = parseReadout(text, PEOPLE);
    const form = text.indexOf('Leave a Reply');
    const last = model.boilerplate[model.boilerplate.length - 1];
    assert.deepEqual([last.start, last.end], [form, text.trimEnd().length]);
    assert.ok(model.statements.every((statement) => statement.span.end <= form));
  });

  it("folds a news copy's source credit and a Japanese comment form, and places nothing at a press conference", () => {
    const text = '官房長官、来週の訪米を発表\n\n林芳正官房長官は10日の閣議後の会見で、来週の訪米予定を明らかにした。\n\n参照元:共同通信\n\nコメントする\n\nメールアドレスが公開されることはありません。\n';
    const model = parseReadout(text, PEOPLE);
    const furniture = model.boilerplate.map((span) => text.slice(span.start, span.end));
    // Furniture lines with only blank lines between them make one span.
    assert.deepEqual(furniture, ['参照元:共同通信\n\nコメントする\n\nメールアドレスが公開されることはありません。']);
    assert.equal(model.place, null);
    assert.ok(model.statements.every((statement) => statement.span.end <= text.indexOf('参照元')));
  });
});

