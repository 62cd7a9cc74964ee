#!/usr/bin/env node
// Browser test of report.html: puts report data into the bundled template (in
// node, the same way src/statecraft/report/html.cpp does, and through the C++
// report_tool), opens each page in headless Chromium from a file:// URL and
// checks that every part draws, that nothing is logged as an error and that
// the page makes no network request. Saves a screenshot of the sample page.
//
// With --cli it also checks the pages the statecraft program itself writes
// for `run`, `compare`, `sweep` (one and two parameters) and `sweep --morris`
// on a small korea-1950 ensemble.
//
// usage: node tests/browser/report.test.mjs [--template FILE] [--tool REPORT_TOOL]
//        [--out-dir DIR] [--chromium EXE] [--cli STATECRAFT]
// defaults: build/report/report_template.html, build/tools/report_tool,
//           build/report, /usr/bin/chromium, no --cli. Exits non-zero on any failure.

import { readFileSync, writeFileSync, mkdtempSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const MARKER = '/*REPORT_DATA*/null';

const opts = {
  template: join(root, 'build', 'report', 'report_template.html'),
  tool: join(root, 'build', 'tools', 'report_tool'),
  outDir: join(root, 'build', 'report'),
  chromium: '/usr/bin/chromium',
  cli: null,
};
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  const v = process.argv[++i];
  if (a === '--template') opts.template = resolve(v);
  else if (a === '--tool') opts.tool = resolve(v);
  else if (a === '--out-dir') opts.outDir = resolve(v);
  else if (a === '--chromium') opts.chromium = v;
  else if (a === '--cli') opts.cli = resolve(v);
  else {
    console.error('unknown argument ' + a);
    process.exit(2);
  }
}
mkdirSync(opts.outDir, { recursive: true });

