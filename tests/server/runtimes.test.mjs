// Issue 11, item 2: newsview/server runs unmodified in Deno and Bun too (the Node entry: it uses
// node:fs and import.meta.url, which both provide), with the output Node gives, byte for byte.
// Deno and Bun come from npm (tests/server/runtimes/package.json), installed here when missing;
// without a registry the tests are skipped and say why.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { requireBuilds, root, SERVER_ENTRY } from './support.mjs';

const run = promisify(execFile);
requireBuilds();
const { renderToString } = await import(SERVER_ENTRY);
const dir = join(root, 'tests', 'server', 'runtimes');
const bin = (name) => join(dir, 'node_modules', '.bin', name);
const fixture = (...p) => readFileSync(join(root, 'tests', 'fixtures', ...p), 'utf8');

// What each runtime runs: renders the seed and the parity fixture, prints the results as JSON.
const SCRIPT = `
import { renderToString } from ${JSON.stringify(SERVER_ENTRY)};
import { readFileSync } from 'node:fs';
const read = (p) => readFileSync(p, 'utf8');
const [seed, article, options] = ${JSON.stringify([
  join(root, 'tests', 'fixtures', 'seed-article.json'),
  join(root, 'tests', 'fixtures', 'parity', 'article.json'),
  join(root, 'tests', 'fixtures', 'parity', 'options.json'),
])}.map(read);
let error = null;
try { renderToString(seed, { lang: 'fr' }); } catch (e) { error = e.message; }
console.log(JSON.stringify([renderToString(seed, { now: 0 }), renderToString(article, JSON.parse(options)), error]));
`;

let skip = null;
before(async () => {
  if (existsSync(bin('deno')) && existsSync(bin('bun'))) return;
  try {
    await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, timeout: 300_000 });
  } catch (e) {
    skip = `Deno and Bun could not be installed from npm: ${String(e.stderr || e.message).trim().split('\n')[0]}`;
  }
});

describe('newsview/server in Deno and Bun', () => {
  const expected = () =>
    JSON.parse(
      JSON.stringify([
        renderToString(fixture('seed-article.json'), { now: 0 }),
        renderToString(fixture('parity', 'article.json'), JSON.parse(fixture('parity', 'options.json'))),
        'options.lang: unsupported language "fr" (expected zh-CN, zh-TW or en)',
      ]),
    );
  for (const [name, args] of [
    ['deno', ['run', '--quiet', '--no-prompt', `--allow-read=${root}`, '--no-config', '-']],
    ['bun', ['run', '-']],
  ]) {
    test(`${name}: the same output as Node`, async (t) => {
      if (skip) return t.skip(skip);
      const child = execFile(bin(name), args, { cwd: dir, maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' } });
      child.stdin.end(SCRIPT);
      const out = await new Promise((resolve, reject) => {
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${name} exited ${code}: ${stderr}`))));
      });
      const version = (await run(bin(name), ['--version'])).stdout.split('\n')[0];
      t.diagnostic(version);
      assert.deepEqual(JSON.parse(out), expected());
    });
  }
});
