// Links in hover markdown: a file whose name closes a markdown link, wraps it or holds an entity
// keeps one link that opens that very file, and no other link appears. The markdown is rendered
// with markdown-it (CommonMark, with autolinks as VS Code's renderer makes them) to see the links.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CorpusIndex } from '../../server/src/corpus/index';
import { MemoryWorkspace, pathToUri } from '../../server/src/corpus/workspace';
import { createCorpusFeatures } from '../../server/src/features/corpusFeatures';
import { fileLink, linkDestination } from '../../server/src/features/markdown';

interface MarkdownToken {
  readonly type: string;
  readonly content: string;
  readonly children: MarkdownToken[] | null;
  attrGet(name: string): string | null;
}
// VS Code renders hover markdown with markdown-it: the same library reads it here (a dev dependency).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: { linkify: boolean }) => { parse(text: string, env: object): MarkdownToken[]; validateLink(url: string): boolean };
const markdown = new MarkdownIt({ linkify: true });
// markdown-it drops file: links by default; VS Code opens them, so every link is kept to be seen.
markdown.validateLink = () => true;

/** Each link of the rendered markdown: its destination and its text. */
function links(value: string): { href: string; text: string }[] {
  const found: { href: string; text: string }[] = [];
  for (const block of markdown.parse(value, {})) {
    let open: { href: string; text: string } | null = null;
    for (const token of block.children ?? []) {
      if (token.type === 'link_open') open = { href: token.attrGet('href') ?? '', text: '' };
      else if (token.type === 'link_close' && open) {
        found.push(open);
        open = null;
      } else if (open) open.text += token.content;
    }
  }
  return found;
}

const HOSTILE_NAMES = [
  'file:///mem/2014-04-24-x)(www.evil.com)[y](https:/evil.com) <b>&lpar;.readout.txt',
  'file:///mem/a)b.readout.txt',
  pathToUri('/mem/c (1)%25 [x].readout.txt'),
];

const BLINKEN = (date: string) =>
  `日米外相会談\n\n${date}、林芳正外務大臣は、アントニー・ブリンケン米国国務長官と日米外相会談を行いました。概要は以下のとおりです。\n1 両外相は,日米同盟について意見交換を行いました。\n`;

describe('links in hover markdown', () => {
  it('each meeting of a file with a hostile name is one link that opens that file', async () => {
    const files: [string, string][] = HOSTILE_NAMES.map((uri, i) => [uri, BLINKEN(`令和4年${i + 1}月1日`)]);
    const workspace = new MemoryWorkspace(files);
    const index = new CorpusIndex(workspace);
    await index.build();
    const [uri, text] = files[1];
    const hover = createCorpusFeatures(index).hover({ uri, getText: () => text }, { line: 2, character: text.split('\n')[2].indexOf('ブリンケン') + 1 });
    assert.ok(hover, 'a hover on ブリンケン');
    const found = links(hover.contents.value);
    // Newest first: the files in reverse order, each once, each opening its title line.
    assert.deepEqual(
      found.map((link) => ({ path: fileURLToPath(link.href.replace(/#L\d+$/, '')), line: /#L(\d+)$/.exec(link.href)?.[1], text: link.text })),
      [...HOSTILE_NAMES].reverse().map((name) => ({ path: fileURLToPath(name), line: '1', text: '日米外相会談' })),
      hover.contents.value,
    );
  });

  it('percent-encodes what markdown reads in a destination, keeping existing escapes', () => {
    assert.equal(linkDestination('file:///m/a)(b [c]<d>&e\\f"g\'h.txt'), 'file:///m/a%29%28b%20%5Bc%5D%3Cd%3E%26e%5Cf%22g%27h.txt');
    assert.equal(linkDestination('file:///m/%E6%97%A5 50%.txt'), 'file:///m/%E6%97%A5%2050%25.txt');
    assert.equal(linkDestination('file:///m/日米.txt'), 'file:///m/%E6%97%A5%E7%B1%B3.txt');
    assert.equal(linkDestination('file:///m/a-b_c~d.e!$*+,;=@:x'), 'file:///m/a-b_c~d.e!$*+,;=@:x');
  });

  it('a label that holds link syntax stays the text of the one link', () => {
    const label = 'x](https://evil.com) [y](command:quit) <https://evil.com> www.evil.com';
    const found = links(fileLink(label, 'file:///m/a)b.txt', { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } }));
    assert.deepEqual(found, [{ href: 'file:///m/a%29b.txt#L5', text: label }]);
  });
});
