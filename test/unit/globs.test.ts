// The corpus globs: VS Code's files.exclude semantics (a matched folder excludes all under it,
// classes, braces, plain parentheses), and hostile patterns refused or answered in milliseconds.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { GLOB_LIMITS, PathGlob, corpusFilter } from '../../server/src/corpus/globs';
import { DEFAULT_GLOBS, pathToUri } from '../../server/src/corpus/workspace';
import { DiskWorkspace } from '../../server/src/io/diskWorkspace';

const INCLUDE = ['**/*.readout', '**/*.readout.txt'];

function admits(exclude: string[], path: string, include = INCLUDE): boolean {
  return corpusFilter({ include, exclude }).admits(path);
}

function milliseconds(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe('corpus globs read as VS Code reads files.exclude', () => {
  it('an exclude that names a folder excludes everything under it, at any depth', () => {
    assert.equal(admits(['**/build'], 'build/a.readout.txt'), false);
    assert.equal(admits(['**/build'], 'x/y/build/z/a.readout.txt'), false);
    assert.equal(admits(['build'], 'x/build/a.readout.txt'), false);
    assert.equal(admits(['**/build'], 'buildings/a.readout.txt'), true);
    assert.equal(admits(['**/build'], 'x/a.build.readout.txt'), true);
    assert.equal(admits(['drafts/*'], 'drafts/old/a.readout.txt'), false);
    assert.equal(admits(['drafts/*'], 'x/drafts/a.readout.txt'), true);
  });

  it('character classes, negated classes, braces, ? and plain parentheses', () => {
    assert.equal(admits([], 'a.readout.txt', ['[ab].readout.txt']), true);
    assert.equal(admits([], 'b.readout.txt', ['[ab].readout.txt']), true);
    assert.equal(admits([], 'c.readout.txt', ['[ab].readout.txt']), false);
    assert.equal(admits([], '[ab].readout.txt', ['[ab].readout.txt']), false);
    assert.equal(admits(['[!0-9]*'], '2014/05.readout.txt'), true);
    assert.equal(admits(['[!0-9]*'], '2014/notes.readout.txt'), false);
    assert.equal(admits([], 'src/m1.md', ['{src,lib}/m?.{md,txt}']), true);
    assert.equal(admits([], 'lib/m22.md', ['{src,lib}/m?.{md,txt}']), false);
    assert.equal(admits(['copy (1).readout.txt'], 'x/copy (1).readout.txt'), false);
    assert.equal(admits(['@(a|b).readout.txt'], 'a.readout.txt'), true);
    assert.equal(admits(['.*'], '.hidden/a.readout.txt'), false);
  });

  it('files.exclude entries the client passes keep a folder out of the disk listing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kaidan-globs-'));
    mkdirSync(join(folder, 'build', 'deep'), { recursive: true });
    mkdirSync(join(folder, 'notes'));
    writeFileSync(join(folder, 'build', 'deep', 'a.readout.txt'), 'x');
    writeFileSync(join(folder, 'build', 'b.readout.txt'), 'x');
    writeFileSync(join(folder, 'notes', 'c.readout.txt'), 'x');
    const workspace = new DiskWorkspace([folder], { include: DEFAULT_GLOBS.include, exclude: [...DEFAULT_GLOBS.exclude, '**/build'] });
    assert.deepEqual(await workspace.listFiles(), [pathToUri(join(folder, 'notes', 'c.readout.txt'))]);
    assert.equal(workspace.admits(pathToUri(join(folder, 'build', 'b.readout.txt'))), false);
  });
});

describe('hostile corpus globs', () => {
  const longName = `${'a'.repeat(200)}.readout.txt`;
  const deepPath = `${'a/'.repeat(1000)}a.readout.txt`;

  it('too many wildcards: refused at once with one line naming the pattern and the setting', () => {
    const pattern = '*a*a*a*a*a*a*a*a*a*a*a*a*b';
    const problems: string[] = [];
    let admitted = true;
    const took = milliseconds(() => {
      const workspace = new DiskWorkspace(['/w'], { include: INCLUDE, exclude: [pattern] }, (message) => problems.push(message));
      admitted = workspace.admits(pathToUri(`/w/${longName}`));
    });
    assert.deepEqual(problems, [`the exclude pattern "${pattern}" in kaidan.corpus.exclude or files.exclude is ignored: it has 13 '*' between two slashes (at most 2)`]);
    assert.equal(admitted, true);
    assert.ok(took < 50, `${took.toFixed(1)} ms`);
  });

  it('sixteen **/ in a row are one, and answer in milliseconds on a path 1000 folders deep', () => {
    const filter = corpusFilter({ include: INCLUDE, exclude: [`${'**/'.repeat(16)}b`] });
    assert.deepEqual(filter.problems, []);
    let admitted = false;
    const took = milliseconds(() => (admitted = filter.admits(deepPath)));
    assert.equal(admitted, true);
    assert.ok(took < 50, `${took.toFixed(1)} ms`);
  });

  it('each limit is named in its message', () => {
    const refusal = (pattern: string) => {
      const glob = PathGlob.compile(pattern);
      return glob instanceof PathGlob ? null : glob.refused;
    };
    assert.equal(refusal(`${'**/a/'.repeat(7)}b`), "it has 7 '*' or '**' (at most 6)");
    assert.equal(refusal('x'.repeat(300)), 'it is 300 characters long (at most 256)');
    assert.equal(refusal('{a,b}{c,d}{e,f}{g,h}'), "it has 4 '{…}' groups (at most 3)");
    assert.equal(refusal('{a/b,c}'), "a '/' inside '{…}' or '[…]' is not supported (write one pattern per alternative)");
    assert.equal(refusal(''), 'it is empty');
    assert.equal(refusal('a//b'), 'it has an empty part between two slashes');
    assert.equal(refusal('*a*b'), null);
    assert.equal(admits(['**/build/'], 'x/build/a.readout.txt'), false);
    assert.equal(corpusFilter({ include: ['*a*a*b'], exclude: [] }).problems[0], `the include pattern "*a*a*b" in kaidan.corpus.include is ignored: it has 3 '*' between two slashes (at most ${GLOB_LIMITS.starsInOnePart})`);
  });

  it('the costliest patterns within the limits answer in milliseconds on a 4096-character path', () => {
    const name = 'a'.repeat(255);
    const path = `${`${name}/`.repeat(15)}${'a'.repeat(240)}.readout.txt`;
    assert.equal(path.length, 4092);
    const worst = ['**/*a*b/**/*a*b', '*a*b/*a*b/*a*b', '**/a/**/a/**/a/**/a/**/a/**/b', '{*a,*b}/{*a,*b}/{*a,*b}c'];
    for (const pattern of worst) {
      const filter = corpusFilter({ include: INCLUDE, exclude: [pattern] });
      assert.deepEqual(filter.problems, [], pattern);
      let admitted = false;
      const took = milliseconds(() => (admitted = filter.admits(path)));
      assert.equal(admitted, true, pattern);
      assert.ok(took < 50, `${pattern}: ${took.toFixed(1)} ms`);
    }
  });
});
