#!/usr/bin/env node
// The report of bench/hostile.mjs: the Markdown table of docs/benchmarks.md ("Hostile bodies")
// and the log-scale bar chart docs/bench-hostile.svg (hand-written SVG).
//
//   node bench/hostile-report.mjs [results.json] [--before=FILE] [--svg=PATH]
//
// prints the table for bench/results-hostile.json (or the file given); --before adds the
// earlier figures of newsview (browser and native) to it and to the chart; --svg writes the chart.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LABEL, fmt } from './format.mjs';

/** The target of issue 10: each shape within 1 s of main thread in the browser, 1 s natively. */
export const TARGET_MS = 1000;

const KB = 1024;
/** A time: `412 ms`, `6.4 s`. */
const time = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 10000 ? 0 : 1)} s` : `${fmt(ms)} ms`);
const size = (b) => (b >= 1000 * KB ? `${(b / KB / KB).toFixed(1)} MB` : b >= KB ? `${(b / KB).toFixed(0)} KB` : `${b} B`);

/** A short cell for one result: its time, or what happened instead. */
function cell(r, timeoutMs) {
  if (!r) return '—';
  switch (r.outcome) {
    case 'ok':
      return time(r.ms);
    case 'refused':
      return `${time(r.ms)}, refused`;
    case 'crashed':
      return `**crashed** (${time(r.afterMs)})`;
    case 'timeout':
      return `**> ${time(r.afterMs ?? timeoutMs)}**`;
    case 'failed':
      return `${time(r.afterMs)}, exit ${r.exitCode}`;
    default:
      return r.outcome;
  }
}

/** The native CLI dropped the body: nothing of it in the output while a peer in the browser kept elements. */
function nativeDropped(row) {
  const kept = ['purify', 'floor', 'bare'].some((k) => row.browser?.[k]?.outcome === 'ok' && row.browser[k].elements > 0);
  return row.native?.outcome === 'ok' && row.native.bodyOutBytes < 4 && kept;
}

function nvOutcome(r) {
  if (!r) return '';
  const cut = r.truncated || r.bodyWarnings?.some((w) => /trunc|cut/i.test(w)) ? ', body cut' : '';
  switch (r.outcome) {
    case 'ok': {
      const said = r.bodyWarnings?.map((w) => w.replace(/^bodyHtml: /, '').replace(/\|/g, '\\|')).join('; ');
      return `rendered, ${r.elements} body element${r.elements === 1 ? '' : 's'}${cut}${said ? ` (${said})` : ''}`;
    }
    case 'refused':
      return `article refused: \`${r.error.replace(/`/g, "'").replace(/\|/g, '\\|').slice(0, 80)}\``;
    case 'crashed':
      return 'tab crashed';
    case 'timeout':
      return 'no answer (page closed)';
    default:
      return r.error ?? r.outcome;
  }
}

function nativeOutcome(row) {
  const n = row.native;
  if (!n) return '';
  switch (n.outcome) {
    case 'ok':
      return nativeDropped(row) ? 'body dropped' : `body ${size(n.bodyOutBytes)} out${n.truncated ? ', cut' : ''}`;
    case 'crashed':
      return `killed by ${n.signal}`;
    case 'timeout':
      return 'killed at the timeout';
    case 'failed':
      return `exit ${n.exitCode}: ${(n.stderr ?? '').split('\n').at(-1).slice(0, 60)}`;
    default:
      return n.error ?? n.outcome;
  }
}

/** Within the target: rendered (not refused, crashed or hung) in at most TARGET_MS. */
function verdict(row) {
  const nv = row.browser?.nv;
  const b = nv ? nv.outcome === 'ok' && nv.ms <= TARGET_MS : null;
  const n = row.native ? row.native.outcome === 'ok' && row.native.ms <= TARGET_MS && !nativeDropped(row) : null;
  const gaps = [b === false && 'browser', n === false && 'native'].filter(Boolean);
  if (b === null && n === null) return '—';
  return gaps.length ? `GAP (${gaps.join(', ')})` : 'PASS';
}

