// statecraft report page: reads the report data (docs/report-data.md) from the
// #report-data element and draws every part the data holds with Vega-Lite.
// Each part checks its own keys and is left out when they are missing or null;
// data never reaches innerHTML, only textContent and chart data.
(function () {
  'use strict';

  // ---- small helpers -----------------------------------------------------

  const isNum = (x) => typeof x === 'number' && Number.isFinite(x);
  const isObj = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
  const isStr = (x) => typeof x === 'string' && x.length > 0;
  const arr = (x) => (Array.isArray(x) ? x : []);
  const entries = (x) => (isObj(x) ? Object.entries(x) : []);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null) continue;
      if (k === 'class') e.className = v;
      else if (k === 'style') e.style.cssText = v;
      else if (k.startsWith('data-')) e.setAttribute(k, v);
      else e[k] = v;
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 });
  const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
  function fmtPct(p) {
    if (!isNum(p)) return '-';
    const v = p * 100;
    return (Math.abs(v) < 10 && v !== 0 ? v.toFixed(1) : v.toFixed(0)) + '%';
  }
  const fmtNum = (x) => (isNum(x) ? (Math.abs(x) < 1000 ? whole.format(x) : compact.format(x)) : '-');
  const fmtInterval = (o) => (isObj(o) && isNum(o.lo) && isNum(o.hi) ? fmtPct(o.lo) + ' to ' + fmtPct(o.hi) : '');

  // axis labels in a d3 format, each formatted on its own, with a plain 0
  // (a shared format would give every label the SI prefix of the largest: "0M")
  const axisFormat = (spec) => ({ labelExpr: 'datum.value === 0 ? "0" : format(datum.value, "' + spec + '")' });

  const COLORS = { 1: '#c0392b', 2: '#1f5fa8', 0: '#7a828c' };
  const SCHEMES = { 1: 'reds', 2: 'blues', 0: 'purples' };
  const ACCENT = '#0b5cad';

  const CONFIG = {
    font: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
    view: { stroke: null },
    axis: {
      labelFontSize: 11.5, titleFontSize: 12, titleFontWeight: 'normal', titleColor: '#59636e',
      labelColor: '#1f2328', gridColor: '#eef1f4', domainColor: '#8c959f', tickColor: '#8c959f',
    },
    legend: { labelFontSize: 11.5, titleFontSize: 12, titleFontWeight: 'normal', titleColor: '#59636e' },
    title: { fontSize: 13.5, fontWeight: 600, anchor: 'start', color: '#1f2328' },
    header: { labelFontSize: 12.5, titleFontSize: 12.5 },
  };

  // the engine's JSON library sorts object keys, so the page puts known keys back in reading order
  const OUTCOME_ORDER = ['victory:attackers', 'victory:defenders', 'armistice', 'peace_treaty', 'frozen', 'great_power_war', 'nuclear_use', 'ongoing'];
  const SERIES_ORDER = ['territory_attackers', 'territory_defenders', 'personnel_attackers', 'personnel_defenders', 'military_deaths_attackers', 'military_deaths_defenders', 'civilian_deaths'];
  function ordered(pairs, order) {
    const rank = (k) => (order.includes(k) ? order.indexOf(k) : order.length);
    return [...pairs].sort((a, b) => rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  const pending = [];
  const failures = [];

  // ---- reading the data --------------------------------------------------

  function readData() {
    const node = document.getElementById('report-data');
    const text = node ? node.textContent.trim() : '';
    // the template as bundled, before the engine inserted any data, starts with a comment
    if (!text || text.startsWith('/*')) return { state: 'template' };
    try {
      const data = JSON.parse(text);
      return isObj(data) ? { state: 'ok', data } : { state: 'empty' };
    } catch (e) {
      return { state: 'bad', error: e.message };
    }
  }

  // ---- page structure ----------------------------------------------------

  const main = () => document.getElementById('report');

  function part(id, title, lead) {
    const s = el('section', { class: 'part', id: 'part-' + id }, el('h2', {}, title), lead ? el('p', { class: 'lead' }, lead) : null);
    main().append(s);
    return s;
  }

  function chartBox(parent, name) {
    const box = el('div', { class: 'chart', 'data-chart': name });
    parent.append(box);
    return box;
  }

  // usable drawing width of a container, for specs that cannot use autosize fit
  const widthOf = (node, fallback) => Math.max(240, Math.floor((node && node.clientWidth) || fallback || 700));

  function embed(box, spec) {
    const name = box.getAttribute('data-chart');
    const p = window
      .vegaEmbed(box, spec, { mode: 'vega-lite', actions: false, renderer: 'svg', config: CONFIG })
      .then((result) => {
        box.setAttribute('data-rendered', '1');
        return result;
      })
      .catch((err) => {
        failures.push(name + ': ' + (err && err.message));
        box.replaceChildren(el('p', { class: 'chart-failed' }, 'This chart could not be drawn: ' + (err && err.message)));
        console.warn('statecraft report: chart ' + name + ' failed', err);
        return null;
      });
    pending.push(p);
    return p;
  }

  // ---- labels ------------------------------------------------------------

  function makeLabels(data) {
    const map = isObj(data.map) ? data.map : {};
    const sides = {};
    for (const [k, v] of entries(map.sides)) if (isStr(v)) sides[k] = v;
    const actors = {};
    for (const a of arr(map.actors)) if (isObj(a) && isStr(a.id)) actors[a.id] = a;
    const actorName = (id) => (actors[id] && isStr(actors[id].name) ? actors[id].name : id);
    const actorSide = (id) => (actors[id] && isNum(actors[id].side) ? actors[id].side : null);
    const sideName = (side) => sides[String(side)] || (side === 1 ? 'attackers' : side === 2 ? 'defenders' : 'neutral at the start');
    const OUTCOMES = {
      'victory:attackers': () => 'Victory: ' + sideName(1),
      'victory:defenders': () => 'Victory: ' + sideName(2),
      armistice: () => 'Armistice',
      peace_treaty: () => 'Peace treaty',
      frozen: () => 'Frozen (ceasefire, no armistice)',
      great_power_war: () => 'Great-power war',
      nuclear_use: () => 'Nuclear use',
      ongoing: () => 'Ongoing at the horizon',
    };
    const outcomeName = (k) => (OUTCOMES[k] ? OUTCOMES[k]() : k);
    return { sides, actors, actorName, actorSide, sideName, outcomeName };
  }

  // ---- header ------------------------------------------------------------

  function header(data, L) {
    const s = isObj(data.summary) ? data.summary : {};
    const title = isStr(data.title) ? data.title : isStr(data.scenario) ? data.scenario : 'statecraft report';
    document.getElementById('report-title').textContent = title;
    document.title = title + ' - statecraft';
    const meta = document.getElementById('report-meta');
    const add = (k, v) => {
      if (v === undefined || v === null || v === '') return;
      meta.append(el('div', {}, el('dt', {}, k), el('dd', {}, String(v))));
    };
    add('Scenario', data.scenario || s.scenario);
    add('Scenario file', s.scenario_file);
    add('Kind', data.kind);
    add('Runs', isNum(s.runs) ? whole.format(s.runs) : null);
    add('Seed', isNum(s.seed) || isStr(s.seed) ? s.seed : null);
    if (Array.isArray(s.variants)) add('Variants applied', s.variants.length ? s.variants.join(', ') : 'none (base scenario)');
    if (isStr(s.start) || isStr(s.horizon)) add('Period', (s.start || '?') + ' to ' + (s.horizon || '?'));
    const c = data.compare;
    if (isObj(c)) {
      add('Compared', (c.base || 'base') + ' vs ' + arr(c.variants).join(', '));
      if (isNum(c.runs)) add('Runs per variant', whole.format(c.runs));
    }
    const sw = data.sweep;
    if (isObj(sw) && arr(sw.params).length) add('Swept', arr(sw.params).join(' x '));
    const sides = Object.entries(L.sides);
    if (sides.length) add('Sides', sides.map(([k, v]) => k + ': ' + v).join('; '));
  }

  // ---- key figures -------------------------------------------------------

  function figuresPart(data, L) {
    const s = data.summary;
    if (!isObj(s)) return false;
    const figs = [];
    const fig = (label, value, range) => figs.push(el('div', { class: 'figure' }, el('div', { class: 'label' }, label), el('div', { class: 'value' }, value), range ? el('div', { class: 'range' }, range) : null));
    const outs = entries(s.outcomes).filter(([, v]) => isObj(v) && isNum(v.p));
    if (outs.length) {
      const [k, v] = outs.reduce((a, b) => (b[1].p > a[1].p ? b : a));
      fig('Most likely outcome', L.outcomeName(k), fmtPct(v.p) + ' of runs' + (fmtInterval(v) ? ' (' + fmtInterval(v) + ')' : ''));
    }
    const d = s.duration_days;
    if (isObj(d) && isNum(d.p50)) {
      const range = isNum(d.p10) && isNum(d.p90) ? 'P10-P90 ' + whole.format(d.p10) + ' to ' + whole.format(d.p90) + ' days' : '';
      fig('Duration (median)', whole.format(d.p50) + ' days', [isStr(d.date_p50) ? 'ends ' + d.date_p50 : '', range].filter(Boolean).join('; '));
    }
    const q = (label, o) => {
      if (isObj(o) && isNum(o.p50)) fig(label, fmtNum(o.p50), isNum(o.p10) && isNum(o.p90) ? 'P10-P90 ' + fmtNum(o.p10) + ' to ' + fmtNum(o.p90) : '');
    };
    q('Military deaths (median)', s.military_deaths);
    q('Civilian deaths (median)', s.civilian_deaths);
    q('Displaced people (median)', s.displaced);
    if (isObj(s.truce_broke) && isNum(s.truce_broke.p)) fig('Truce broke down', fmtPct(s.truce_broke.p) + ' of runs', fmtInterval(s.truce_broke));
    if (!figs.length) return false;
    const p = part('figures', 'Key figures');
    p.append(el('div', { class: 'figures', 'data-figures': String(figs.length) }, figs));
    const dropped = isObj(s.anomalies) ? s.anomalies.dropped_movements : null;
    if (isNum(dropped) && dropped > 0)
      p.append(el('p', { class: 'note warn' }, 'Anomaly: ' + whole.format(dropped) + ' force movements were dropped by the engine across the runs.'));
    return true;
  }

  // ---- probability bars with intervals -----------------------------------

  // rows: {label, p, lo, hi, text, group?}; one horizontal bar per row with its 95% interval
  function intervalBarSpec(rows, opts) {
    const maxHi = Math.max(0.05, ...rows.map((r) => (isNum(r.hi) ? r.hi : r.p)));
    const xmax = Math.min(1.3, maxHi * 1.28 + 0.02); // room right of the bars for the numbers
    const step = xmax <= 0.3 ? 0.05 : xmax <= 0.6 ? 0.1 : 0.2;
    const ticks = [];
    for (let t = 0; t <= Math.min(1, xmax) + 1e-9; t += step) ticks.push(Math.round(t * 100) / 100);
    const colorEnc = opts.groups
      ? { field: 'group', type: 'nominal', title: null, scale: { domain: opts.groups.map((g) => g[0]), range: opts.groups.map((g) => g[1]) }, legend: { orient: 'bottom' } }
      : { value: opts.color || ACCENT };
    const x = { field: 'p', type: 'quantitative', title: opts.xTitle || 'share of runs', scale: { domain: [0, xmax], nice: false }, axis: { format: '.0%', values: ticks } };
    const tooltip = [
      { field: 'label', type: 'nominal', title: opts.what || 'outcome' },
      { field: 'p', type: 'quantitative', format: '.1%', title: 'P' },
      { field: 'lo', type: 'quantitative', format: '.1%', title: '95% low' },
      { field: 'hi', type: 'quantitative', format: '.1%', title: '95% high' },
      { field: 'count', type: 'quantitative', title: 'runs' },
    ];
    return {
      width: opts.width,
      height: rows.length * 24, // a fixed height: fit-x autosize warns with a step height
      autosize: { type: 'fit-x', contains: 'padding' },
      data: { values: rows },
      encoding: { y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 300, ticks: false } } },
      layer: [
        { mark: { type: 'bar', opacity: 0.85, height: 15 }, encoding: { x, color: colorEnc, tooltip } },
        { mark: { type: 'rule', color: '#1f2328' }, encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } },
        { mark: { type: 'tick', color: '#1f2328', thickness: 1, size: 9 }, encoding: { x: { field: 'lo', type: 'quantitative' } } },
        { mark: { type: 'tick', color: '#1f2328', thickness: 1, size: 9 }, encoding: { x: { field: 'hi', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'left', dx: 6, fontSize: 11.5, color: '#3d444d' }, encoding: { x: { field: 'hi', type: 'quantitative' }, text: { field: 'text' } } },
      ],
    };
  }

  function intervalRow(label, o, extra) {
    if (!isObj(o) || !isNum(o.p)) return null;
    const lo = isNum(o.lo) ? o.lo : o.p;
    const hi = isNum(o.hi) ? o.hi : o.p;
    const text = fmtPct(o.p) + (isNum(o.lo) && isNum(o.hi) ? ' (' + fmtPct(o.lo) + ' to ' + fmtPct(o.hi) + ')' : '');
    return Object.assign({ label, p: o.p, lo, hi, count: isNum(o.count) ? o.count : null, text }, extra || {});
  }

  function outcomesPart(data, L) {
    const s = data.summary;
    if (!isObj(s) || !isObj(s.outcomes)) return false;
    const rows = ordered(entries(s.outcomes), OUTCOME_ORDER).map(([k, v]) => intervalRow(L.outcomeName(k), v, { key: k })).filter(Boolean);
    if (!rows.length) return false;
    const p = part('outcomes', 'Outcome distribution', 'Share of runs ending in each outcome, with its 95% interval.');
    const box = chartBox(p, 'outcomes');
    embed(box, intervalBarSpec(rows, { width: widthOf(box), what: 'outcome' }));
    return true;
  }

  function escalationPart(data) {
    const s = data.summary;
    if (!isObj(s) || !isObj(s.max_rung)) return false;
    const rows = entries(s.max_rung)
      .filter(([k]) => /^\d+$/.test(k))
      .sort((a, b) => Number(a[0]) - Number(b[0]))
      .map(([k, v]) => intervalRow('rung ' + k, v))
      .filter(Boolean);
    if (!rows.length) return false;
    const p = part('escalation', 'Highest escalation rung', 'Share of runs by the highest rung of the escalation ladder any actor reached.');
    const box = chartBox(p, 'escalation');
    embed(box, intervalBarSpec(rows, { width: widthOf(box), color: '#8a5a00', what: 'highest rung' }));
    return true;
  }

  // ---- fan charts ------------------------------------------------------------

  function seriesColor(key) {
    if (/attacker/.test(key)) return COLORS[1];
    if (/defender/.test(key)) return COLORS[2];
    if (/civilian/.test(key)) return '#7b4fa0';
    return ACCENT;
  }

  function fanSpec(key, metric, dates, opts) {
    const at = (a, i) => (Array.isArray(a) && isNum(a[i]) ? a[i] : null);
    const values = [];
    dates.forEach((d, i) => {
      if (!isStr(d)) return;
      const v = { date: d, p10: at(metric.p10, i), p50: at(metric.p50, i), p90: at(metric.p90, i) };
      if (v.p10 !== null || v.p50 !== null || v.p90 !== null) values.push(v);
    });
    if (!values.length) return null;
    const share = metric.unit === 'share';
    const fmt = share ? '.0%' : '~s';
    const tipFmt = share ? '.1%' : ',.0f';
    const color = seriesColor(key);
    const y = { type: 'quantitative', title: opts.yTitle === undefined ? null : opts.yTitle, axis: share ? { format: fmt } : axisFormat(fmt), scale: share ? { domain: [0, 1] } : { zero: true } };
    return {
      width: opts.width,
      height: opts.height,
      autosize: { type: 'fit-x', contains: 'padding' },
      title: opts.title ? { text: opts.title } : undefined,
      data: { values },
      encoding: { x: { field: 'date', type: 'temporal', scale: { type: 'utc' }, title: null, axis: { format: '%Y', tickCount: 'year', labelAngle: 0 } } },
      layer: [
        { mark: { type: 'area', color, opacity: 0.22 }, encoding: { y: Object.assign({ field: 'p10' }, y), y2: { field: 'p90' } } },
        { mark: { type: 'line', color, strokeWidth: 2 }, encoding: { y: Object.assign({ field: 'p50' }, y) } },
        {
          params: [{ name: 'hover_' + key.replace(/\W/g, '_'), select: { type: 'point', fields: ['date'], nearest: true, on: 'pointerover', clear: 'pointerout' } }],
          mark: { type: 'rule', color: '#59636e' },
          encoding: {
            opacity: { condition: { param: 'hover_' + key.replace(/\W/g, '_'), value: 0.6, empty: false }, value: 0 },
            tooltip: [
              { field: 'date', type: 'nominal', title: 'date' },
              { field: 'p10', type: 'quantitative', format: tipFmt, title: 'P10' },
              { field: 'p50', type: 'quantitative', format: tipFmt, title: 'median' },
              { field: 'p90', type: 'quantitative', format: tipFmt, title: 'P90' },
            ],
          },
        },
      ],
    };
  }

  function seriesParts(data) {
    const se = data.series;
    if (!isObj(se) || !Array.isArray(se.dates) || !isObj(se.metrics)) return false;
    const metrics = ordered(entries(se.metrics), SERIES_ORDER).filter(([, m]) => isObj(m));
    if (!metrics.length) return false;
    const mainKey = se.metrics.territory_attackers && isObj(se.metrics.territory_attackers) ? 'territory_attackers' : (metrics.find(([, m]) => m.unit === 'share') || [null])[0];
    let drawn = false;
    if (mainKey) {
      const m = se.metrics[mainKey];
      const p = part('territory', isStr(m.label) ? m.label : 'Territory over time', 'Median over runs (line) and the 10th to 90th percentile band.');
      const box = chartBox(p, 'territory');
      const spec = fanSpec(mainKey, m, se.dates, { width: widthOf(box), height: 260, yTitle: m.unit === 'share' ? 'share' : null });
      if (spec) {
        embed(box, spec);
        drawn = true;
      } else {
        box.remove();
        p.append(el('p', { class: 'note' }, 'No values in this series.'));
      }
    }
    const rest = metrics.filter(([k]) => k !== mainKey);
    if (rest.length) {
      const p = part('series', 'Forces and losses over time', 'Each panel: median over runs and the 10th to 90th percentile band.');
      const grid = el('div', { class: 'grid2' });
      p.append(grid);
      for (const [k, m] of rest) {
        const cell = el('div', {});
        grid.append(cell);
        const box = chartBox(cell, 'series-' + k);
        const spec = fanSpec(k, m, se.dates, { width: widthOf(box, 480), height: 150, title: isStr(m.label) ? m.label : k });
        if (spec) {
          embed(box, spec);
          drawn = true;
        } else cell.remove();
      }
    }
    return drawn;
  }

  // ---- intervention --------------------------------------------------------

  function interventionPart(data, L) {
    const s = data.summary;
    if (!isObj(s) || !isObj(s.at_war)) return false;
    const groups = [];
    const groupOf = (id) => {
      const side = L.actorSide(id);
      const name = side === null ? 'side unknown' : side === 0 ? 'neutral at the start' : L.sideName(side);
      const color = side === null ? '#9aa3ad' : COLORS[side] || '#7a828c';
      if (!groups.find((g) => g[0] === name)) groups.push([name, color]);
      return name;
    };
    const all = entries(s.at_war).filter(([, v]) => isObj(v) && isNum(v.p));
    const never = all.filter(([, v]) => v.p === 0).map(([k]) => L.actorName(k));
    const rows = all
      .filter(([, v]) => v.p > 0)
      .sort((a, b) => b[1].p - a[1].p)
      .map(([k, v]) => intervalRow(L.actorName(k), v, { group: groupOf(k), id: k }))
      .filter(Boolean);
    const timing = all
      .filter(([, v]) => isObj(v.entry_day) && (isStr(v.entry_day.date_p50) || isNum(v.entry_day.p50)))
      .map(([k, v]) => {
        const e = v.entry_day;
        // a missing outer quantile collapses onto the median rather than dropping the row
        const d50 = isStr(e.date_p50) ? e.date_p50 : null;
        const p50 = isNum(e.p50) ? e.p50 : null;
        return {
          label: L.actorName(k), id: k, group: groupOf(k),
          d10: isStr(e.date_p10) ? e.date_p10 : d50, d50, d90: isStr(e.date_p90) ? e.date_p90 : d50,
          p10: isNum(e.p10) ? e.p10 : p50, p50, p90: isNum(e.p90) ? e.p90 : p50,
        };
      });
    if (!rows.length && !timing.length) return false;
    const p = part('intervention', 'Intervention: who goes to war, and when',
      'Probability that each actor is at war at some point in a run (with its 95% interval), and the date it enters, among the runs in which it enters after the start.');
    if (rows.length) {
      p.append(el('h3', {}, 'Probability of being at war'));
      const box = chartBox(p, 'intervention-probability');
      embed(box, intervalBarSpec(rows, { width: widthOf(box), groups, what: 'actor', xTitle: 'share of runs at war' }));
    }
    if (never.length) p.append(el('p', { class: 'note' }, 'Never at war in any run: ' + never.join(', ') + '.'));
    if (timing.length) {
      p.append(el('h3', {}, 'Entry date'));
      const byDate = timing.every((t) => isStr(t.d50));
      const lo = byDate ? 'd10' : 'p10', mid = byDate ? 'd50' : 'p50', hi = byDate ? 'd90' : 'p90';
      const x = byDate ? { type: 'temporal', scale: { type: 'utc' }, title: 'entry date (P10, median, P90)', axis: { format: '%b %Y', labelAngle: 0 } } : { type: 'quantitative', title: 'day of entry (P10, median, P90)' };
      timing.sort((a, b) => String(a[mid]).localeCompare(String(b[mid])) || (a.p50 || 0) - (b.p50 || 0));
      const box = chartBox(p, 'intervention-timing');
      const enc = (f) => Object.assign({ field: f }, x);
      embed(box, {
        width: widthOf(box),
        height: timing.length * 24,
        autosize: { type: 'fit-x', contains: 'padding' },
        data: { values: timing },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { ticks: false, labelLimit: 300 } },
          color: { field: 'group', type: 'nominal', title: null, scale: { domain: groups.map((g) => g[0]), range: groups.map((g) => g[1]) }, legend: { orient: 'bottom' } },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'actor' },
            { field: 'd10', type: 'nominal', title: 'P10 date' },
            { field: 'd50', type: 'nominal', title: 'median date' },
            { field: 'd90', type: 'nominal', title: 'P90 date' },
            { field: 'p50', type: 'quantitative', title: 'median day' },
          ],
        },
        layer: [
          { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: enc(lo), x2: { field: hi } } },
          { mark: { type: 'point', filled: true, size: 70, opacity: 1 }, encoding: { x: enc(mid) } },
          { mark: { type: 'tick', thickness: 2, size: 10 }, encoding: { x: enc(lo) } },
          { mark: { type: 'tick', thickness: 2, size: 10 }, encoding: { x: enc(hi) } },
        ],
      });
    }
    // the numbers, for reading off exactly
    const table = el('table', { class: 'data' },
      el('thead', {}, el('tr', {}, el('th', {}, 'actor'), el('th', { class: 'num' }, 'P(at war)'), el('th', { class: 'num' }, '95% interval'), el('th', { class: 'num' }, 'entry P10'), el('th', { class: 'num' }, 'entry median'), el('th', { class: 'num' }, 'entry P90'))),
      el('tbody', {}, all.sort((a, b) => b[1].p - a[1].p).map(([k, v]) => {
        const e = isObj(v.entry_day) ? v.entry_day : {};
        const day = (d, n) => (isStr(d) ? d : '') + (isNum(n) ? ' (day ' + whole.format(n) + ')' : '') || '-';
        return el('tr', {}, el('td', {}, L.actorName(k) + (L.actorName(k) !== k ? ' (' + k + ')' : '')), el('td', { class: 'num' }, fmtPct(v.p)), el('td', { class: 'num' }, fmtInterval(v) || '-'),
          el('td', { class: 'num' }, day(e.date_p10, e.p10)), el('td', { class: 'num' }, day(e.date_p50, e.p50)), el('td', { class: 'num' }, day(e.date_p90, e.p90)));
      })));
    p.append(el('details', {}, el('summary', {}, 'Table of intervention probabilities and entry dates'), table));
    return true;
  }

  // ---- casualties ------------------------------------------------------------

  function quantileRow(label, o, extra) {
    if (!isObj(o) || !isNum(o.p50)) return null;
    const g = (k) => (isNum(o[k]) ? Math.max(0, o[k]) : null);
    return Object.assign({ label, p10: g('p10'), p25: g('p25'), p50: g('p50'), p75: g('p75'), p90: g('p90'), mean: g('mean') }, extra || {});
  }

  function quantileSpec(rows, opts) {
    const max = Math.max(1, ...rows.map((r) => Math.max(r.p90 || 0, r.p50 || 0)));
    const ticks = [0];
    for (let t = 10; t <= max * 1.5; t *= 10) ticks.push(t);
    const x = { type: 'quantitative', title: opts.xTitle, scale: { type: 'symlog', domain: [0, max * 1.5], nice: false }, axis: Object.assign({ values: ticks }, axisFormat('~s')) };
    const enc = (f) => Object.assign({ field: f }, x);
    return {
      width: opts.width,
      height: rows.length * 24,
      autosize: { type: 'fit-x', contains: 'padding' },
      data: { values: rows },
      encoding: {
        y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { ticks: false, labelLimit: 300 } },
        tooltip: [
          { field: 'label', type: 'nominal', title: opts.what },
          { field: 'p10', type: 'quantitative', format: ',.0f', title: 'P10' },
          { field: 'p25', type: 'quantitative', format: ',.0f', title: 'P25' },
          { field: 'p50', type: 'quantitative', format: ',.0f', title: 'median' },
          { field: 'p75', type: 'quantitative', format: ',.0f', title: 'P75' },
          { field: 'p90', type: 'quantitative', format: ',.0f', title: 'P90' },
          { field: 'mean', type: 'quantitative', format: ',.0f', title: 'mean' },
        ],
      },
      layer: [
        { mark: { type: 'rule', color: opts.color }, encoding: { x: enc('p10'), x2: { field: 'p90' } } },
        { mark: { type: 'bar', color: opts.color, opacity: 0.55, height: 13 }, encoding: { x: enc('p25'), x2: { field: 'p75' } } },
        { mark: { type: 'tick', color: '#1f2328', thickness: 2.5, size: 17 }, encoding: { x: enc('p50') } },
      ],
    };
  }

  function casualtiesPart(data, L) {
    const s = data.summary;
    if (!isObj(s)) return false;
    const byActor = entries(s.deaths_by_actor)
      .map(([k, v]) => quantileRow(L.actorName(k), v, { id: k }))
      .filter((r) => r && (r.p90 || r.p50) > 0)
      .sort((a, b) => b.p50 - a.p50 || (b.p90 || 0) - (a.p90 || 0));
    const totals = [
      quantileRow('Military deaths (all actors)', s.military_deaths),
      quantileRow('Civilian deaths', s.civilian_deaths),
      quantileRow('Displaced people', s.displaced),
    ].filter(Boolean);
    if (!byActor.length && !totals.length) return false;
    const p = part('casualties', 'Casualties', 'Distribution over runs: line from the 10th to the 90th percentile, box from the 25th to the 75th, black tick at the median. The scale is logarithmic above 1.');
    if (totals.length) {
      p.append(el('h3', {}, 'Totals'));
      const box = chartBox(p, 'casualties-totals');
      embed(box, quantileSpec(totals, { width: widthOf(box), color: '#7b4fa0', xTitle: 'people', what: 'quantity' }));
    }
    if (byActor.length) {
      p.append(el('h3', {}, 'Military deaths by actor'));
      const box = chartBox(p, 'casualties-by-actor');
      embed(box, quantileSpec(byActor, { width: widthOf(box), color: '#b03a2e', xTitle: 'military deaths', what: 'actor' }));
    }
    return true;
  }

  // ---- map of control ----------------------------------------------------------

  // longitude/latitude box of GeoJSON features, and the width/height ratio Mercator gives it
  function mercatorAspect(features) {
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    const walk = (c) => {
      if (typeof c[0] === 'number') {
        x0 = Math.min(x0, c[0]); x1 = Math.max(x1, c[0]);
        y0 = Math.min(y0, c[1]); y1 = Math.max(y1, c[1]);
      } else for (const d of c) walk(d);
    };
    for (const f of features) if (f.geometry && f.geometry.coordinates) walk(f.geometry.coordinates);
    const merc = (lat) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360));
    const w = ((x1 - x0) * Math.PI) / 180;
    const h = merc(y1) - merc(y0);
    return w > 0 && h > 0 ? w / h : 1;
  }

  // names compared without case, accents and punctuation ("Rason" finds "Rasŏn")
  const loose = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

  function mapPart(data, L) {
    const map = data.map;
    if (!isObj(map)) return false;
    const regions = arr(map.regions).filter((r) => isObj(r) && isStr(r.id));
    if (!regions.length) return false;
    let snapshots = arr(map.snapshots).filter((s) => isObj(s) && isObj(s.control));
    if (!snapshots.length && isObj(data.summary) && isObj(data.summary.final_control)) snapshots = [{ date: 'final', control: data.summary.final_control }];
    if (!snapshots.length) return false;

    // admin-1 units of the requested countries
    const geo = window.STATECRAFT_GEO || {};
    const units = [];
    const missingCodes = [];
    for (const code of arr(map.country_codes).filter(isStr).map((c) => c.toUpperCase())) {
      const topo = geo[code];
      if (!isObj(topo) || !isObj(topo.objects)) {
        missingCodes.push(code);
        continue;
      }
      const obj = topo.objects[Object.keys(topo.objects)[0]];
      const fc = window.topojson.feature(topo, obj);
      for (const f of fc.features) units.push({ code, name: f.properties && isStr(f.properties.name) ? f.properties.name : null, geometry: f.geometry, regions: [] });
    }
    const exact = new Map();
    const byLoose = new Map();
    units.forEach((u, i) => {
      if (!u.name) return;
      if (!exact.has(u.name)) exact.set(u.name, []);
      exact.get(u.name).push(i);
      const k = loose(u.name);
      if (!byLoose.has(k)) byLoose.set(k, []);
      byLoose.get(k).push(i);
    });

    // join each region to the units its admin1 names name
    const unmatched = [];
    const looseMatches = [];
    const noGeometry = [];
    for (const r of regions) {
      let found = 0;
      for (const name of arr(r.admin1).filter(isStr)) {
        let idx = exact.get(name);
        if (!idx) {
          idx = byLoose.get(loose(name));
          if (idx) looseMatches.push(name + ' -> ' + units[idx[0]].name);
        }
        if (!idx) {
          unmatched.push(name + ' (' + r.id + ')');
          continue;
        }
        for (const i of idx) if (!units[i].regions.includes(r)) units[i].regions.push(r);
        found += idx.length;
      }
      if (!found) noGeometry.push(r);
    }

    // who can be shown: each side (actors on it at the start), then each actor that held something
    const holders = [];
    const sideActors = {};
    for (const a of Object.values(L.actors)) if (isNum(a.side) && a.side > 0) (sideActors[a.side] = sideActors[a.side] || []).push(a.id);
    for (const side of Object.keys(sideActors).map(Number).sort()) holders.push({ key: 'side:' + side, label: 'Side: ' + L.sideName(side), actors: sideActors[side], scheme: SCHEMES[side] || 'purples' });
    const held = new Map();
    for (const snap of snapshots) for (const [, shares] of entries(snap.control)) for (const [a, v] of entries(shares)) if (isNum(v)) held.set(a, (held.get(a) || 0) + v);
    for (const [a] of [...held.entries()].sort((x, y) => y[1] - x[1])) holders.push({ key: 'actor:' + a, label: 'Actor: ' + L.actorName(a), actors: [a], scheme: SCHEMES[L.actorSide(a)] || 'purples' });
    if (!holders.length) return false;

    const p = part('map', 'Map of control',
      'Colour: share of runs in which the chosen side or actor held each region at the chosen date. An admin-1 unit covered by several regions shows their unweighted mean; the dots show each region on its own. Grey units belong to no region.');
    const dateSel = el('select', { id: 'map-date' }, snapshots.map((s, i) => el('option', { value: String(i) }, s.date === 'final' ? 'final (end of run)' : String(s.date || 'snapshot ' + (i + 1)))));
    dateSel.value = String(snapshots.length - 1);
    const holderSel = el('select', { id: 'map-holder' }, holders.map((h, i) => el('option', { value: String(i) }, h.label)));
    p.append(el('div', { class: 'controls' }, el('label', {}, 'Date', dateSel), el('label', {}, 'Held by', holderSel)));
    const row = el('div', { class: 'map-row' });
    p.append(row);
    const box = el('div', { class: 'chart map-chart', 'data-chart': 'map' });
    const side = el('div', { class: 'map-side' });
    row.append(box, side);
    const notes = el('div', {});
    const listBox = el('div', { class: 'map-list' });
    side.append(notes, listBox);
    if (missingCodes.length) notes.append(el('p', { class: 'note warn' }, 'No map geometry in this page for: ' + missingCodes.join(', ') + '.'));
    if (noGeometry.length)
      notes.append(el('div', { class: 'note warn', 'data-no-geometry': String(noGeometry.length) }, 'Regions without map geometry' + (noGeometry.some((r) => Array.isArray(r.at)) ? ' (drawn as dots where their coordinates are known)' : '') + ':',
        el('ul', { class: 'plain' }, noGeometry.map((r) => el('li', { 'data-region': r.id }, (isStr(r.name) ? r.name : r.id) + ' (' + r.id + ')' + (arr(r.admin1).length ? '' : ': no admin-1 names given'))))));
    if (unmatched.length) notes.append(el('p', { class: 'note warn' }, 'Admin-1 names not found in the map geometry: ' + unmatched.join(', ') + '.'));
    if (looseMatches.length) notes.append(el('p', { class: 'note' }, 'Matched ignoring case, accents and punctuation: ' + [...new Set(looseMatches)].join(', ') + '.'));

    const covered = units.filter((u) => u.regions.length);
    const points = regions.filter((r) => Array.isArray(r.at) && isNum(r.at[0]) && isNum(r.at[1]));
    const fitTo = (covered.length ? covered : units).map((u) => ({ type: 'Feature', properties: {}, geometry: u.geometry }))
      .concat(points.map((r) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [r.at[1], r.at[0]] } })));
    if (!fitTo.length) {
      box.replaceChildren(el('p', { class: 'note warn' }, 'Nothing to draw: no region has geometry or coordinates.'));
      return true;
    }
    box.setAttribute('data-units', String(covered.length));
    box.setAttribute('data-points', String(points.length));
    const background = units.map((u) => ({ type: 'Feature', properties: { name: u.name || '(unnamed)' }, geometry: u.geometry }));

    let view = null;
    const draw = () => {
      const snap = snapshots[Number(dateSel.value)] || snapshots[snapshots.length - 1];
      const holder = holders[Number(holderSel.value)] || holders[0];
      const shareOf = (r) => {
        const c = snap.control[r.id];
        if (!isObj(c)) return null;
        let v = 0;
        for (const a of holder.actors) if (isNum(c[a])) v += c[a];
        return Math.min(1, v);
      };
      const top = (r) => {
        const c = snap.control[r.id];
        return entries(c).filter(([, v]) => isNum(v) && v > 0).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([a, v]) => a + ' ' + fmtPct(v)).join(', ') || '-';
      };
      const shaded = covered.map((u) => {
        const vals = u.regions.map(shareOf).filter(isNum);
        return { type: 'Feature', properties: { name: u.name, value: vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : null, regions: u.regions.map((r) => r.name || r.id).join('; ') }, geometry: u.geometry };
      });
      const dots = points.map((r) => ({ lon: r.at[1], lat: r.at[0], name: isStr(r.name) ? r.name : r.id, value: shareOf(r), holders: top(r) }));
      // the same numbers as a list, north to south, for reading off exactly
      const listed = regions.map((r) => ({ r, v: shareOf(r) })).sort((a, b) => (Array.isArray(b.r.at) ? b.r.at[0] : -99) - (Array.isArray(a.r.at) ? a.r.at[0] : -99));
      listBox.replaceChildren(el('table', { class: 'data compact' },
        el('thead', {}, el('tr', {}, el('th', {}, 'region'), el('th', { class: 'num' }, 'held by ' + holder.label.replace(/^\w+: /, '')))),
        el('tbody', {}, listed.map(({ r, v }) => el('tr', {}, el('td', { class: 'clip', title: (isStr(r.name) ? r.name + ' ' : '') + '(' + r.id + ')' }, isStr(r.name) ? r.name : r.id), el('td', { class: 'num' }, isNum(v) ? fmtPct(v) : '-'))))));
      // as large as the page allows at the shape of the theatre, legend beside it
      const avail = widthOf(row) - 120 - 300; // the region list beside the map takes about 300 px
      const aspect = mercatorAspect(fitTo);
      let height = Math.min(620, avail / aspect);
      let width = Math.min(avail, height * aspect);
      if (height < 260) height = 260;
      width = Math.round(width);
      height = Math.round(height);
      const color = (field) => ({ field, type: 'quantitative', title: 'held by', scale: { domain: [0, 1], scheme: holder.scheme }, legend: { format: '.0%', title: 'share of runs', orient: 'right' } });
      const spec = {
        width,
        height,
        projection: { type: 'mercator', fit: fitTo },
        layer: [
          { data: { values: background }, mark: { type: 'geoshape', fill: '#e4e7eb', stroke: '#ffffff', strokeWidth: 0.6, clip: true }, encoding: { tooltip: [{ field: 'properties.name', type: 'nominal', title: 'admin-1 unit (no region)' }] } },
          {
            data: { values: shaded },
            mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 0.8, clip: true },
            encoding: {
              color: color('properties.value'),
              tooltip: [
                { field: 'properties.name', type: 'nominal', title: 'admin-1 unit' },
                { field: 'properties.value', type: 'quantitative', format: '.0%', title: 'held by ' + holder.label.replace(/^\w+: /, '') },
                { field: 'properties.regions', type: 'nominal', title: 'regions' },
              ],
            },
          },
          {
            data: { values: dots },
            mark: { type: 'circle', stroke: '#1f2328', strokeWidth: 0.8, size: 55, opacity: 1, clip: true },
            encoding: {
              longitude: { field: 'lon', type: 'quantitative' },
              latitude: { field: 'lat', type: 'quantitative' },
              color: color('value'),
              tooltip: [
                { field: 'name', type: 'nominal', title: 'region' },
                { field: 'value', type: 'quantitative', format: '.0%', title: 'held by ' + holder.label.replace(/^\w+: /, '') },
                { field: 'holders', type: 'nominal', title: 'holders' },
              ],
            },
          },
        ],
      };
      if (view) view.finalize();
      box.removeAttribute('data-rendered');
      return embed(box, spec).then((res) => {
        view = res;
        return res;
      });
    };
    dateSel.addEventListener('change', draw);
    holderSel.addEventListener('change', draw);
    draw();
    return true;
  }

  // ---- backtest checkpoints --------------------------------------------------------

  function checkpointsPart(data) {
    const s = data.summary;
    const rows = isObj(s) ? arr(s.checkpoints).filter((c) => isObj(c) && isNum(c.p)) : [];
    if (!rows.length) return false;
    const p = part('checkpoints', 'Backtest checkpoints', "Share of runs matching each dated fact of the scenario's historical record, with its 95% interval.");
    const describe = (c) => [c.label, c.what, c.description].find(isStr) || '';
    const hasText = rows.some((c) => describe(c));
    p.append(el('table', { class: 'data', 'data-chart': 'checkpoints' },
      el('thead', {}, el('tr', {}, el('th', {}, 'date'), hasText ? el('th', {}, 'checkpoint') : null, el('th', { class: 'num' }, 'P(met)'), el('th', {}, ''), el('th', { class: 'num' }, '95% interval'), el('th', { class: 'num' }, 'runs'))),
      el('tbody', {}, rows.map((c) => el('tr', {},
        el('td', {}, isStr(c.date) ? c.date : '-'),
        hasText ? el('td', {}, describe(c)) : null,
        el('td', { class: 'num' }, fmtPct(c.p)),
        el('td', {}, el('span', { class: 'pbar-track' }, el('span', { class: 'pbar', style: 'width:' + Math.round(Math.max(0, Math.min(1, c.p)) * 120) + 'px' }))),
        el('td', { class: 'num' }, fmtInterval(c) || '-'),
        el('td', { class: 'num' }, isNum(c.count) ? whole.format(c.count) : '-'))))));
    return true;
  }

  // ---- compare: forest plots of effects -------------------------------------------------

  const isProbMetric = (m) => /^P\(/.test(m);
  const METRICS = { duration_days: 'Duration (days)', military_deaths: 'Military deaths', civilian_deaths: 'Civilian deaths', displaced: 'Displaced people' };
  const STATS = { mean: 'mean', p10: 'P10', p50: 'median', p90: 'P90' };
  // "duration_days p50" -> ["duration_days", "p50"]; a metric without a statistic -> [metric, null]
  function metricParts(m) {
    const i = m.lastIndexOf(' ');
    return i > 0 && STATS[m.slice(i + 1)] ? [m.slice(0, i), m.slice(i + 1)] : [m, null];
  }
  const metricName = (m) => {
    const [base, stat] = metricParts(m);
    return (METRICS[base] || base) + (stat ? ', ' + STATS[stat] : '');
  };
  // "P(armistice)" -> "P(Armistice)", "P(at war: CHN)" -> "P(at war: China)"
  function probName(m, L) {
    const inner = m.slice(2, -1);
    if (inner.startsWith('at war: ')) return 'P(at war: ' + L.actorName(inner.slice(8)) + ')';
    return 'P(' + L.outcomeName(inner) + ')';
  }

  // variant k has the same colour in every compare chart; the base arm is grey
  const VARIANT_COLORS = ['#4c78a8', '#f58518', '#e45756', '#72b7b2', '#54a24b', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'];

  // one row per effect (y) and variant (offset within the row), its estimate and 95% interval
  function forestSpec(rows, variants, opts) {
    const ext = rows.reduce((a, r) => [Math.min(a[0], r.lo, r.diff), Math.max(a[1], r.hi, r.diff)], [0, 0]);
    const pad = (ext[1] - ext[0]) * 0.08 || 0.01;
    const fmtAxis = opts.prob ? '+.0%' : '+~s';
    const fmtTip = opts.prob ? '+.1%' : '+,.0f';
    const tip = opts.prob ? '.1%' : ',.0f';
    const x = { type: 'quantitative', title: opts.prob ? 'difference, variant minus base (percentage points)' : 'difference, variant minus base',
      scale: { domain: [ext[0] - pad, ext[1] + pad], nice: true }, axis: axisFormat(fmtAxis) };
    const many = variants.length > 1;
    // names stay out of sort arrays and domains: Vega compiles those into expressions, which some characters break
    const color = many ? { field: 'variant', type: 'nominal', title: 'variant', sort: null, scale: { range: VARIANT_COLORS }, legend: { orient: 'bottom' } } : { value: VARIANT_COLORS[0] };
    const encoding = {
      y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { ticks: false, labelLimit: 260 } },
      tooltip: [
        { field: 'variant', type: 'nominal' }, { field: 'label', type: 'nominal', title: 'metric' },
        { field: 'base', type: 'quantitative', format: tip, title: 'base' },
        { field: 'value', type: 'quantitative', format: tip, title: 'variant' },
        { field: 'diff', type: 'quantitative', format: fmtTip, title: 'difference' },
        { field: 'lo', type: 'quantitative', format: fmtTip, title: '95% low' },
        { field: 'hi', type: 'quantitative', format: fmtTip, title: '95% high' },
      ],
    };
    if (many) encoding.yOffset = { field: 'variant', type: 'nominal', sort: null };
    const labels = new Set(rows.map((r) => r.label)).size;
    return {
      width: opts.width,
      height: labels * Math.max(20, 12 * variants.length),
      autosize: { type: 'fit-x', contains: 'padding' },
      title: opts.title,
      data: { values: rows },
      encoding,
      layer: [
        { mark: { type: 'rule', color: '#8c959f', strokeDash: [3, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
        { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: Object.assign({ field: 'lo' }, x), x2: { field: 'hi' }, color } },
        { mark: { type: 'point', filled: true, size: 55, opacity: 1 }, encoding: { x: Object.assign({ field: 'diff' }, x), color } },
      ],
    };
  }

  function comparePart(data, L) {
    const c = data.compare;
    if (!isObj(c)) return false;
    const effects = arr(c.effects).filter((e) => isObj(e) && isStr(e.metric) && isStr(e.variant) && isNum(e.diff));
    if (!effects.length) return false;
    const variants = [...new Set(effects.map((e) => e.variant))];
    const row = (e, label) => ({
      variant: e.variant, label, diff: e.diff, lo: isNum(e.lo) ? e.lo : e.diff, hi: isNum(e.hi) ? e.hi : e.diff,
      base: isNum(e.base) ? e.base : null, value: isNum(e.value) ? e.value : null,
    });
    const base = isStr(c.base) ? c.base : 'base';
    const p = part('compare', 'Effect of each variant',
      'Paired differences, variant minus ' + base + ', over runs on the same seeds (common random numbers), with 95% intervals: ' +
        'Newcombe intervals for probabilities, paired-t for means, a Poisson bootstrap for quantiles. The dashed line marks no effect.');
    const probs = effects.filter((e) => isProbMetric(e.metric));
    if (probs.length) {
      p.append(el('h3', {}, 'Probabilities'));
      const box = chartBox(p, 'compare-forest');
      embed(box, forestSpec(probs.map((e) => row(e, probName(e.metric, L))), variants, { width: widthOf(box), prob: true }));
    }
    const others = effects.filter((e) => !isProbMetric(e.metric));
    const families = [...new Set(others.map((e) => metricParts(e.metric)[0]))];
    if (families.length) {
      const g2 = el('div', { class: 'grid2' });
      p.append(g2);
      for (const f of families) {
        const rows = others.filter((e) => metricParts(e.metric)[0] === f).map((e) => row(e, STATS[metricParts(e.metric)[1]] || (METRICS[f] || f)));
        const cell = el('div', {});
        g2.append(cell);
        const box = chartBox(cell, 'compare-' + f.replace(/\W/g, '_'));
        embed(box, forestSpec(rows, variants, { width: widthOf(box, 480), prob: false, title: METRICS[f] || f }));
      }
    }
    // the outcome distribution of every arm side by side
    const arms = arr(c.arms).filter((a) => isObj(a) && isStr(a.name) && isObj(a.outcomes));
    if (arms.length > 1) {
      const names = arms.map((a) => a.name);
      const seen = new Set();
      for (const a of arms) for (const [k, o] of entries(a.outcomes)) if (isObj(o) && isNum(o.p) && o.p > 0) seen.add(k);
      const rows = [];
      for (const [k] of ordered([...seen].map((k) => [k]), OUTCOME_ORDER))
        for (const a of arms) {
          const o = a.outcomes[k];
          if (isObj(o) && isNum(o.p)) rows.push({ outcome: L.outcomeName(k), arm: a.name, p: o.p, lo: isNum(o.lo) ? o.lo : o.p, hi: isNum(o.hi) ? o.hi : o.p });
        }
      if (rows.length) {
        p.append(el('h3', {}, 'Outcome distribution of each arm'));
        const box = chartBox(p, 'compare-arms');
        const x = { type: 'quantitative', title: 'share of runs', scale: { domain: [0, 1] }, axis: { format: '.0%' } };
        const color = { field: 'arm', type: 'nominal', title: null, sort: null, scale: { range: ['#8c959f', ...VARIANT_COLORS] }, legend: { orient: 'bottom' } };
        embed(box, {
          width: widthOf(box), height: seen.size * Math.max(22, 13 * names.length), autosize: { type: 'fit-x', contains: 'padding' },
          data: { values: rows },
          encoding: {
            y: { field: 'outcome', type: 'nominal', sort: null, title: null, axis: { ticks: false, labelLimit: 300 } },
            yOffset: { field: 'arm', type: 'nominal', sort: null },
            tooltip: [{ field: 'arm', type: 'nominal' }, { field: 'outcome', type: 'nominal' }, { field: 'p', type: 'quantitative', format: '.1%', title: 'P' },
              { field: 'lo', type: 'quantitative', format: '.1%', title: '95% low' }, { field: 'hi', type: 'quantitative', format: '.1%', title: '95% high' }],
          },
          layer: [
            { mark: { type: 'bar', opacity: 0.85 }, encoding: { x: Object.assign({ field: 'p' }, x), color } },
            { mark: { type: 'rule', color: '#1f2328' }, encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } },
          ],
        });
      }
    }
    const fmt = (m, v, signed) => (!isNum(v) ? '-' : isProbMetric(m) ? (signed && v > 0 ? '+' : '') + fmtPct(v) : (signed && v > 0 ? '+' : '') + fmtNum(v));
    const fmtP = (v) => (!isNum(v) ? '-' : v < 0.001 ? '<0.001' : v.toFixed(3));
    const table = el('table', { class: 'data' },
      el('thead', {}, el('tr', {}, el('th', {}, 'variant'), el('th', {}, 'metric'), el('th', { class: 'num' }, 'base'), el('th', { class: 'num' }, 'variant'), el('th', { class: 'num' }, 'difference'), el('th', { class: 'num' }, '95% interval'), el('th', { class: 'num' }, 'p'))),
      el('tbody', {}, effects.map((e) => el('tr', {}, el('td', {}, e.variant), el('td', {}, isProbMetric(e.metric) ? probName(e.metric, L) : metricName(e.metric)), el('td', { class: 'num' }, fmt(e.metric, e.base)), el('td', { class: 'num' }, fmt(e.metric, e.value)),
        el('td', { class: 'num' }, fmt(e.metric, e.diff, true)), el('td', { class: 'num' }, isNum(e.lo) && isNum(e.hi) ? fmt(e.metric, e.lo, true) + ' to ' + fmt(e.metric, e.hi, true) : '-'), el('td', { class: 'num' }, fmtP(e.p_value))))));
    p.append(el('details', {}, el('summary', {}, 'Table of effects'), table));
    return true;
  }

  // ---- sweep -------------------------------------------------------------------------

  function sweepPart(data, L) {
    const sw = data.sweep;
    if (!isObj(sw)) return false;
    const params = arr(sw.params).filter(isStr);
    const grid = arr(sw.grid).filter((g) => isObj(g) && Array.isArray(g.values) && g.values.length >= params.length);
    if (!params.length || !grid.length) return false;
    const outcomeRows = [];
    for (const g of grid)
      for (const [k, o] of ordered(entries(g.outcomes), OUTCOME_ORDER))
        if (isObj(o) && isNum(o.p)) outcomeRows.push({ v1: g.values[0], v2: params.length > 1 ? g.values[1] : null, outcome: L.outcomeName(k), p: o.p, lo: isNum(o.lo) ? o.lo : o.p, hi: isNum(o.hi) ? o.hi : o.p });
    // outcomes that never happen anywhere in the sweep only add noise
    const seen = new Set(outcomeRows.filter((r) => r.p > 0).map((r) => r.outcome));
    const rows = outcomeRows.filter((r) => seen.has(r.outcome));
    const scalars = grid.map((g) => ({ v1: g.values[0], v2: params.length > 1 ? g.values[1] : null, duration: isNum(g.duration_p50) ? g.duration_p50 : null, deaths: isNum(g.military_deaths_p50) ? g.military_deaths_p50 : null }));
    const p = part('sweep', 'Parameter sweep', params.length === 1 ? 'Outcome probabilities (with 95% bands), median duration and median military deaths as ' + params[0] + ' varies.' : 'Outcome probabilities, median duration and median military deaths over the grid of ' + params.join(' and ') + '.');
    let drawn = false;
    if (params.length === 1) {
      const x = { field: 'v1', type: 'quantitative', title: params[0], scale: { zero: false } };
      if (rows.length) {
        const box = chartBox(p, 'sweep-outcomes');
        embed(box, {
          width: widthOf(box), height: 240, autosize: { type: 'fit-x', contains: 'padding' },
          data: { values: rows },
          encoding: { x, color: { field: 'outcome', type: 'nominal', title: null, legend: { orient: 'right', labelLimit: 260 } } },
          layer: [
            { mark: { type: 'area', opacity: 0.15 }, encoding: { y: { field: 'lo', type: 'quantitative', title: 'share of runs', axis: { format: '.0%' } }, y2: { field: 'hi' } } },
            { mark: { type: 'line', point: true }, encoding: { y: { field: 'p', type: 'quantitative' }, tooltip: [{ field: 'outcome', type: 'nominal' }, { field: 'v1', type: 'quantitative', title: params[0] }, { field: 'p', type: 'quantitative', format: '.1%', title: 'P' }, { field: 'lo', type: 'quantitative', format: '.1%', title: '95% low' }, { field: 'hi', type: 'quantitative', format: '.1%', title: '95% high' }] } },
          ],
        });
        drawn = true;
      }
      const g2 = el('div', { class: 'grid2' });
      p.append(g2);
      for (const [f, title] of [['duration', 'Median duration (days)'], ['deaths', 'Median military deaths']]) {
        const vals = scalars.filter((r) => isNum(r[f]));
        if (!vals.length) continue;
        const cell = el('div', {});
        g2.append(cell);
        const box = chartBox(cell, 'sweep-' + f);
        embed(box, {
          width: widthOf(box, 480), height: 160, autosize: { type: 'fit-x', contains: 'padding' }, title, data: { values: vals },
          mark: { type: 'line', point: true, color: ACCENT },
          encoding: { x, y: { field: f, type: 'quantitative', title: null, axis: axisFormat('~s') }, tooltip: [{ field: 'v1', type: 'quantitative', title: params[0] }, { field: f, type: 'quantitative', format: ',.0f', title }] },
        });
        drawn = true;
      }
    } else {
      const x = { field: 'v1', type: 'ordinal', title: params[0], axis: { labelAngle: 0 } };
      const y = { field: 'v2', type: 'ordinal', title: params[1], sort: 'descending' };
      const nOut = seen.size;
      if (rows.length) {
        const box = chartBox(p, 'sweep-outcomes');
        const cols = Math.min(3, nOut);
        embed(box, {
          data: { values: rows },
          facet: { field: 'outcome', type: 'nominal', title: null, header: { labelFontWeight: 600 } },
          columns: cols,
          spec: {
            width: Math.max(120, Math.floor(widthOf(box) / cols) - 110), height: 150,
            mark: { type: 'rect' },
            encoding: { x, y, color: { field: 'p', type: 'quantitative', title: 'P', scale: { domain: [0, 1], scheme: 'viridis' }, legend: { format: '.0%' } }, tooltip: [{ field: 'outcome', type: 'nominal' }, { field: 'v1', type: 'ordinal', title: params[0] }, { field: 'v2', type: 'ordinal', title: params[1] }, { field: 'p', type: 'quantitative', format: '.1%', title: 'P' }] },
          },
        });
        drawn = true;
      }
      const g2 = el('div', { class: 'grid2' });
      p.append(g2);
      for (const [f, title] of [['duration', 'Median duration (days)'], ['deaths', 'Median military deaths']]) {
        const vals = scalars.filter((r) => isNum(r[f]));
        if (!vals.length) continue;
        const cell = el('div', {});
        g2.append(cell);
        const box = chartBox(cell, 'sweep-' + f);
        embed(box, {
          width: widthOf(box, 480) - 120, height: 160, title, data: { values: vals },
          mark: { type: 'rect' },
          encoding: { x, y, color: { field: f, type: 'quantitative', title: null, scale: { scheme: 'oranges' }, legend: { format: '~s' } }, tooltip: [{ field: 'v1', type: 'ordinal', title: params[0] }, { field: 'v2', type: 'ordinal', title: params[1] }, { field: f, type: 'quantitative', format: ',.0f', title }] },
        });
        drawn = true;
      }
    }
    if (!drawn) p.append(el('p', { class: 'note' }, 'The sweep grid holds no values to draw.'));
    return true;
  }

  // ---- sensitivity (Morris) --------------------------------------------------------------

  function sensitivityPart(data, L) {
    const se = data.sensitivity;
    if (!isObj(se)) return false;
    const outputs = arr(se.outputs).map((o) => (isStr(o) ? o : null));
    const inputs = arr(se.inputs).filter((i) => isObj(i) && isStr(i.path));
    if (!outputs.length || !inputs.length) return false;
    const outName = (o) => (isProbMetric(o) ? probName(o, L) : metricName(o));
    const short = (path) => path.split('.').slice(-3).join('.');
    const p = part('sensitivity', 'Sensitivity: which uncertain inputs matter',
      (isStr(se.method) ? se.method.charAt(0).toUpperCase() + se.method.slice(1) + ' screening' : 'Screening') +
        ': mu* is the mean absolute effect on an output of moving an input across its range, sigma the spread of its effect (large sigma: non-linear or interacting). ' +
        'Effects marked ~ are not above what run-to-run noise alone gives.');
    // every input against every output, each output scaled to its largest mu*
    const cells = [];
    outputs.forEach((out, k) => {
      if (!out) return;
      const vals = inputs.map((i) => arr(i.mu_star)[k]).filter(isNum);
      const max = vals.length ? Math.max(...vals) : 0;
      for (const i of inputs) {
        const m = arr(i.mu_star)[k];
        if (!isNum(m)) continue;
        const above = arr(i.above_noise)[k];
        const fmt = m === 0 ? '' : isProbMetric(out) ? (m * 100).toFixed(m < 0.1 ? 1 : 0) + 'pp' : fmtNum(m);
        cells.push({ input: short(i.path), path: i.path, output: outName(out), rel: max > 0 ? m / max : 0, mu_star: m, sigma: arr(i.sigma)[k],
          text: fmt && above === false ? fmt + '~' : fmt, above: above !== false });
      }
    });
    if (cells.length) {
      const box = chartBox(p, 'sensitivity-matrix');
      const nout = new Set(cells.map((c) => c.output)).size;
      embed(box, {
        width: Math.min(widthOf(box) - 240, Math.max(240, inputs.length * 92)), height: nout * 22,
        data: { values: cells },
        encoding: {
          x: { field: 'input', type: 'nominal', sort: null, title: null, axis: { labelAngle: -30, labelLimit: 200, orient: 'top' } },
          y: { field: 'output', type: 'nominal', sort: null, title: null, axis: { labelLimit: 230 } },
          tooltip: [{ field: 'path', type: 'nominal', title: 'input' }, { field: 'output', type: 'nominal' },
            { field: 'mu_star', type: 'quantitative', format: '.3~g', title: 'mu*' }, { field: 'sigma', type: 'quantitative', format: '.3~g', title: 'sigma' },
            { field: 'above', type: 'nominal', title: 'above run noise' }],
        },
        layer: [
          // only effects above run noise are coloured: those are the inputs that drive the output
          { mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
            encoding: { color: { condition: { test: '!datum.above', value: '#f1f3f5' }, field: 'rel', type: 'quantitative', title: 'mu* / largest for the output',
              scale: { domain: [0, 1], scheme: 'blues' }, legend: { format: '.0%', orient: 'bottom' } } } },
          { mark: { type: 'text', fontSize: 10 }, encoding: { text: { field: 'text' }, color: { condition: { test: 'datum.above && datum.rel > 0.6', value: 'white' }, value: '#3d444d' } } },
        ],
      });
    }
    // mu* against sigma for the main outputs (being at war has its row in the matrix)
    let main = outputs.map((o, k) => [o, k]).filter(([o]) => o && !/^P\(at war/.test(o));
    if (!main.length) main = outputs.map((o, k) => [o, k]).filter(([o]) => o);
    const panels = [];
    const box = chartBox(p, 'sensitivity');
    const cols = main.length >= 3 ? 3 : main.length;
    const w = Math.max(150, Math.floor((widthOf(box) - 20) / cols) - 105);
    for (const [out, k] of main.slice(0, 9)) {
      const pts = inputs
        .map((i) => ({ path: i.path, short: short(i.path), mu_star: arr(i.mu_star)[k], sigma: arr(i.sigma)[k] }))
        .filter((r) => isNum(r.mu_star) && isNum(r.sigma));
      if (!pts.length) continue;
      // name the four largest effects on the chart; the others in their tooltips
      const top = new Set([...pts].sort((a, b) => b.mu_star - a.mu_star).slice(0, 4).map((r) => r.path));
      for (const r of pts) r.label = top.has(r.path) ? r.short : '';
      const xmax = Math.max(...pts.map((r) => r.mu_star)) * 1.6 || 1;
      const ymax = Math.max(...pts.map((r) => r.sigma)) * 1.1 || 1;
      const fmt = isProbMetric(out) ? '.0%' : '~s';
      panels.push({
        title: outName(out), width: w, height: Math.round(w * 0.8), data: { values: pts },
        encoding: {
          x: { field: 'mu_star', type: 'quantitative', title: 'mu*', axis: Object.assign({ tickCount: 4 }, axisFormat(fmt)), scale: { domain: [0, xmax] } },
          y: { field: 'sigma', type: 'quantitative', title: 'sigma', axis: Object.assign({ tickCount: 4 }, axisFormat(fmt)), scale: { domain: [0, ymax] } },
          tooltip: [{ field: 'path', type: 'nominal', title: 'input' }, { field: 'mu_star', type: 'quantitative', format: isProbMetric(out) ? '.3f' : ',.0f', title: 'mu*' }, { field: 'sigma', type: 'quantitative', format: isProbMetric(out) ? '.3f' : ',.0f', title: 'sigma' }],
        },
        layer: [
          { mark: { type: 'point', filled: true, size: 50, color: ACCENT, opacity: 0.9 } },
          { mark: { type: 'text', align: 'left', dx: 5, dy: -5, fontSize: 10, color: '#3d444d', limit: 150 }, encoding: { text: { field: 'label' } } },
        ],
      });
    }
    if (!panels.length) {
      box.replaceChildren(el('p', { class: 'note' }, 'No sensitivity values to draw.'));
      return true;
    }
    embed(box, { concat: panels, columns: cols, spacing: 30 });
    return true;
  }

  // ---- main ------------------------------------------------------------------------

  function finish() {
    const libs = [];
    if (window.vega && window.vega.version) libs.push('Vega ' + window.vega.version);
    if (window.vegaLite && window.vegaLite.version) libs.push('Vega-Lite ' + window.vegaLite.version);
    if (window.vegaEmbed && window.vegaEmbed.version) libs.push('vega-embed ' + window.vegaEmbed.version);
    const span = document.getElementById('report-libs');
    if (span && libs.length) span.textContent = '(' + libs.join(', ') + '.)';
    Promise.allSettled(pending).then(() => {
      document.body.setAttribute('data-failures', String(failures.length));
      document.body.setAttribute('data-ready', '1');
    });
  }

  function render() {
    const read = readData();
    if (read.state !== 'ok') {
      const msg = read.state === 'template' ? 'This is the report template: the engine has not inserted any report data.' : read.state === 'bad' ? 'The report data could not be read: ' + read.error : 'The report data is empty.';
      main().append(el('section', { class: 'part', id: 'report-empty' }, el('p', {}, msg)));
      finish();
      return;
    }
    const data = read.data;
    const L = makeLabels(data);
    header(data, L);
    const parts = [figuresPart, outcomesPart, seriesParts, interventionPart, casualtiesPart, mapPart, escalationPart, checkpointsPart, comparePart, sweepPart, sensitivityPart];
    let drawn = 0;
    for (const fn of parts) {
      try {
        if (fn(data, L)) drawn++;
      } catch (err) {
        failures.push(fn.name + ': ' + (err && err.message));
        main().append(el('p', { class: 'chart-failed' }, 'A part of this report could not be drawn (' + fn.name + '): ' + (err && err.message)));
        console.warn('statecraft report: ' + fn.name + ' failed', err);
      }
    }
    if (!drawn) main().append(el('section', { class: 'part', id: 'report-empty' }, el('p', {}, 'The report data holds nothing to draw.')));
    finish();
  }

  render();
})();
