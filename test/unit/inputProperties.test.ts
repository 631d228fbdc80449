// Property-based tests of the inputs the index reads from disk: an index cache whose entries have
// values of the wrong type put anywhere (numbers, null, strings, nested junk, missing fields), and
// `.kaidan/people.json` files with bad entries among good ones. The index completes, each bad entry
// is named once and costs only itself, and hovers and workspace symbols answer without throwing.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CACHE_FILE, CorpusIndex } from '../../server/src/corpus/index';
import { MemoryWorkspace, pathToUri, uriToPath } from '../../server/src/corpus/workspace';
import { readTextFile } from '../../server/src/io/readText';
import { defaultParser } from '../../server/src/parse/parser';
import { seedPath } from './helpers';
import { askEverything, within } from './inputHelpers';
import type { PeopleIndex } from '../../server/src/knowledge/people';

const FILES: [string, string][] = [0, 1, 3].map((seed) => [pathToUri(`/mem/${seed}.readout.txt`), readTextFile(seedPath(seed))]);
const DOCUMENTS = FILES.map(([uri, text]) => ({ uri, text }));

/** Values of every wrong type: scalars, strings, and arrays and objects of them, nested. */
const junk: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.constant(null),
    fc.boolean(),
    fc.string({ maxLength: 6 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('name', 'range', 'line', 'start', 'x'), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Every path into a JSON value, for picking where to put junk. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => pathsOf((value as Record<string | number, unknown>)[key], [...prefix, key]))];
}

/** Puts junk at a path, or deletes what is there (`undefined`). */
function damage(entry: Record<string, unknown>, path: (string | number)[], replacement: unknown): void {
  let parent = entry as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (replacement === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
}

function countingParser() {
  const counter = { parses: 0, parse: (text: string, people: PeopleIndex) => (counter.parses++, defaultParser.parse(text, people)) };
  return counter;
}

describe('the index on a cache with values of the wrong type anywhere', () => {
  const storagePath = mkdtempSync(join(tmpdir(), 'kaidan-cache-properties-'));
  const cachePath = join(storagePath, CACHE_FILE);
  let pristine = '';

  it('completes, names each entry it skips once, reads exactly those files again, and answers hovers and workspace symbols', { timeout: 300_000 }, async () => {
    await new CorpusIndex(new MemoryWorkspace(FILES), { storagePath }).build();
    pristine = readFileSync(cachePath, 'utf8');
    const files = (JSON.parse(pristine) as { files: Record<string, Record<string, unknown>> }).files;
    const paths = Object.keys(files);
    const damageArb = fc.array(
      fc.record({ file: fc.nat(paths.length - 1), at: fc.nat(), replacement: fc.oneof(junk, fc.constant(undefined)) }),
      { minLength: 1, maxLength: 4 },
    );
    await fc.assert(
      fc.asyncProperty(damageArb, async (damages) => {
        const cache = JSON.parse(pristine) as { files: Record<string, Record<string, unknown>> };
        for (const { file, at, replacement } of damages) {
          const entry = cache.files[paths[file]];
          const inside = pathsOf(entry).filter((path) => path.length > 0);
          damage(entry, inside[at % inside.length], replacement);
        }
        writeFileSync(cachePath, JSON.stringify(cache));
        const problems: string[] = [];
        const parser = countingParser();
        const index = new CorpusIndex(new MemoryWorkspace(FILES), { storagePath, parser, onProblem: (m) => problems.push(m) });
        await within(index.build(), 20_000, 'the build');
        assert.equal(index.state.state, 'ready');
        assert.deepEqual(index.allFiles().map((file) => file.uri).sort(), FILES.map(([uri]) => uri).sort());
        const named = paths.filter((path) => problems.some((problem) => problem.includes(`the entry for ${path} is malformed`)));
        assert.equal(problems.length, named.length, problems.join('\n'));
        assert.ok(problems.every((problem) => !problem.includes('\n')));
        assert.equal(parser.parses, named.length);
        askEverything(index, DOCUMENTS);
      }),
      { numRuns: 120 },
    );
  });

  it('keeps every entry of an undamaged cache and parses nothing', async () => {
    writeFileSync(cachePath, pristine);
    const parser = countingParser();
    const problems: string[] = [];
    const index = new CorpusIndex(new MemoryWorkspace(FILES), { storagePath, parser, onProblem: (m) => problems.push(m) });
    await index.build();
    assert.deepEqual([parser.parses, problems, index.allFiles().length], [0, [], FILES.length]);
    assert.deepEqual(index.allFiles().map((file) => uriToPath(file.uri)).sort(), Object.keys(JSON.parse(pristine).files).sort());
  });
});

const RURITANIA = '日本・ルリタニア外相会談\n\n令和6年5月1日、上川外務大臣は、ルドルフ・ラッセンディル・ロシア外務大臣と会談を行いました。概要は以下のとおりです。\n1 ラッセンディル外務大臣より,協力を述べました。\n';

/** A person as people.json writes one; `i` keeps ids apart from each other and from the knowledge file's. */
const person = (i: number) =>
  fc.record({
    id: fc.constant(`generated-${i}`),
    family: fc.constantFrom('ラッセンディル', 'エルフベルク', 'サプト'),
    names: fc.array(fc.constantFrom('ルドルフ・ラッセンディル', 'フラビア・エルフベルク', 'フリッツ・フォン・タルレンハイム'), { maxLength: 2 }),
    variants: fc.array(fc.constantFrom('ラッセンディル', 'ルドルフ'), { maxLength: 2 }),
    latin: fc.constantFrom('Rudolf Rassendyll', 'Flavia'),
    country: fc.constantFrom('RU', 'DE'),
    offices: fc.array(fc.record({ title: fc.constantFrom('外務大臣', '国王'), from: fc.constant('2024-01-01'), to: fc.constantFrom(null, '2025-01-01') }), { maxLength: 2 }),
  });

/** A value of a type that no field of a person takes where `field` stands. */
const wrongFor = (field: string): fc.Arbitrary<unknown> => {
  const notString = fc.oneof(fc.integer(), fc.constant(null), fc.boolean(), fc.array(junk, { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 3 }), junk, { maxKeys: 2 }));
  if (field === 'names' || field === 'variants' || field === 'offices') {
    // Not a list, or a list holding something else than its items.
    const badItem: fc.Arbitrary<unknown> = field === 'offices' ? fc.oneof(fc.integer(), fc.constant(null), fc.string(), fc.record({ title: fc.integer(), from: fc.constant('2024-01-01') })) : notString;
    return fc.oneof(fc.integer(), fc.string({ minLength: 1 }), fc.dictionary(fc.string({ maxLength: 3 }), junk, { minKeys: 1, maxKeys: 2 }), fc.array(badItem, { minLength: 1, maxLength: 3 }));
  }
  return notString;
};

