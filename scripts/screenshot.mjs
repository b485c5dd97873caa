#!/usr/bin/env node
// Full-page screenshots of the demo in headless Chromium, to look at (not committed).
//
//   node scripts/screenshot.mjs [--path /] [--widths 390,1280] [--out screenshots]
//
// Serves www/ at / and pkg/ at /pkg/ (as `make demo` does) on a random loopback port, blocks
// every other host, and writes <out>/demo-<width>.png. Prints page errors and blocked requests.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH, isLocal } from '../tests/e2e/harness.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

const args = { path: '/', widths: [390, 1280], out: join(root, 'screenshots') };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--path') args.path = argv[++i];
  else if (argv[i] === '--widths') args.widths = argv[++i].split(',').map(Number);
  else if (argv[i] === '--out') args.out = resolve(argv[++i]);
  else {
    console.error('usage: node scripts/screenshot.mjs [--path /] [--widths 390,1280] [--out screenshots]');
    process.exit(2);
  }
}

mkdirSync(args.out, { recursive: true });
const server = await startServer({ mounts: { '/': join(root, 'www'), '/pkg/': join(root, 'pkg') } });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
let failed = false;
try {
  for (const width of args.widths) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors = [];
    const blocked = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    await page.goto(server.url + args.path, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    const file = join(args.out, `demo-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`${file}`);
    for (const e of errors) console.log(`  page error: ${e}`);
    for (const u of blocked) console.log(`  blocked: ${u}`);
    if (errors.some((e) => !e.startsWith('Failed to load resource'))) failed = true;
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
