#!/usr/bin/env node
// npm run screenshots (after npm run build): the Outline view of two corpus readouts, taken in
// the offline VS Code server with Debian's chromium driven by playwright-core.
// Writes docs/images/outline-summary.png (seed 001), docs/images/outline-transcript.png (seed 000)
// and docs/images/speakers.png (seed 001 with its speaker colours and tokens, the side bar closed);
// the corpus: docs/images/hover-person.png (the hover on ブリンケン in seed 000 with his meetings),
// docs/images/meetings-view.png (the Meetings view revealing seed 000), docs/images/speakers-view.png
// (the Speakers view of seed 001) and docs/images/timeline.png (the timeline of corpus/).
//
//   KAIDAN_SCREENSHOT_TIMEOUT_S=120   per screenshot
//   KAIDAN_VSCODE_EXTENSION=/path     another extension (default: this repository)
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { SetupError, browserArgs, ensureBrowser, ensureJapaneseFont, ensureVSCodeServer, repoRoot, startVSCodeServer } from './vscode/server.mjs';

const WIDTH = 1400;
const HEIGHT = 900;
const SIDEBAR_WIDTH = 560;
const workspace = path.join(repoRoot, 'corpus');
const extensionPath = path.resolve(process.env.KAIDAN_VSCODE_EXTENSION || repoRoot);
const outDir = path.join(repoRoot, 'docs', 'images');
const timeout = (Number(process.env.KAIDAN_SCREENSHOT_TIMEOUT_S) || 120) * 1000;
const SHOTS = [
  { prefix: 'seed-001-', out: 'outline-summary.png', outline: true },
  { prefix: 'seed-000-', out: 'outline-transcript.png', outline: true },
  { prefix: 'seed-001-', out: 'speakers.png', outline: false },
  { prefix: 'seed-000-', out: 'hover-person.png', hoverOn: 'ブリンケン' },
  { prefix: 'seed-000-', out: 'meetings-view.png', meetings: true },
  { prefix: 'seed-001-', out: 'speakers-view.png', speakersView: true },
  { prefix: 'seed-001-', out: 'timeline.png', timeline: true },
];

function corpusFile(prefix) {
  const name = fs.readdirSync(workspace).filter((f) => f.startsWith(prefix) && f.endsWith('.readout.txt')).sort()[0];
  if (!name) throw new SetupError(`no ${prefix}*.readout.txt in corpus/`);
  return path.join(workspace, name);
}

