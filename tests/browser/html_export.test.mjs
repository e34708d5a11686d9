// The HTML export in a real browser: headless Chromium opens an exported page from a file,
// the test presses the stepping keys, and reads the step number, the fibers' states and a
// shared variable's value off the page. The expected values are computed here from the trace
// file itself, independently of the page's own script. A screenshot is saved with the output.
//
//   node html_export.test.mjs --sample PATH/interleave_export_sample \
//        [--chromium /usr/bin/chromium] [--out build/test-output]

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const sample = resolve(option('sample', '../../build/tests/interleave_export_sample'));
const executablePath = option('chromium', '/usr/bin/chromium');
const out = resolve(option('out', '../../build/test-output'));
mkdirSync(out, { recursive: true });
const pagePath = resolve(out, 'html_export.html');
const tracePath = resolve(out, 'html_export_trace.json');
const screenshot = resolve(out, 'html_export.png');

// The page and the trace it was made from: article/race under fifo, as the article runs it.
execFileSync(sample, ['article/race', 'fifo', '1', 'html', pagePath, tracePath]);
const trace = JSON.parse(readFileSync(tracePath, 'utf8'));
const fiberNames = trace.fibers.map((f) => f.name);
const totalId = trace.objects.find((o) => o.name === 'total').id;

// What the page should show after step k, derived from the events alone.
function totalAfter(k) {
  let value = '?';
  for (const e of trace.events.slice(0, k + 1)) {
    const readFrom = e.op === 'wait' ? e.word : e.object;
    if (e.read !== undefined && readFrom === totalId) value = String(e.read);
    if (e.written !== undefined && e.object === totalId) value = String(e.written);
  }
  return value;
}
function stateAt(k, fiber) {
  const e = trace.events[k];
  if (e.fiber === fiber) return 'running';
  const mine = trace.events.slice(0, k).filter((x) => x.fiber === fiber);
  const spawned = fiber === 0 || trace.events.slice(0, k).some((x) => x.op === 'spawn' && x.other === fiber);
  if (!spawned) return 'not started';
  if (mine.length > 0 && mine[mine.length - 1].op === 'exit') return 'exited';
  if (e.runnable.includes(fiber)) return 'runnable';
  return mine.length > 0 && mine[mine.length - 1].op === 'sleep' ? 'sleeping' : 'blocked';
}

let browser;
let page;
const problems = [];

before(async () => {
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('request', (req) => {
    if (!req.url().startsWith('file:') && !req.url().startsWith('data:')) {
      problems.push(`network request: ${req.url()}`);
    }
  });
  await page.goto(pathToFileURL(pagePath).href);
});

after(async () => {
  if (browser) await browser.close();
});

async function shown() {
  return page.evaluate((names) => ({
    step: document.getElementById('step').textContent,
    total: document.getElementById('var-total').textContent,
    states: names.map((n) => document.getElementById(`fiber-${n}`).getAttribute('data-state')),
    cursorX: document.getElementById('cursor').getAttribute('x'),
    cursorVisible: document.getElementById('cursor').getAttribute('visibility'),
  }), fiberNames);
}

async function expectStep(k) {
  const s = await shown();
  assert.equal(s.step, String(k), 'the step number shown');
  assert.equal(s.total, totalAfter(k), `total after step ${k}`);
  assert.deepEqual(s.states, fiberNames.map((_, f) => stateAt(k, f)), `fiber states at step ${k}`);
  const hitX = await page.getAttribute(`rect.hit[data-col="${k}"]`, 'x');
  assert.equal(s.cursorVisible, 'visible');
  assert.equal(s.cursorX, hitX, 'the cursor is on the current column');
}

test('the page opens at step 0 with no errors and no network requests', async () => {
  await expectStep(0);
  assert.deepEqual(problems, []);
});

test('End goes to the last step, where total reads 6 as in the article', async () => {
  await page.keyboard.press('End');
  const last = trace.events.length - 1;
  await expectStep(last);
  assert.equal((await shown()).total, '6');
});

test('three steps forward and one back land on the right step and values', async () => {
  await page.keyboard.press('Home');
  await expectStep(0);
  // Into the interesting part: t2 and t3 have read total, t3 is about to sleep.
  for (let i = 0; i < 15; ++i) await page.keyboard.press('j');
  await expectStep(15);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('j');
  await expectStep(18);
  await page.keyboard.press('ArrowLeft');
  await expectStep(17);
  assert.notEqual(totalAfter(17), '?', 'a step where total is known');
  const s = await shown();
  assert.equal(s.states[fiberNames.indexOf('t3')], 'sleeping');
  await page.keyboard.press('k');
  await expectStep(16);
  await page.screenshot({ path: screenshot, fullPage: true });
  assert.deepEqual(problems, []);
});
