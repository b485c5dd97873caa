#!/usr/bin/env node
// Reports the size of what a page downloads from pkg/, raw, gzip (level 9) and brotli (quality
// 11), per entry: a page loads one of the first two, each a JS module and its .wasm, and the
// full one loads the third when a reader first opens a QR code:
//
//   full      newsview.js + newsview_bg.wasm (render, hydrate, <news-view>)
//   hydrate   newsview-hydrate.js + newsview-hydrate_bg.wasm (server-rendered pages only; it
//             imports the full entry when a page needs to render)
//   qr        newsview-qr.js + newsview-qr_bg.wasm (the QR encoder, imported by the full entry
//             when a reader first opens a QR code, or shows intent to)
//
//   node scripts/size.mjs                         print the table
//   node scripts/size.mjs --budget 80             also exit 1 when the full entry's gzip total exceeds 80 KiB
//   node scripts/size.mjs --hydrate-budget 25     … and when the hydration entry's exceeds 25 KiB
//   node scripts/size.mjs --qr-budget 7           … and when the QR module's exceeds 7 KiB
//   node scripts/size.mjs --json                  print JSON instead (for scripts and the README trend)
//   node scripts/size.mjs --dir other/            measure another directory
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

function parseArgs(argv) {
  const args = { dir: join(root, 'pkg'), budgetKiB: null, hydrateBudgetKiB: null, qrBudgetKiB: null, json: false };
  const budgets = { '--budget': 'budgetKiB', '--hydrate-budget': 'hydrateBudgetKiB', '--qr-budget': 'qrBudgetKiB' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (Object.hasOwn(budgets, a)) {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${a} needs a positive number of KiB, got ${argv[i]}`);
      args[budgets[a]] = v;
    } else if (a === '--dir') {
      args.dir = resolve(argv[++i] ?? '');
    } else if (a === '--json') {
      args.json = true;
    } else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/size.mjs [--budget KIB] [--hydrate-budget KIB] [--qr-budget KIB] [--json] [--dir DIR]');
      process.exit(0);
    } else {
      throw new Error(`unknown argument ${a}`);
    }
  }
  return args;
}

/** Files a page downloads: .wasm, .js/.mjs and .css (not .d.ts, not dotfiles). */
export function downloadedFiles(dir) {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && /\.(wasm|m?js|css)$/.test(name))
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

/** Raw, gzip -9 and brotli q11 sizes of one buffer, in bytes. */
export function measure(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

/**
 * The entries of the package: a page downloads the files of `full` or `hydrate`; `qr` is the
 * full entry's QR module, fetched only when a reader opens a QR code.
 */
export const ENTRIES = {
  full: ['newsview.js', 'newsview_bg.wasm'],
  hydrate: ['newsview-hydrate.js', 'newsview-hydrate_bg.wasm'],
  qr: ['newsview-qr.js', 'newsview-qr_bg.wasm'],
};

/**
 * Sizes of every downloaded file in `dir`, and per entry the total of its files (`entries.full`,
 * `entries.hydrate`, `entries.qr` when its files are there). `total` is the full entry's (what a
 * page that renders downloads at load; not its QR module), or every file's when `dir` holds no
 * full entry.
 */
export function report(dir) {
  const files = downloadedFiles(dir).map((name) => ({ name, ...measure(readFileSync(join(dir, name))) }));
  const sum = (list) => {
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const f of list) for (const k of Object.keys(total)) total[k] += f[k];
    return total;
  };
  const entries = {};
  for (const [entry, names] of Object.entries(ENTRIES)) {
    const list = files.filter((f) => names.includes(f.name));
    if (list.length === names.length) entries[entry] = sum(list);
  }
  return { files, entries, total: entries.full ?? sum(files) };
}

const kib = (n) => (n / 1024).toFixed(1);

function table({ files, entries, total }) {
  const rows = [['file', 'raw', 'gzip', 'brotli'], ...files.map((f) => [f.name, f.raw, f.gzip, f.brotli])];
  const totals = Object.keys(entries).length
    ? Object.entries(entries).map(([name, t]) => [`${name} (${ENTRIES[name].join(' + ')})`, t.raw, t.gzip, t.brotli])
    : [['total', total.raw, total.gzip, total.brotli]];
  const cell = (v) => (typeof v === 'number' ? `${v} B (${kib(v)} KiB)` : v);
  const text = [...rows, ...totals].map((r) => r.map(cell));
  const widths = text[0].map((_, c) => Math.max(...text.map((r) => r[c].length)));
  const line = (r) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(text[0]), rule, ...text.slice(1, rows.length).map(line), rule, ...text.slice(rows.length).map(line)].join(
    '\n',
  );
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`size: ${e.message}`);
    process.exit(2);
  }
  let result;
  try {
    result = report(args.dir);
  } catch (e) {
    console.error(`size: cannot read ${args.dir} (${e.code ?? e.message}); run 'make build' first`);
    process.exit(2);
  }
  if (result.files.length === 0) {
    console.error(`size: no .wasm/.js/.css files in ${args.dir}; run 'make build' first`);
    process.exit(2);
  }
  if (args.json) {
    const { budgetKiB, hydrateBudgetKiB, qrBudgetKiB } = args;
    console.log(JSON.stringify({ ...result, budgetKiB, hydrateBudgetKiB, qrBudgetKiB }, null, 2));
  } else {
    console.log(table(result));
  }
  const checks = [
    ['full entry', result.total, args.budgetKiB],
    ['hydration entry', result.entries.hydrate, args.hydrateBudgetKiB],
    ['QR module', result.entries.qr, args.qrBudgetKiB],
  ];
  let over = false;
  for (const [what, sizes, budget] of checks) {
    if (budget === null) continue;
    if (!sizes) {
      console.error(`size: no ${what} in ${args.dir}; run 'make build' first`);
      process.exit(2);
    }
    if (sizes.gzip > budget * 1024) {
      console.error(`size: over budget: ${what} gzip ${sizes.gzip} B (${kib(sizes.gzip)} KiB) > ${budget} KiB`);
      over = true;
    } else if (!args.json) {
      console.log(`within budget: ${what} gzip ${kib(sizes.gzip)} KiB <= ${budget} KiB`);
    }
  }
  if (over) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