/** Runs a command through the command palette (F1), by its label. */
async function runCommand(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible' });
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Closes the side bar and waits for the speaker bars (decorations render as ced-* overlays). */
async function showSpeakers(page) {
  await runCommand(page, 'View: Close Primary Side Bar');
  await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
  await page.locator('.editor-instance .view-overlays [class*="ced-"]').first().waitFor();
  await clearNotifications(page);
}

/** Moves the mouse over the first visible occurrence of a word and waits for the hover on it to list the corpus meetings. */
async function showHover(page, word) {
  // The code lens over the title comes with the index and moves the lines down: wait for it first.
  await page.locator('.editor-instance .codelens-decoration').first().waitFor();
  // The semantic token of the name: a span of just the word (not the line's span around it).
  const token = page.locator('.editor-instance .view-lines .view-line span span', { hasText: new RegExp(`^${word}$`) }).first();
  await token.waitFor();
  const box = await token.boundingBox();
  await page.mouse.move(box.x + Math.min(box.width / 2, 12), box.y + box.height / 2);
  // The server answers once the corpus index is ready: wait for the list of meetings, not just the widget.
  const hover = page.locator('.monaco-hover', { hasText: 'Meetings in the corpus' });
  await hover.waitFor({ state: 'visible' });
  // The widget fades in: wait for its animations to finish, or the shot catches it half transparent.
  await hover.evaluate((element) => Promise.all(element.getAnimations({ subtree: true }).map((animation) => animation.finished)));
}

/** A wider side bar, so entries are readable: drags the sash at its right edge. */
async function widenSidebar(page) {
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (sidebar && sidebar.width < SIDEBAR_WIDTH) {
    const x = sidebar.x + sidebar.width;
    const y = sidebar.y + sidebar.height / 2;
    await page.mouse.move(x - 1, y);
    await page.mouse.down();
    await page.mouse.move(x + (SIDEBAR_WIDTH - sidebar.width) / 2, y, { steps: 5 });
    await page.mouse.move(sidebar.x + SIDEBAR_WIDTH, y, { steps: 5 });
    await page.mouse.up();
  }
}

/** Gives a view of the Explorer the whole side bar: collapses the file tree above it. */
async function collapseFolders(page) {
  const folders = page.locator('.pane:has(.explorer-folders-view) > .pane-header');
  if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
  await page.locator('.pane:has(.explorer-folders-view) > .pane-header[aria-expanded="false"]').waitFor();
}

async function clearNotifications(page) {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notification-toast').waitFor({ state: 'detached' }).catch(() => undefined);
}

async function save(page, out, detail = '') {
  fs.mkdirSync(outDir, { recursive: true });
  const target = path.join(outDir, out);
  await page.screenshot({ path: target });
  console.log(`wrote ${path.relative(repoRoot, target)}${detail}`);
}

/** The Kaidan view of this name, in its own side bar container, made wide. */
async function focusKaidanView(page, view) {
  await runCommand(page, `Kaidan: Focus on ${view} View`);
  await widenSidebar(page);
  return page.locator(`.pane:has(.pane-header[aria-label^="${view}"]) .monaco-list-row`);
}

/** The timeline's webview, once its script has drawn the meetings. */
async function showTimeline(page) {
  await runCommand(page, 'View: Close Primary Side Bar');
  await runCommand(page, 'Kaidan: Show Timeline');
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe');
  await frame.locator('.meeting').first().waitFor();
  await clearNotifications(page);
  return frame.locator('.meeting').count();
}

async function shoot(browser, server, { prefix, out, outline, hoverOn, meetings, speakersView, timeline }) {
  const file = corpusFile(prefix);
  const name = path.basename(file);
  const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 1, locale: 'en-US' });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    await page.goto(server.urlFor({ openFile: file }));
    // The editor with the readout is open and active.
    await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor();
    await page.locator('.editor-instance .monaco-editor .view-lines .view-line').first().waitFor();

    if (hoverOn) {
      await clearNotifications(page);
      await showHover(page, hoverOn);
      await save(page, out);
      return;
    }

    if (meetings) {
      const rows = await focusKaidanView(page, 'Meetings');
      // The view reveals the active readout's meeting (its country group opened) once the index is ready.
      await page.locator('.pane:has(.pane-header[aria-label^="Meetings"]) .monaco-list-row.selected').waitFor();
      await clearNotifications(page);
      await save(page, out, ` (${await rows.count()} rows visible)`);
      return;
    }

    if (speakersView) {
      const rows = await focusKaidanView(page, 'Speakers');
      await rows.nth(2).waitFor();
      // The Japanese minister's statements, opened.
      await rows.nth(1).click();
      await page.keyboard.press('ArrowRight');
      await rows.nth(4).waitFor();
      await clearNotifications(page);
      await save(page, out, ` (${await rows.count()} rows visible)`);
      return;
    }

    if (timeline) {
      const drawn = await showTimeline(page);
      await save(page, out, ` (${drawn} meetings drawn)`);
      return;
    }

    if (!outline) {
      await showSpeakers(page);
      await save(page, out);
      return;
    }

    await runCommand(page, 'Explorer: Focus on Outline View');
    await collapseFolders(page);
    await widenSidebar(page);

    // Outline items come from the language server: wait until several have rendered.
    const rows = page.locator('.outline-pane .monaco-list-row');
    await rows.nth(3).waitFor();
    await clearNotifications(page);
    // Put the first outline entry in focus, so the editor shows where it is.
    await rows.first().click();
    await page.locator('.outline-pane .monaco-list-row.focused').first().waitFor();
    await save(page, out, ` (${await rows.count()} outline rows visible)`);
  } finally {
    await context.close();
  }
}

async function main() {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  if (manifest.main && !fs.existsSync(path.resolve(extensionPath, manifest.main))) {
    throw new SetupError(`${manifest.main} is missing: run npm run build first`);
  }
  ensureVSCodeServer();
  const executablePath = ensureBrowser();
  ensureJapaneseFont();
  const server = await startVSCodeServer({
    workspace,
    extensionPath,
    settings: { 'outline.collapseItems': 'alwaysExpand', 'editor.minimap.enabled': false, 'workbench.tips.enabled': false },
    log: process.env.KAIDAN_VSCODE_LOG ? 'inherit' : 'quiet',
  });
  const args = browserArgs(undefined, { headless: false, width: WIDTH, height: HEIGHT }).filter((a) => !a.startsWith('--window-size'));
  const browser = await chromium.launch({ executablePath, args, headless: true });
  try {
    for (const shot of SHOTS) await shoot(browser, server, shot);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(`screenshots: ${err instanceof SetupError ? err.message : err?.stack ?? err}`);
  process.exit(1);
});