const REQUIRED = ['id', 'family', 'names', 'country', 'offices'];
const FIELDS = [...REQUIRED, 'variants', 'latin'];

/** One entry of people.json: good, a good one with one field of the wrong type or missing, or junk. */
const entry = (i: number): fc.Arbitrary<{ value: unknown; good: boolean }> =>
  fc.oneof(
    person(i).map((value) => ({ value, good: true })),
    fc.tuple(person(i), fc.constantFrom(...FIELDS), fc.boolean()).chain(([value, field, remove]) =>
      remove && REQUIRED.includes(field)
        ? fc.constant({ value: { ...value, [field]: undefined }, good: false })
        : wrongFor(field).map((wrong) => ({ value: { ...value, [field]: wrong }, good: false })),
    ),
    junk.map((value) => ({ value, good: false })),
  );

describe('the index on a .kaidan/people.json with entries of the wrong type', () => {
  it('completes, uses every good entry, names each bad one once, and answers hovers and workspace symbols', { timeout: 300_000 }, async () => {
    const file = fc.integer({ min: 0, max: 6 }).chain((length) => fc.tuple(...Array.from({ length }, (_, i) => entry(i))));
    await fc.assert(
      fc.asyncProperty(file, async (entries) => {
        const text = JSON.stringify({ version: 1, people: entries.map((e) => e.value) });
        const problems: string[] = [];
        const index = new CorpusIndex(new MemoryWorkspace([['file:///mem/r.readout.txt', RURITANIA], ...FILES]), { readPeopleOverride: async () => text, onProblem: (m) => problems.push(m) });
        await within(index.build(), 20_000, 'the build');
        const ids = new Set(index.peopleIndex.people.map((p) => p.id));
        entries.forEach((e, i) => assert.equal(ids.has(`generated-${i}`), e.good, `entry ${i}: ${JSON.stringify(e.value)}`));
        const bad = entries.flatMap((e, i) => (e.good ? [] : [i]));
        assert.deepEqual(problems.map((problem) => Number(/entry (\d+) left out/.exec(problem)?.[1])), bad, problems.join('\n'));
        askEverything(index, [{ uri: 'file:///mem/r.readout.txt', text: RURITANIA }, ...DOCUMENTS]);
      }),
      { numRuns: 150 },
    );
  });

  it('names a file that is not a people file at all once, and keeps the knowledge file', async () => {
    for (const text of ['3', 'null', '"people"', '{"people": 5}', '{"people": {"0": {}}}', '[]']) {
      const problems: string[] = [];
      const index = new CorpusIndex(new MemoryWorkspace(FILES), { readPeopleOverride: async () => text, onProblem: (m) => problems.push(m) });
      await index.build();
      assert.deepEqual(problems, ['.kaidan/people.json has no "people" array'], text);
      assert.ok(index.peopleIndex.people.some((p) => p.id === 'blinken-antony'));
    }
  });
});
