#!/usr/bin/env node
// Reports the size of everything a page downloads from pkg/: the .wasm, the JS modules and any
// CSS, raw, gzip (level 9) and brotli (quality 11), with totals.
//
//   node scripts/size.mjs                 print the table
//   node scripts/size.mjs --budget 80     also exit 1 when the gzip total exceeds 80 KiB
//   node scripts/size.mjs --json          print JSON instead (for scripts and the README trend)
//   node scripts/size.mjs --dir other/    measure another directory
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

function parseArgs(argv) {
  const args = { dir: join(root, 'pkg'), budgetKiB: null, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--budget') {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`--budget needs a positive number of KiB, got ${argv[i]}`);
      args.budgetKiB = v;
    } else if (a === '--dir') {
      args.dir = resolve(argv[++i] ?? '');
    } else if (a === '--json') {
      args.json = true;
    } else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/size.mjs [--budget KIB] [--json] [--dir DIR]');
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

/** Sizes of every downloaded file in `dir` and their totals. */
export function report(dir) {
  const files = downloadedFiles(dir).map((name) => ({ name, ...measure(readFileSync(join(dir, name))) }));
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) for (const k of Object.keys(total)) total[k] += f[k];
  return { files, total };
}

const kib = (n) => (n / 1024).toFixed(1);

function table({ files, total }) {
  const rows = [['file', 'raw', 'gzip', 'brotli'], ...files.map((f) => [f.name, f.raw, f.gzip, f.brotli])];
  rows.push(['total', total.raw, total.gzip, total.brotli]);
  const cell = (v) => (typeof v === 'number' ? `${v} B (${kib(v)} KiB)` : v);
  const text = rows.map((r) => r.map(cell));
  const widths = text[0].map((_, c) => Math.max(...text.map((r) => r[c].length)));
  const line = (r) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(text[0]), rule, ...text.slice(1, -1).map(line), rule, line(text[text.length - 1])].join('\n');
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
    console.log(JSON.stringify({ ...result, budgetKiB: args.budgetKiB }, null, 2));
  } else {
    console.log(table(result));
  }
  if (args.budgetKiB !== null) {
    const limit = args.budgetKiB * 1024;
    if (result.total.gzip > limit) {
      console.error(
        `size: over budget: gzip total ${result.total.gzip} B (${kib(result.total.gzip)} KiB) > ${args.budgetKiB} KiB`,
      );
      process.exit(1);
    }
    if (!args.json) {
      console.log(`within budget: gzip total ${kib(result.total.gzip)} KiB <= ${args.budgetKiB} KiB`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
