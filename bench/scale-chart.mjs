#!/usr/bin/env node
// The scale chart of docs/benchmarks.md: median time against body size and against nesting
// depth, log–log, one line per implementation (newsview, DOMPurify + innerHTML, the innerHTML
// floor, Element.setHTML), from bench/run.mjs's results (`results.scale`). Hand-written SVG.
//
//   node bench/scale-chart.mjs [bench/results.json] [docs/bench-scale.svg]
//
// bench/run.mjs calls scaleSvg() itself at the end of a full run and writes docs/bench-scale.svg.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LABEL, fmt } from './format.mjs';

const SERIES = [
  { key: 'nvMin', color: '#2563eb', width: 2.5 },
  { key: 'purify', color: '#dc2626', width: 1.5 },
  { key: 'floor', color: '#111827', width: 1.5, dash: '5 3' },
  { key: 'setHTML', color: '#16a34a', width: 1.5 },
];

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Powers of ten from 10^lo to 10^hi with 1-2-5 steps between. */
function ticks(lo, hi) {
  const out = [];
  for (let e = Math.floor(lo); e <= Math.ceil(hi); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      const l = Math.log10(v);
      if (l >= lo - 1e-9 && l <= hi + 1e-9) out.push(v);
    }
  }
  return out;
}

/** One log–log panel at (x0, y0) of size w × h: `rows` are {n, impls: {key: {median}}}. */
function panel(o, { x0, y0, w, h, title, rows, xLabel, xFormat }) {
  const ns = rows.map((r) => r.n);
  const ms = rows.flatMap((r) => SERIES.map((s) => r.impls[s.key]?.median).filter(Number.isFinite));
  if (!ns.length || !ms.length) return;
  const xlo = Math.log10(Math.min(...ns));
  const xhi = Math.log10(Math.max(...ns));
  const ylo = Math.floor(Math.log10(Math.min(...ms)));
  const yhi = Math.ceil(Math.log10(Math.max(...ms)));
  const X = (n) => x0 + ((Math.log10(n) - xlo) / (xhi - xlo || 1)) * w;
  const Y = (t) => y0 + h - ((Math.log10(t) - ylo) / (yhi - ylo || 1)) * h;
  o.push(`<text x="${x0}" y="${y0 - 12}" font-size="12" font-weight="bold">${esc(title)}</text>`);
  o.push(`<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="none" stroke="#9ca3af"/>`);
  for (const t of ticks(ylo, yhi)) {
    const y = Y(t).toFixed(1);
    o.push(`<line x1="${x0}" x2="${x0 + w}" y1="${y}" y2="${y}" stroke="#e5e7eb"/>`);
    o.push(`<text x="${x0 - 6}" y="${+y + 4}" text-anchor="end">${fmt(t)}</text>`);
  }
  for (const n of ns) {
    const x = X(n).toFixed(1);
    o.push(`<line x1="${x}" x2="${x}" y1="${y0}" y2="${y0 + h}" stroke="#f3f4f6"/>`);
    o.push(`<text x="${x}" y="${y0 + h + 15}" text-anchor="middle">${esc(xFormat(n))}</text>`);
  }
  o.push(`<text x="${x0 + w / 2}" y="${y0 + h + 32}" text-anchor="middle">${esc(xLabel)}</text>`);
  o.push(`<text transform="translate(${x0 - 44} ${y0 + h / 2}) rotate(-90)" text-anchor="middle">ms (median, log scale)</text>`);
  let stopped = 0;
  for (const s of SERIES) {
    const pts = rows.filter((r) => Number.isFinite(r.impls[s.key]?.median)).map((r) => [X(r.n), Y(r.impls[s.key].median)]);
    if (!pts.length) continue;
    const d = pts.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`).join(' ');
    o.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    for (const [x, y] of pts) o.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="2.5" fill="${s.color}"/>`);
    // Where a series stopped (skipped as too slow), a cross at its last point says so.
    const last = rows[rows.length - 1];
    if (last?.skipped?.includes(s.key)) {
      const [x, y] = pts[pts.length - 1];
      o.push(`<text x="${(x + 5).toFixed(1)}" y="${(y - 4 + 13 * stopped++).toFixed(1)}" fill="${s.color}">stopped: too slow</text>`);
    }
  }
}

/** The chart for `results` (bench/results.json) as an SVG string. */
export function scaleSvg(results) {
  const W = 980;
  const H = 430;
  const o = [];
  o.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`);
  o.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  const load = results.loadAverageAtStart ? `, load ${results.loadAverageAtStart[0].toFixed(1)} → ${(results.loadAverageAtEnd ?? results.loadAverageAtStart)[0].toFixed(1)}` : '';
  o.push(`<text x="10" y="18" font-size="13" font-weight="bold">${esc(`Scale: render + layout time, commit ${results.commit}, ${String(results.date).slice(0, 10)}, ${results.chromium ?? ''}${load}`)}</text>`);
  let lx = 10;
  for (const s of SERIES) {
    const label = LABEL[s.key] ?? s.key;
    o.push(`<g transform="translate(${lx} 32)"><line x1="0" x2="18" y1="5" y2="5" stroke="${s.color}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/><text x="22" y="9">${esc(label)}</text></g>`);
    lx += 34 + label.length * 6;
  }
  const kb = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(0)} MB` : `${(n / 1024).toFixed(0)} KB`);
  panel(o, { x0: 70, y0: 80, w: 380, h: 280, title: 'Time against body size (CMS-like body)', rows: results.scale?.size ?? [], xLabel: 'body size (log scale)', xFormat: kb });
  panel(o, { x0: 570, y0: 80, w: 380, h: 280, title: 'Time against nesting depth', rows: results.scale?.depth ?? [], xLabel: 'levels of nesting (log scale)', xFormat: (n) => (n >= 1000 ? `${n / 1000}k` : `${n}`) });
  o.push('</svg>');
  return o.join('\n') + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const HERE = path.dirname(fileURLToPath(import.meta.url));
  const input = process.argv[2] ?? path.join(HERE, 'results.json');
  const output = process.argv[3] ?? path.join(HERE, '..', 'docs', 'bench-scale.svg');
  fs.writeFileSync(output, scaleSvg(JSON.parse(fs.readFileSync(input, 'utf8'))));
  console.log(`wrote ${output}`);
}