// the same escaping as script_safe_json() in src/statecraft/report/html.cpp
function scriptSafeJson(data) {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
function renderReportHtml(tmpl, data) {
  const parts = tmpl.split(MARKER);
  if (parts.length !== 2) throw new Error('the template must hold the marker exactly once');
  return parts[0] + scriptSafeJson(data) + parts[1];
}

const template = readFileSync(opts.template, 'utf8');
const samplePath = join(here, 'sample-report-data.json');
const sample = JSON.parse(readFileSync(samplePath, 'utf8'));
const clone = (x) => JSON.parse(JSON.stringify(x));

// ---- the pages to check ------------------------------------------------------

const SAMPLE_CHARTS = [
  'outcomes', 'territory', 'series-personnel_attackers', 'series-personnel_defenders',
  'series-military_deaths_attackers', 'series-military_deaths_defenders', 'series-civilian_deaths',
  'intervention-probability', 'intervention-timing', 'casualties-totals', 'casualties-by-actor',
  'map', 'escalation', 'compare-forest', 'sensitivity',
];

function sweepData(nparams) {
  const d = clone(sample);
  d.kind = 'sweep';
  delete d.compare;
  delete d.sensitivity;
  const params = ['model.combat.attrition_rate', 'actors.CHN.interests.korea'].slice(0, nparams);
  const grid = [];
  const a = [0.005, 0.01, 0.015, 0.02, 0.03];
  const b = nparams > 1 ? [0.4, 0.55, 0.7, 0.9] : [null];
  for (const x of a)
    for (const y of b) {
      const arm = Math.min(0.9, 0.25 + x * 12 + (y || 0) * 0.2);
      const vic = Math.max(0.01, 0.3 - x * 8);
      const wilson = (p) => ({ p, lo: Math.max(0, p - 0.03), hi: Math.min(1, p + 0.03), count: Math.round(p * 500) });
      grid.push({
        values: y === null ? [x] : [x, y],
        outcomes: { armistice: wilson(arm), 'victory:attackers': wilson(vic), ongoing: wilson(1 - arm - vic), nuclear_use: wilson(0) },
        duration_p50: Math.round(400 + x * 30000 + (y || 0) * 200),
        military_deaths_p50: Math.round(300000 + x * 2.5e7),
      });
    }
  d.sweep = { params, grid };
  return d;
}

const nulls = {
  kind: 'run', title: null, scenario: null,
  summary: {
    scenario: null, variants: null, seed: null, runs: null, outcomes: { armistice: null, frozen: { p: null } },
    duration_days: null, military_deaths: null, civilian_deaths: { p50: null }, displaced: null,
    deaths_by_actor: { PRK: null, KOR: { p50: 0, p90: 0 } },
    at_war: { PRK: { p: 1, lo: null, hi: null, count: null, entry_day: null }, CHN: { p: 0.5, entry_day: { p50: 120, date_p50: null } } },
    final_control: null, checkpoints: [null, { date: null, p: null }], max_rung: null, truce_broke: null,
  },
  series: { dates: null, metrics: null },
  map: { country_codes: null, regions: [{ id: 'a', admin1: null, at: null }], actors: null, sides: null, snapshots: null },
  compare: { effects: [null, { variant: 'x', metric: null, diff: null }] },
  sweep: { params: null, grid: null },
  sensitivity: { outputs: null, inputs: null },
};

const HOSTILE = '</script><script>window.__pwned = 1</script><!-- <img src=x onerror="window.__pwned=2"> & \u2028\u2029 "quoted"';
function hostileData() {
  const d = clone(sample);
  d.title = HOSTILE;
  d.map.actors[0].name = HOSTILE;
  d.map.regions[0].name = HOSTILE;
  d.summary.checkpoints[0].label = HOSTILE;
  d.compare.effects[0].variant = HOSTILE;
  return d;
}

// a region of a country whose geometry is not in the page, and a map with no geometry at all
function mapGapsData() {
  const d = clone(sample);
  d.map.country_codes = ['KOR', 'PRK', 'XYZ'];
  return d;
}

const cases = [
  { name: 'sample-node', data: sample, charts: SAMPLE_CHARTS, screenshot: true, mapChecks: true },
  { name: 'sample-cpp', data: sample, charts: SAMPLE_CHARTS, viaTool: true, mapChecks: true },
  { name: 'sweep-1', data: sweepData(1), charts: ['outcomes', 'territory', 'map', 'sweep-outcomes', 'sweep-duration', 'sweep-deaths'] },
  { name: 'sweep-2', data: sweepData(2), charts: ['outcomes', 'sweep-outcomes', 'sweep-duration', 'sweep-deaths'] },
  { name: 'hostile', data: hostileData(), charts: SAMPLE_CHARTS, hostile: true },
  { name: 'hostile-cpp', data: hostileData(), charts: SAMPLE_CHARTS, hostile: true, viaTool: true },
  { name: 'map-gaps', data: mapGapsData(), charts: ['map'], expectText: ['No map geometry in this page for: XYZ'] },
  { name: 'nulls', data: nulls, charts: ['intervention-probability'] },
  { name: 'empty', data: {}, charts: [], expectText: ['holds nothing to draw'] },
  { name: 'template', raw: template, charts: [], expectText: ['has not inserted any report data'] },
];

// pages written by the statecraft program (--cli): small ensembles of the Korean War
function cliCases() {
  if (!opts.cli) return [];
  const korea = join(root, 'scenarios', 'korea-1950.yaml');
  const page = (name, args, charts) => ({ name, args, charts, file: join(opts.outDir, 'cli-' + name, 'report.html') });
  return [
    page('run', ['run', korea, '--runs', '40'], ['outcomes', 'territory', 'intervention-probability', 'casualties-totals', 'map']),
    page('compare', ['compare', korea, '--variant', 'china-neutral', '--variant', 'us-stays-out', '--runs', '40'],
      ['outcomes', 'territory', 'map', 'compare-forest', 'compare-duration_days', 'compare-military_deaths', 'compare-arms']),
    page('sweep-1', ['sweep', korea, '--param', 'actors.CHN.interests.korea=0:1:3', '--runs', '12'], ['sweep-outcomes', 'sweep-duration', 'sweep-deaths']),
    page('sweep-2', ['sweep', korea, '--param', 'actors.CHN.interests.korea=0:1:2', '--param', 'actors.USA.interests.korea=0.2:0.8:2', '--runs', '10'],
      ['sweep-outcomes', 'sweep-duration', 'sweep-deaths']),
    page('morris', ['sweep', korea, '--morris', '--trajectories', '2', '--runs', '6'], ['sensitivity-matrix', 'sensitivity']),
  ];
}
for (const c of cliCases()) {
  execFileSync(opts.cli, [...c.args, '--seed', '3', '--quiet', '--out', dirname(c.file)], { stdio: ['ignore', 'ignore', 'inherit'] });
  cases.push(c);
}

// ---- running them ------------------------------------------------------------

const failures = [];
const check = (cond, what) => {
  if (!cond) failures.push(what);
  return cond;
};

function writePage(c) {
  if (c.file) return { file: c.file };
  const file = join(opts.outDir, 'test-' + c.name + '.html');
  if (c.raw !== undefined) {
    writeFileSync(file, c.raw);
  } else if (c.viaTool) {
    if (!existsSync(opts.tool)) return { skipped: 'no report_tool at ' + opts.tool };
    const json = join(opts.outDir, 'test-' + c.name + '.json');
    writeFileSync(json, JSON.stringify(c.data));
    execFileSync(opts.tool, [json, file], { stdio: 'inherit' });
  } else {
    writeFileSync(file, renderReportHtml(template, c.data));
  }
  return { file };
}

async function runCase(context, c) {
  const { file, skipped } = writePage(c);
  if (skipped) {
    console.log('SKIP ' + c.name + ': ' + skipped);
    return;
  }
  const before = failures.length;
  const url = pathToFileURL(file).href;
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  const requests = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push('console: ' + m.text());
    else if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('pageerror', (e) => errors.push('page error: ' + e.message));
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    errors.push('dialog opened: ' + d.message());
    d.dismiss().catch(() => {});
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 90000 });

  const fail = (what) => check(false, c.name + ': ' + what);
  const pageFailures = await page.getAttribute('body', 'data-failures');
  if (pageFailures !== '0') fail('the page reports ' + pageFailures + ' failed parts: ' + (await page.locator('.chart-failed').allTextContents()).join(' | '));
  for (const e of errors) fail(e);
  for (const w of warnings) fail('console warning: ' + w);
  const foreign = requests.filter((u) => u !== url && !u.startsWith('data:') && !u.startsWith('blob:') && !u.startsWith('about:'));
  if (foreign.length) fail('network requests: ' + foreign.join(', '));

  // every expected chart holds a drawing of non-zero size
  const sizes = await page.evaluate(() => {
    const out = {};
    for (const box of document.querySelectorAll('[data-chart]')) {
      const g = box.querySelector('svg, canvas');
      const r = g ? g.getBoundingClientRect() : null;
      out[box.getAttribute('data-chart')] = r ? [Math.round(r.width), Math.round(r.height)] : null;
    }
    return out;
  });
  for (const name of c.charts) {
    const s = sizes[name];
    if (!s) fail('chart ' + name + ' has no svg or canvas' + (name in sizes ? '' : ' (no container)'));
    else if (!(s[0] > 0 && s[1] > 0)) fail('chart ' + name + ' has size ' + s.join('x'));
  }
  if (c.charts.length) {
    const rows = await page.locator('table[data-chart="checkpoints"] tbody tr').count();
    if (c.data && c.data.summary && Array.isArray(c.data.summary.checkpoints) && c.data.summary.checkpoints.some((x) => x && typeof x.p === 'number'))
      check(rows > 0, c.name + ': the checkpoints table is empty');
  }

  // known series in reading order, whatever order the JSON writer gave the keys
  if (c.mapChecks) {
    const order = await page.evaluate(() => [...document.querySelectorAll('[data-chart^="series-"]')].map((e) => e.getAttribute('data-chart')));
    const want = SAMPLE_CHARTS.filter((n) => n.startsWith('series-'));
    check(JSON.stringify(order) === JSON.stringify(want), c.name + ': series in order ' + order.join(', '));
  }

  // the map draws a path per admin-1 unit that a region covers
  if (c.mapChecks) {
    const m = await page.evaluate(() => {
      const box = document.querySelector('[data-chart="map"]');
      return {
        units: Number(box.getAttribute('data-units')),
        paths: box.querySelectorAll('g.mark-shape path').length,
        dots: box.querySelectorAll('g.mark-symbol path').length,
        noGeometry: [...document.querySelectorAll('[data-region]')].map((e) => e.getAttribute('data-region')),
        text: document.getElementById('part-map').textContent,
      };
    });
    const regions = c.data.map.regions.length;
    check(m.units >= 25, c.name + ': map joined only ' + m.units + ' admin-1 units');
    check(m.paths >= m.units, c.name + ': map drew ' + m.paths + ' paths for ' + m.units + ' units');
    check(m.dots === regions, c.name + ': map drew ' + m.dots + ' region dots for ' + regions + ' regions');
    check(m.noGeometry.length === 1 && m.noGeometry[0] === 'islands', c.name + ': regions listed without geometry: ' + m.noGeometry.join(', '));
    check(m.text.includes('Rason -> Rasŏn'), c.name + ': the loose match of Rason is not reported');
    // switching date and holder redraws the map
    await page.selectOption('#map-date', '0');
    await page.selectOption('#map-holder', { label: 'Actor: China' });
    await page.waitForSelector('[data-chart="map"][data-rendered="1"]', { timeout: 30000 });
    const after = await page.locator('[data-chart="map"] g.mark-shape path').count();
    check(after >= m.units, c.name + ': after switching date and holder the map has ' + after + ' paths');
    await page.selectOption('#map-date', String(c.data.map.snapshots.length - 1));
    await page.selectOption('#map-holder', '0');
    await page.waitForSelector('[data-chart="map"][data-rendered="1"]', { timeout: 30000 });
  }

  if (c.hostile) {
    const pwned = await page.evaluate(() => window.__pwned);
    check(pwned === undefined, c.name + ': a string in the data ran as script');
    const title = await page.textContent('#report-title');
    check(title === c.data.title, c.name + ': the title is not shown verbatim: ' + JSON.stringify(title));
  }
  for (const t of c.expectText || []) {
    const text = await page.textContent('body');
    check(text.includes(t), c.name + ': the page does not say "' + t + '"');
  }
  if (c.screenshot) {
    const shot = join(opts.outDir, 'screenshot.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.log('screenshot: ' + shot);
  }
  await page.close();
  const ok = failures.length === before;
  console.log((ok ? 'ok   ' : 'FAIL ') + c.name + ' (' + Object.keys(sizes).length + ' charts, ' + requests.length + ' request' + (requests.length === 1 ? '' : 's') + ')');
}

const profile = mkdtempSync(join(tmpdir(), 'statecraft-report-test-'));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: opts.chromium,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  // anything that is not the page itself is refused (and reported above)
  await context.route(/^(?!file:|data:|blob:|about:)/, (route) => route.abort());
  for (const c of cases) await runCase(context, c);
} catch (e) {
  failures.push('test harness: ' + (e && e.stack ? e.stack : e));
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}

if (failures.length) {
  console.error('\n' + failures.length + ' failure(s):\n  ' + failures.join('\n  '));
  process.exit(1);
}
console.log('report browser test: all ' + cases.length + ' pages passed');