/** The Markdown section body for `r` (results of bench/hostile.mjs), `before` optional. */
export function markdown(r, before = null) {
  const out = [];
  const p = (s = '') => out.push(s);
  const was = (key) => before?.shapes.find((s) => s.key === key);
  p(`${r.date.slice(0, 16).replace('T', ' ')} UTC, ${r.chromium ?? 'no browser'}, DOMPurify ${r.env?.dompurify ?? '—'}, node ${r.node}, commit ${r.commit}${r.note ? ` (${r.note})` : ''}, ` +
    `load average ${r.loadAverageAtStart[0].toFixed(1)} → ${r.loadAverageAtEnd[0].toFixed(1)} on ${r.cores} cores, per-sample timeout ${r.timeoutMs / 1000} s, ${Math.round(r.elapsedSeconds)} s.` +
    (before ? ` Before: commit ${before.commit}${before.note ? ` (${before.note})` : ''}, shown as before → now.` : ''));
  p();
  p('| shape | body | newsview `render()` | DOMPurify + innerHTML | innerHTML floor | innerHTML, no stylesheet | native CLI | newsview (browser) | native CLI | verdict |');
  p('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |');
  for (const row of r.shapes) {
    const b = was(row.key);
    const withBefore = (now, then) => (b ? `${then} → ${now}` : now);
    p(`| ${row.label} | ${size(row.bytes)} | ${withBefore(cell(row.browser.nv, r.timeoutMs), cell(b?.browser.nv, before?.timeoutMs))} | ${cell(row.browser.purify, r.timeoutMs)} | ` +
      `${cell(row.browser.floor, r.timeoutMs)} | ${cell(row.browser.bare, r.timeoutMs)} | ${withBefore(cell(row.native, r.timeoutMs), cell(b?.native, before?.timeoutMs))} | ${nvOutcome(row.browser.nv)} | ${nativeOutcome(row)} | ${verdict(row)} |`);
  }
  p();
  const timed = (side) => r.shapes.filter((row) => (side === 'browser' ? row.browser?.nv : row.native)).length;
  const within = r.shapes.filter((row) => verdict(row) === 'PASS').length;
  p(`Within the target (${time(TARGET_MS)} in the browser and ${time(TARGET_MS)} natively, rendered, not refused): ${within} of ${r.shapes.length} shapes ` +
    `(${timed('browser')} timed in the browser, ${timed('native')} natively).`);
  return out.join('\n');
}

