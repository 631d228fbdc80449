// The kaidan command, run as a user runs it (the bundled CLI, built by `npm run build`).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, seedPath } from './helpers';

function kaidan(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'kaidan.js'), ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('kaidan parse', () => {
  it('prints the model as JSON with the documented fields', () => {
    const { status, stdout } = kaidan('parse', seedPath(3), '--json');
    assert.equal(status, 0);
    const model = JSON.parse(stdout);
    for (const field of ['title', 'kind', 'date', 'startTime', 'durationMinutes', 'place', 'countries', 'participants', 'sections', 'turns', 'meetings']) {
      assert.ok(field in model, field);
    }
    assert.equal(model.kind, '2+2');
    assert.deepEqual(Object.keys(model.participants[0]).slice(0, 3), ['name', 'title', 'country']);
    assert.deepEqual(Object.keys(model.sections[0]).filter((key) => ['label', 'range', 'children'].includes(key)), ['label', 'range', 'children']);
  });
});

describe('kaidan outline', () => {
  it('prints an indented tree', () => {
    const { status, stdout } = kaidan('outline', seedPath(1));
    assert.equal(status, 0);
    assert.match(stdout, /\n {2}日米外相会談\(概要\)/);
    assert.match(stdout, /\n {4}2 日米関係/);
    assert.match(stdout, /\n {6}\(1\) オバマ大統領の訪日招請/);
  });
});

describe('kaidan on a readout in a legacy encoding', () => {
  it('parses the Shift_JIS copy of seed 001 to the same model as the UTF-8 original', () => {
    const legacy = kaidan('parse', join(ROOT, 'test', 'fixtures', 'encodings', 'seed-001.shift_jis.txt'), '--json');
    const original = kaidan('parse', seedPath(1), '--json');
    assert.equal(legacy.status, 0, legacy.stderr);
    const model = JSON.parse(legacy.stdout);
    assert.equal(model.kind, '外相会談');
    assert.equal(model.place, 'ワシントンDC');
    assert.deepEqual(model, JSON.parse(original.stdout));
  });
});

describe('kaidan on bad input', () => {
  const folder = mkdtempSync(join(tmpdir(), 'kaidan-cli-'));
  const binary = join(folder, 'photo.txt');
  writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
  // Shift_JIS '日米' cut by bytes that lead nothing in Shift_JIS and are unassigned in EUC-JP.
  const undecodable = join(folder, 'broken.txt');
  writeFileSync(undecodable, Buffer.from([0x93, 0xfa, 0x95, 0xc4, 0xfd, 0xfe, 0xff]));
  for (const [name, path] of [['a missing file', join(folder, 'nothing.txt')], ['a folder', folder], ['a binary file', binary], ['text in no supported encoding', undecodable]]) {
    it(`answers ${name} with one line on stderr and a non-zero exit`, () => {
      const { status, stderr } = kaidan('parse', path, '--json');
      assert.notEqual(status, 0);
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
      assert.match(stderr, /^kaidan: /);
      assert.doesNotMatch(stderr, /\bat \S+ \(/);
    });
  }
  for (const [args, line] of [
    [['parse', seedPath(1), '--jsno'], 'kaidan parse: unknown option --jsno (options: --json)'],
    [['outline', '-v', seedPath(1)], 'kaidan outline: unknown option -v (it takes no options)'],
    [['index', 'corpus', '--cvs'], 'kaidan index: unknown option --cvs (options: --json, --csv)'],
  ] as const) {
    it(`refuses the unknown option in 'kaidan ${args.join(' ').replace(ROOT, '.')}' with one line and exit 2`, () => {
      const { status, stdout, stderr } = kaidan(...args);
      assert.equal(status, 2);
      assert.equal(stderr, `${line}\n`);
      assert.equal(stdout, '');
    });
  }
  it('prints usage for an unknown command', () => {
    const { status, stderr } = kaidan('frobnicate');
    assert.equal(status, 2);
    assert.match(stderr, /usage: kaidan/);
  });
});

describe('kaidan index, related, who', () => {
  it('index prints one CSV row per meeting with its date, kind, countries and participants', () => {
    const { status, stdout } = kaidan('index', join(ROOT, 'corpus'), '--csv');
    assert.equal(status, 0);
    const lines = stdout.trim().split('\n');
    assert.equal(lines[0], 'file,date,kind,place,countries,participants');
    assert.ok(lines.includes('2018-03-21-kono-lavrov-foreign-ministers-tokyo.readout.txt,2018-03-21,外相会談,飯倉公館,JP RU,河野太郎; セルゲイ・ラヴロフ'), stdout);
    // seed 002 holds three meetings: three rows.
    assert.equal(lines.filter((line) => line.startsWith('seed-002-')).length, 3);
  });

  it('related --json gives the reasons', () => {
    const { status, stdout } = kaidan('related', seedPath(3), '--json');
    assert.equal(status, 0);
    const related = JSON.parse(stdout) as { file: string; reasons: string[] }[];
    const konoLavrov = related.find((item) => item.file === '2018-03-21-kono-lavrov-foreign-ministers-tokyo.readout.txt');
    assert.ok(konoLavrov);
    assert.ok(konoLavrov.reasons.includes("referred to here: '3月の日露外相会談'"), JSON.stringify(konoLavrov.reasons));
  });

  it('related puts the other document of the same event first and marks it', () => {
    const press = join(ROOT, 'corpus', '2022-01-07-hayashi-press-conference.readout.txt');
    const json = kaidan('related', press, '--json');
    assert.equal(json.status, 0, json.stderr);
    const [first, ...rest] = JSON.parse(json.stdout) as { file: string; sameEvent: boolean; reasons: string[] }[];
    assert.equal(first.file, '2022-01-07-japan-us-2plus2-video-conference.readout.txt');
    assert.equal(first.sameEvent, true);
    assert.ok(rest.every((item) => !item.sameEvent), JSON.stringify(rest));
    const text = kaidan('related', press);
    assert.match(text.stdout.split('\n')[1], /^\t\tthe same event: 2\+2 · /);
  });

  it('who lists each namesake with their meetings by date', () => {
    const { status, stdout } = kaidan('who', '河野', join(ROOT, 'corpus'));
    assert.equal(status, 0);
    assert.match(stdout, /^河野洋平 \(Yohei Kono, kono-yohei\) — 1 meeting\n {2}2000-09-04\t外相会談/m);
    // The meetings he held himself; those where he only sat in ('河野外務大臣が同席') are not his.
    assert.match(stdout, /^河野太郎 \(Taro Kono, kono-taro\) — 3 meetings\n {2}2018-03-21\t外相会談\t.*\n {2}2018-06-29\t外相会談\t.*\n {2}2018-08-01\t2\+2\t/m);
  });

  it('who takes a Latin name too', () => {
    const { status, stdout } = kaidan('who', 'Lavrov', join(ROOT, 'corpus'));
    assert.equal(status, 0);
    assert.match(stdout, /^セルゲイ・ラヴロフ \(Sergey Lavrov, lavrov-sergey\) — 3 meetings\n/);
  });

  it('who finds a person the knowledge file does not hold, from the corpus alone', () => {
    const { status, stdout } = kaidan('who', 'クルブアラ', join(ROOT, 'test', 'fixtures', 'people-outside-knowledge'));
    assert.equal(status, 0);
    assert.match(stdout, /^イノケ・クルブアラ \(~FJ:foreign:クルブアラ\) — 3 meetings\n {2}2014-04-05\t外相会談\t日フィジー外相会談\t.*2014-04-05-kishida-kubuabola\.readout\.txt\n {2}2015-05-22\t/m);
  });
});
