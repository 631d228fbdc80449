// Properties every readout of the sample corpus must have.

import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { OutlineNode, Range } from '../../server/src/features/types';
import { readTextFile } from '../../server/src/io/readText';
import { createReadoutService } from '../../server/src/service';
import { corpusFiles, documentOf, service } from './helpers';
import { PEOPLE } from '../../server/src/knowledge/people';

const files = corpusFiles();

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function assertNested(nodes: readonly OutlineNode[], parent: Range | null, path: string): void {
  for (const node of nodes) {
    assert.ok(before(node.range.start, node.selectionRange.start) && before(node.selectionRange.end, node.range.end), `${path} › ${node.name}: selection outside range`);
    if (parent) {
      assert.ok(before(parent.start, node.range.start) && before(node.range.end, parent.end), `${path} › ${node.name} lies outside its parent`);
    }
    assertNested(node.children, node.range, `${path} › ${node.name}`);
  }
}

function names(nodes: readonly OutlineNode[]): string[] {
  return nodes.flatMap((node) => [node.name, node.detail, ...names(node.children)]);
}

describe('the sample corpus', () => {
  it('has the five seeds and at least 25 written readouts', () => {
    assert.equal(files.filter((file) => basename(file).startsWith('seed-')).length, 5);
    assert.ok(files.filter((file) => !basename(file).startsWith('seed-')).length >= 25);
  });

  for (const file of files) {
    describe(basename(file), () => {
      const text = readTextFile(file);

      it('gives the same model for LF, CRLF and with a BOM', () => {
        const lf = service.modelJson(documentOf(text));
        const crlf = service.modelJson(documentOf(text.replace(/\n/g, '\r\n')));
        assert.deepEqual(crlf, lf);
        const bom = readTextFile(file);
        assert.equal(bom, text);
      });

      it('has a non-empty outline in which every child lies inside its parent', () => {
        const outline = service.outline(documentOf(text));
        assert.ok(outline.length > 0);
        assert.ok(outline.some((node) => node.children.length > 0), 'the outline has sections');
        assertNested(outline, null, basename(file));
      });

      it('finds a kind and the parties', () => {
        const model = service.modelJson(documentOf(text));
        assert.ok(model.kind, 'kind');
        assert.ok(model.countries.includes('JP'), `countries ${model.countries}`);
        assert.ok(model.countries.length >= 2 || model.kind === '記者会見', `countries ${model.countries}`);
      });
    });
  }

  it('keeps page furniture out of every outline', () => {
    const furniture = ['合わせて読みたい', 'Ranking', '読まれている記事', 'pagetop', 'site search', 'menu', 'ページに広告', '発信元サイトへ', 'bnrname', '写真:', 'このページのトップへ'];
    for (const file of files) {
      const shown = names(service.outline(documentOf(readTextFile(file)))).join('\n');
      for (const phrase of furniture) assert.ok(!shown.includes(phrase), `${basename(file)} shows '${phrase}'`);
    }
  });
});

describe('the service shares its parses', () => {
  it('gives the index the model of an open document with the same text instead of parsing again', () => {
    const own = createReadoutService();
    const text = readTextFile(files[0]);
    const document = documentOf(text);
    const { readout } = own.parse(document);
    assert.equal(own.parsedText(text, PEOPLE), readout);
    assert.equal(own.parsedText(`${text}。`, PEOPLE), null);
    own.forget(document.uri);
    assert.equal(own.parsedText(text, PEOPLE), null);
  });
});