// --- the chart ---------------------------------------------------------------------------------
const SERIES = [
  { key: 'nv', label: 'newsview render() + layout', color: '#2563eb', get: (row) => row.browser?.nv },
  { key: 'purify', label: LABEL.purify + ' + layout', color: '#f59e0b', get: (row) => row.browser?.purify },
  { key: 'floor', label: 'innerHTML floor + layout', color: '#9ca3af', get: (row) => row.browser?.floor },
  { key: 'bare', label: 'same, no stylesheet', color: '#d1d5db', get: (row) => row.browser?.bare },
  { key: 'native', label: 'native CLI (newsview render)', color: '#059669', get: (row) => row.native },
];
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A horizontal log-scale bar chart (1 ms … 100 s) of `r`, with `before`'s newsview figures as outlines. */
export function svg(r, before = null) {
  const LEFT = 330;
  const W = 980;
  const PLOT = W - LEFT - 110;
  const LO = 0; // log10(1 ms)
  const HI = 5; // log10(100 s)
  const x = (ms) => LEFT + (PLOT * (Math.log10(Math.max(ms, 1)) - LO)) / (HI - LO);
  const BAR = 9;
  const GAP = 2;
  const GROUP = SERIES.length * (BAR + GAP) + 12;
  // Legend items, wrapped to the width; the plot starts below them.
  const items = SERIES.map((s) => [`<rect width="10" height="10" fill="${s.color}"/>`, s.label]);
  items.push(['<rect width="10" height="10" fill="url(#hatch)"/>', 'crashed / no answer']);
  if (before) items.push(['<rect width="10" height="10" fill="none" stroke="#111" stroke-dasharray="2 2"/>', `newsview before (${before.commit})`]);
  const legend = [];
  let lx = 10;
  let ly = 28;
  for (const [mark, label] of items) {
    const w = 24 + label.length * 6;
    if (lx + w > W - 10) {
      lx = 10;
      ly += 16;
    }
    legend.push(`<g transform="translate(${lx} ${ly})">${mark}<text x="14" y="9">${esc(label)}</text></g>`);
    lx += w;
  }
  const TOP = ly + 44;
  const H = TOP + r.shapes.length * GROUP + 40;
  const o = [];
  o.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`);
  o.push('<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fee2e2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#dc2626" stroke-width="3"/></pattern></defs>');
  o.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  const title = `Hostile bodies: time to render + layout (log scale), commit ${r.commit}${r.note ? ` (${r.note})` : ''}, ${r.date.slice(0, 10)}, load ${r.loadAverageAtStart[0].toFixed(0)}–${r.loadAverageAtEnd[0].toFixed(0)} on ${r.cores} cores`;
  o.push(`<text x="10" y="18" font-size="13" font-weight="bold">${esc(title)}</text>`);
  o.push(...legend);
  // Axis: decades and the target.
  for (let d = LO; d <= HI; d++) {
    const ms = 10 ** d;
    const gx = x(ms);
    o.push(`<line x1="${gx}" y1="${TOP - 6}" x2="${gx}" y2="${H - 30}" stroke="#e5e7eb"/>`);
    o.push(`<text x="${gx}" y="${H - 16}" text-anchor="middle" fill="#555">${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`}</text>`);
  }
  const tx = x(TARGET_MS);
  o.push(`<line x1="${tx}" y1="${TOP - 10}" x2="${tx}" y2="${H - 30}" stroke="#dc2626" stroke-dasharray="4 3"/>`);
  o.push(`<text x="${tx + 4}" y="${TOP - 12}" fill="#dc2626">target ${time(TARGET_MS)}</text>`);
  const wasRow = (key) => before?.shapes.find((s) => s.key === key);
  r.shapes.forEach((row, i) => {
    const gy = TOP + i * GROUP;
    o.push(`<text x="${LEFT - 8}" y="${gy + GROUP / 2}" text-anchor="end">${esc(row.label.replace(/`/g, ''))}</text>`);
    o.push(`<text x="${LEFT - 8}" y="${gy + GROUP / 2 + 13}" text-anchor="end" fill="#777">${size(row.bytes)}</text>`);
    SERIES.forEach((s, j) => {
      const y = gy + j * (BAR + GAP);
      const res = s.get(row);
      const then = (s.key === 'nv' || s.key === 'native') ? s.get(wasRow(row.key) ?? {}) : null;
      if (then) {
        const tms = then.ms ?? then.afterMs;
        const end = then.outcome === 'crashed' ? x(10 ** HI) : tms ? x(tms) : null;
        if (end) o.push(`<rect x="${LEFT}" y="${y - 1}" width="${(end - LEFT).toFixed(1)}" height="${BAR + 2}" fill="none" stroke="#111" stroke-dasharray="2 2"/>`);
      }
      if (!res || res.outcome === 'not run' || res.outcome === 'error') {
        o.push(`<text x="${LEFT + 4}" y="${y + BAR - 1}" fill="#777">${res ? esc(res.outcome) : '—'}</text>`);
        return;
      }
      let end;
      let label;
      let fill = s.color;
      if (res.outcome === 'crashed') {
        end = x(10 ** HI);
        fill = 'url(#hatch)';
        label = s.key === 'native' ? `killed by ${res.signal}` : `tab crashed after ${time(res.afterMs)}`;
      } else if (res.outcome === 'timeout') {
        end = x(res.afterMs);
        fill = 'url(#hatch)';
        label = `no answer in ${time(res.afterMs)}`;
      } else {
        const ms = res.ms ?? res.afterMs;
        end = x(ms);
        label = time(ms) + (res.outcome === 'refused' ? ', article refused' : res.outcome === 'failed' ? `, exit ${res.exitCode}` : '');
        if (s.key === 'native' && nativeDropped(row)) label += ', body dropped';
        if (s.key === 'nv' && res.truncated) label += ', body cut';
      }
      o.push(`<rect x="${LEFT}" y="${y}" width="${Math.max(1, end - LEFT).toFixed(1)}" height="${BAR}" fill="${fill}"${fill.startsWith('url') ? ` stroke="${s.color}"` : ''}/>`);
      o.push(`<text x="${(end + 4).toFixed(1)}" y="${y + BAR - 1}" font-size="9" fill="#333" stroke="#fff" stroke-width="3" paint-order="stroke">${esc(label)}</text>`);
    });
    if (i) o.push(`<line x1="10" y1="${gy - 6}" x2="${W - 10}" y2="${gy - 6}" stroke="#f3f4f6"/>`);
  });
  o.push('</svg>');
  return o.join('\n') + '\n';
}

// --- command line --------------------------------------------------------------------------------
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const file = args.find((a) => !a.startsWith('--')) ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'results-hostile.json');
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  const before = opt('before') ? JSON.parse(fs.readFileSync(opt('before'), 'utf8')) : null;
  console.log(markdown(r, before));
  if (opt('svg')) fs.writeFileSync(opt('svg'), svg(r, before));
}
