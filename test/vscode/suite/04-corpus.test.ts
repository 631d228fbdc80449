import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateKaidan, corpusFile, open, waitUntil, workspaceFolder } from './helpers';

/** The corpus part of the extension's API. */
interface CorpusApi {
  indexReady(): Promise<void>;
  onIndexState: vscode.Event<{ state: 'indexing' | 'ready'; done: number; total: number; meetings: number }>;
}

const KONO_LAVROV = '2018-03-21-kono-lavrov-foreign-ministers-tokyo.readout.txt';

async function corpusReady(): Promise<void> {
  const api = (await activateKaidan()) as unknown as CorpusApi;
  assert.ok(typeof api.indexReady === 'function', 'activate() must return indexReady()');
  await api.indexReady();
}

function positionOf(document: vscode.TextDocument, needle: string, offset = 1): vscode.Position {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `'${needle}' is not in ${document.uri.path}`);
  return document.positionAt(at + offset);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

function activeFile(): string | undefined {
  return vscode.window.activeTextEditor?.document.uri.path.split('/').pop();
}

suite('Corpus cross-references', () => {
  suiteSetup(async () => {
    await open(await corpusFile('seed-000-'));
    await corpusReady();
  });

  test('a hover on a person lists the corpus meetings with them', async () => {
    const document = await open(await corpusFile('seed-000-'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'ブリンケン'));
    const text = hoverText(hovers ?? []);
    assert.match(text, /アントニー・ブリンケン/);
    assert.match(text, /Meetings in the corpus \(3\)/);
    for (const file of ['2022-01-07-japan-us-2plus2-video-conference.readout.txt', '2022-02-12-japan-us-rok-foreign-ministers-honolulu.readout.txt']) {
      assert.ok(text.includes(file), `the hover links ${file}:\n${text}`);
    }
  });

  test("'Go to Related Meeting…' opens another corpus file", async () => {
    const seed3 = await corpusFile('seed-003-');
    await open(seed3);
    const target = vscode.Uri.joinPath(workspaceFolder().uri, KONO_LAVROV);
    await vscode.commands.executeCommand('kaidan.goToRelatedMeeting', seed3.toString(), target.toString());
    await waitUntil(() => activeFile() === KONO_LAVROV, { what: `${KONO_LAVROV} in the active editor`, events: [vscode.window.onDidChangeActiveTextEditor] });
    assert.equal(vscode.window.activeTextEditor!.selection.active.line, 0, 'opened at the title');
  });

  test("definition on '3月の日露外相会談' opens the 2018-03-21 talks", async () => {
    const document = await open(await corpusFile('seed-003-'));
    const position = positionOf(document, '3月の日露外相会談', 3);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position);
    assert.ok(locations && locations.length === 1, `one definition, got ${JSON.stringify(locations)}`);
    const location = locations[0];
    const uri = 'targetUri' in location ? location.targetUri : location.uri;
    assert.equal(uri.path.split('/').pop(), KONO_LAVROV);

    vscode.window.activeTextEditor!.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    await waitUntil(() => activeFile() === KONO_LAVROV, { what: 'the definition to open', events: [vscode.window.onDidChangeActiveTextEditor] });
  });

  test("'3月の日露外相会談' is a link that opens the 2018-03-21 talks at their title; an unresolved reference is none", async () => {
    const document = await open(await corpusFile('seed-003-'));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    const written = (links ?? []).map((link) => document.getText(link.range));
    assert.deepEqual(written, ['本年5月末にモスクワで行われた日露首脳会談', '5月の首脳会談', '3月の日露外相会談']);
    const konoLavrov = links.find((link) => document.getText(link.range) === '3月の日露外相会談')!;
    assert.equal(konoLavrov.target?.path.split('/').pop(), KONO_LAVROV);
    assert.equal(konoLavrov.target?.fragment, 'L1');
    assert.ok(!written.includes('米朝首脳会談'));
  });

  test('the code lens over the title counts the related meetings', async () => {
    const document = await open(await corpusFile('seed-003-'));
    const lenses = await waitUntil(
      async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
        return found && found.some((lens) => lens.command) ? found : undefined;
      },
      { what: 'code lenses' },
    );
    const lens = lenses.find((l) => l.command?.command === 'kaidan.goToRelatedMeeting');
    assert.ok(lens, JSON.stringify(lenses.map((l) => l.command)));
    assert.match(lens.command!.title, /^\d+ related meetings$/);
    assert.equal(lens.range.start.line, 0);
  });

  test('Next and Previous Meeting step through the meetings with the same counterpart, by date', async () => {
    const moscow = await corpusFile('2018-05-26-abe-putin-moscow-summit');
    await open(moscow);
    await vscode.commands.executeCommand('kaidan.nextMeeting');
    await waitUntil(() => activeFile()?.startsWith('seed-003-'), { what: 'seed 003 in the active editor', events: [vscode.window.onDidChangeActiveTextEditor] });
    await vscode.commands.executeCommand('kaidan.previousMeeting');
    await waitUntil(() => activeFile() === moscow.path.split('/').pop(), { what: 'the Moscow summit again', events: [vscode.window.onDidChangeActiveTextEditor] });
  });

  test('Next Meeting after the last meeting with a counterpart stays where it is', async () => {
    const lastWithKorea = await corpusFile('seed-004-');
    await open(lastWithKorea);
    const opened = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('kaidan.nextMeeting');
    assert.equal(opened, undefined);
    assert.equal(activeFile(), lastWithKorea.path.split('/').pop());
  });

  test('Previous and Next Meeting are in the editor title bar and on keys, for readouts only', () => {
    const manifest = extensionManifest();
    const title = manifest.contributes.menus['editor/title'].map((entry) => `${entry.command} ${entry.when}`);
    assert.deepEqual(title, ['kaidan.previousMeeting editorLangId == readout', 'kaidan.nextMeeting editorLangId == readout']);
    const keys = manifest.contributes.keybindings.map((entry) => `${entry.command} ${entry.key}`);
    assert.deepEqual(keys, ['kaidan.previousMeeting ctrl+alt+[', 'kaidan.nextMeeting ctrl+alt+]']);
  });
});

