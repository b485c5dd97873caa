#!/usr/bin/env node
// Full-page screenshots of a page at several widths, in headless Chromium (playwright-core).
//
//   node scripts/screenshot.mjs [URL] [--widths=390,1280] [--out=/tmp/newsview] [--scheme=light|dark]
//                               [--wait=.nv-title] [--click=.nv-share]
//
// Without URL it serves www/ at / and pkg/ at /pkg/ itself (as `make demo` does) on a random
// loopback port and shoots that. Writes OUT-WIDTH.png for each width. It
// scrolls through the page first so lazy images load, waits for the selector (it pierces
// shadow roots), and exits non-zero on a page error. Chromium: $CHROMIUM, else /usr/bin/chromium.
import { CHROMIUM_PATH, CHROMIUM_ARGS } from './chromium.mjs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};
const root = fileURLToPath(new URL('..', import.meta.url));
let server = null;
let url = args.find((a) => !a.startsWith('--'));
if (!url) {
  server = await startServer({ mounts: { '/': join(root, 'www'), '/pkg/': join(root, 'pkg') } });
  url = `${server.url}/`;
}
const widths = opt('widths', '390,1280').split(',').map(Number).filter((w) => w > 0);
const out = opt('out', '/tmp/newsview');
const scheme = opt('scheme', 'light');
const waitFor = opt('wait', '.nv-title');
const click = opt('click', '');

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});
const errors = [];
try {
  for (const width of widths) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme, reducedMotion: 'reduce' });
    page.on('pageerror', (e) => errors.push(`${width}px: ${e.message}`));
    await page.goto(url, { waitUntil: 'load' });
    if (waitFor) await page.locator(waitFor).first().waitFor({ timeout: 15000 });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < height; y += 600) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(40);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    if (click) await page.locator(click).first().click();
    await page.waitForTimeout(300);
    const file = `${out}-${width}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
  await server?.close();
}
if (errors.length) {
  console.error(errors.join('\n'));
  process.exit(1);
}