suite('The Meetings view', () => {
  type Shown = { group: string; meetings: string[]; descriptions: string[]; citedBy: string[][] }[];
  const shown = async () => ((await activateKaidan()) as unknown as { meetingsShown(): Promise<Shown> }).meetingsShown();

  suiteSetup(corpusReady);
  teardown(() => vscode.commands.executeCommand('kaidan.meetings.clearFilter'));

  test('sits in its own container beside the Speakers view, with group, filter and clear buttons in its title', () => {
    const manifest = extensionManifest() as unknown as { contributes: { views: Record<string, { id: string }[]>; menus: Record<string, { command: string; when: string }[]> } };
    assert.deepEqual(manifest.contributes.views.kaidan.map((view) => view.id), ['kaidan.meetings', 'kaidan.speakers']);
    const buttons = manifest.contributes.menus['view/title'].filter((entry) => entry.when.startsWith('view == kaidan.meetings')).map((entry) => entry.command);
    assert.deepEqual(buttons, ['kaidan.meetings.groupBy', 'kaidan.meetings.filter', 'kaidan.meetings.clearFilter', 'kaidan.showTimeline']);
  });

  test('groups by counterpart, newest first, press conferences under no foreign counterpart', async () => {
    await vscode.commands.executeCommand('kaidan.meetings.focus');
    const groups = await waitUntil(async () => {
      const found = await shown();
      return found.length ? found : undefined;
    }, { what: 'meetings in the view' });
    const russia = groups.find((group) => group.group === 'ロシア');
    assert.ok(russia, JSON.stringify(groups.map((group) => group.group)));
    const dates = russia.meetings.map((label) => label.slice(0, 10));
    assert.deepEqual(dates, [...dates].sort().reverse());
    const home = groups.find((group) => group.group === 'No foreign counterpart');
    assert.ok(home?.meetings.some((label) => label.startsWith('2022-01-07 林外務大臣会見記録')), JSON.stringify(home));
  });

  test('marks the documents of one event: the 2+2 of 2022-01-07 and the press conference after it, not the other 2+2s', async () => {
    const groups = await shown();
    const described = new Map(groups.flatMap((group) => group.meetings.map((label, i) => [label, group.descriptions[i]] as const)));
    const twoPlusTwo = [...described.keys()].find((label) => label.startsWith('2022-01-07 日米安全保障協議委員会'));
    assert.ok(twoPlusTwo, JSON.stringify([...described.keys()]));
    assert.match(described.get(twoPlusTwo) ?? '', /^2\+2 · same event/);
    assert.match(described.get('2022-01-07 林外務大臣会見記録') ?? '', /^記者会見 · same event/);
    const others = [...described].filter(([label, description]) => !label.startsWith('2022-01-07') && description.startsWith('2+2'));
    assert.ok(others.length >= 2 && others.every(([, description]) => !description.includes('same event')), JSON.stringify(others));
  });

  test("grouped by person, lists ラヴロフ's meetings newest first; back by counterpart", async () => {
    await vscode.commands.executeCommand('kaidan.meetings.groupBy', 'person');
    const lavrov = (await shown()).find((group) => group.group === 'セルゲイ・ラヴロフ');
    assert.ok(lavrov);
    assert.deepEqual(lavrov.meetings.map((label) => label.slice(0, 10)), ['2018-08-01', '2018-03-21', '2018-03-21']);
    await vscode.commands.executeCommand('kaidan.meetings.groupBy', 'counterpart');
    assert.ok((await shown()).some((group) => group.group === 'ロシア'));
  });

  test('a meeting lists the readouts that cite it', async () => {
    const russia = (await shown()).find((group) => group.group === 'ロシア')!;
    const at = russia.meetings.findIndex((label) => label === '2018-03-21 日露外相会談');
    assert.ok(at >= 0, JSON.stringify(russia.meetings));
    assert.ok(russia.citedBy[at].includes('2018-08-01 日露外務・防衛閣僚会合共同記者発表概要'), JSON.stringify(russia.citedBy[at]));
  });

  test('Copy Citation puts the meeting on the clipboard, in Japanese and in English', async () => {
    await open(vscode.Uri.joinPath(workspaceFolder().uri, KONO_LAVROV));
    await vscode.commands.executeCommand('kaidan.copyCitation.japanese');
    assert.equal(await vscode.env.clipboard.readText(), `「日露外相会談」（外相会談、2018年3月21日、飯倉公館、河野太郎、セルゲイ・ラヴロフ）${KONO_LAVROV}`);
    await vscode.commands.executeCommand('kaidan.copyCitation.english');
    assert.match(await vscode.env.clipboard.readText(), /^“日露外相会談” \(Foreign Ministers’ meeting, 21 March 2018, 飯倉公館; Taro Kono, Sergey Lavrov\), /);
  });

  test('the timeline opens and draws every dated meeting of the corpus', async () => {
    const dated = (await shown()).flatMap((group) => group.meetings).filter((label) => !label.startsWith('—')).length;
    assert.ok(dated >= 35, `${dated} dated meetings`);
    const api = (await activateKaidan()) as unknown as { showTimeline(): Promise<number> };
    assert.equal(await api.showTimeline(), dated);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('a filter keeps the meetings with a person in a span of years', async () => {
    await vscode.commands.executeCommand('kaidan.meetings.filter', 'ラヴロフ 2018');
    const groups = await shown();
    const meetings = groups.flatMap((group) => group.meetings).sort();
    assert.deepEqual(meetings.map((label) => label.slice(0, 10)), ['2018-03-21', '2018-03-21', '2018-08-01']);
  });
});

interface Manifest {
  contributes: { menus: Record<string, { command: string; when: string }[]>; keybindings: { command: string; key: string }[] };
}

function extensionManifest(): Manifest {
  return vscode.extensions.getExtension('kaidan.kaidan')!.packageJSON as Manifest;
}
