// Issue 6, the npm package: `scripts/package.sh` builds dist/newsview-VERSION.tgz, whose
// contents and manifest are checked; the packed declarations type-check a typed usage file with
// the repository's pinned tsc (and its @ts-expect-error lines are errors); and a throwaway Vite
// app installs the tarball (`file:` dependency), builds with `vite build`, and renders the seed
// article in headless Chromium, through `render()` and through `<news-view>`.
//
// The Vite app needs the npm registry. When it cannot be reached those tests are skipped with a
// message saying so; any other failure fails.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, isLocal, root } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const run = promisify(execFile);

/** Vite versions to try, newest first (exact pins; the second is the fallback if the first fails). */
const VITE_VERSIONS = ['8.4.0', '7.3.8'];
const NOW = '2026-03-16T10:00:00+08:00';
const seedPath = join(root, 'tests', 'fixtures', 'seed-article.json');
const seed = JSON.parse(readFileSync(seedPath, 'utf8'));

const cargoVersion = /^\[package\][\s\S]*?^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];
const tarball = join(root, 'dist', `newsview-${cargoVersion}.tgz`);

/** Runs a command, failing with its output when it fails. */
async function sh(cmd, args, opts = {}) {
  try {
    return await run(cmd, args, { maxBuffer: 64 << 20, timeout: 180_000, ...opts });
  } catch (e) {
    const out = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${e.code}):\n${out}`);
  }
}

/** null when the registry answers, else why not. */
async function registryProblem() {
  let registry = 'https://registry.npmjs.org/';
  try {
    registry = (await sh('npm', ['config', 'get', 'registry'], { cwd: tmpdir() })).stdout.trim() || registry;
  } catch {}
  try {
    const res = await fetch(new URL('vite', registry.endsWith('/') ? registry : registry + '/'), {
      headers: { accept: 'application/vnd.npm.install-v1+json' },
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) return `${registry} answered HTTP ${res.status}`;
    await res.arrayBuffer();
    return null;
  } catch (e) {
    return `${registry} is unreachable (${e.cause?.code ?? e.message})`;
  }
}

// The tarball, built once for the file.
let packOutput;
before(async () => {
  packOutput = (await sh('bash', [join(root, 'scripts', 'package.sh')], { cwd: root, timeout: 900_000 })).stdout;
});

describe('npm package: the tarball', () => {
  let files;
  let manifest;
  before(async () => {
    assert.ok(existsSync(tarball), `scripts/package.sh did not write ${tarball}:\n${packOutput}`);
    files = (await sh('tar', ['-tzf', tarball])).stdout.trim().split('\n').sort();
    manifest = JSON.parse((await sh('tar', ['-xzOf', tarball, 'package/package.json'])).stdout);
  });

  test('holds the module, the wasm, newsview/server, the types, the schema, the README and package.json, nothing else', () => {
    const expected = [
      'package/README.md',
      'package/newsview.d.ts',
      'package/newsview-server.d.ts',
      'package/server/newsview-server.js',
      'package/server/newsview-server.workerd.js',
      'package/server/newsview_server_bg.wasm',
      'package/newsview.js',
      'package/newsview_bg.wasm',
      'package/newsview-hydrate.js',
      'package/newsview-hydrate_bg.wasm',
      'package/newsview-hydrate.d.ts',
      'package/newsview-qr.js',
      'package/newsview-qr_bg.wasm',
      'package/package.json',
      'package/schema/article-v1.schema.json',
      ...readdirSync(root).filter((f) => /^(LICENSE|COPYING)/.test(f)).map((f) => `package/${f}`),
    ].sort();
    assert.deepEqual(files, expected);
  });

  test('package.json: name, Cargo.toml version, ES module, exports, sideEffects, files', () => {
    assert.equal(manifest.name, 'newsview');
    assert.equal(manifest.version, cargoVersion, 'the version comes from Cargo.toml');
    assert.equal(manifest.type, 'module');
    assert.equal(manifest.private, undefined);
    assert.equal(manifest.main, './newsview.js');
    assert.equal(manifest.module, './newsview.js');
    assert.equal(manifest.types, './newsview.d.ts');
    assert.deepEqual(manifest.exports['.'], { types: './newsview.d.ts', import: './newsview.js', default: './newsview.js' });
    assert.equal(Object.keys(manifest.exports['.'])[0], 'types', '"types" must come first in the condition map');
    assert.equal(manifest.exports['./newsview_bg.wasm'], './newsview_bg.wasm');
    assert.equal(manifest.exports['./schema.json'], './schema/article-v1.schema.json');
    assert.equal(manifest.exports['./package.json'], './package.json');
    // newsview/server: workerd (and Workers tooling) pick the entry that imports the .wasm as a
    // module; everything else (Node, Deno, Bun) the one that reads it from disk.
    assert.deepEqual(manifest.exports['./server'], {
      types: './newsview-server.d.ts',
      workerd: './server/newsview-server.workerd.js',
      worker: './server/newsview-server.workerd.js',
      default: './server/newsview-server.js',
    });
    // newsview/hydrate: the hydration-only entry (issue 13), which imports ./newsview.js itself.
    assert.deepEqual(manifest.exports['./hydrate'], {
      types: './newsview-hydrate.d.ts',
      import: './newsview-hydrate.js',
      default: './newsview-hydrate.js',
    });
    assert.equal(manifest.exports['./newsview-hydrate_bg.wasm'], './newsview-hydrate_bg.wasm');
    assert.deepEqual(manifest.sideEffects, ['./newsview.js', './newsview-hydrate.js']);
    assert.equal(manifest.license, 'MIT OR Apache-2.0');
    assert.ok(manifest.keywords.includes('web-component'));
    for (const f of manifest.files) assert.ok(files.includes(`package/${f}`), `files names ${f}`);
  });

  test('the packed files are the built ones', async () => {
    for (const [inPkg, src] of [
      ['newsview.js', 'pkg/newsview.js'],
      ['newsview_bg.wasm', 'pkg/newsview_bg.wasm'],
      ['newsview-hydrate.js', 'pkg/newsview-hydrate.js'],
      ['newsview-hydrate_bg.wasm', 'pkg/newsview-hydrate_bg.wasm'],
      ['newsview-hydrate.d.ts', 'types/newsview-hydrate.d.ts'],
      ['newsview-qr.js', 'pkg/newsview-qr.js'],
      ['newsview-qr_bg.wasm', 'pkg/newsview-qr_bg.wasm'],
      ['newsview.d.ts', 'types/newsview.d.ts'],
      ['newsview-server.d.ts', 'types/newsview-server.d.ts'],
      ['server/newsview-server.js', 'pkg-server/newsview-server.js'],
      ['server/newsview-server.workerd.js', 'pkg-server/newsview-server.workerd.js'],
      ['server/newsview_server_bg.wasm', 'pkg-server/newsview_server_bg.wasm'],
      ['schema/article-v1.schema.json', 'schema/article-v1.schema.json'],
    ]) {
      const packed = (await run('tar', ['-xzOf', tarball, `package/${inPkg}`], { encoding: 'buffer', maxBuffer: 64 << 20 })).stdout;
      assert.ok(packed.equals(readFileSync(join(root, src))), `${inPkg} differs from ${src}`);
    }
  });

  test('scripts/package.sh is idempotent: a second run gives the same files', async () => {
    const before = (await sh('tar', ['-xzOf', tarball])).stdout;
    await sh('bash', [join(root, 'scripts', 'package.sh')], { cwd: root, timeout: 900_000 });
    const again = (await sh('tar', ['-xzOf', tarball])).stdout;
    assert.equal(again, before);
    assert.deepEqual(readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.tgz')), [`newsview-${cargoVersion}.tgz`]);
  });
});

describe('npm package: the packed declarations type-check (tsc, no registry needed)', () => {
  // The app's files and a typed usage file, with the tarball unpacked as node_modules/newsview,
  // as npm would install it.
  let app;
  before(async () => {
    app = mkdtempSync(join(tmpdir(), 'newsview-types-'));
    writeApp(app);
    mkdirSync(join(app, 'node_modules', 'newsview'), { recursive: true });
    await sh('tar', ['-xzf', tarball, '-C', join(app, 'node_modules', 'newsview'), '--strip-components=1']);
  });
  after(() => {
    if (app) rmSync(app, { recursive: true, force: true });
  });

  // One tsc run (it is the slow part): the app, the typed usage file, and a copy of that file
  // without its @ts-expect-error directives, whose marked lines must then each be an error.
  let tscRun;
  let marked;
  async function typeCheck() {
    if (tscRun) return tscRun;
    const tsc = join(root, 'node_modules', '.bin', 'tsc');
    assert.ok(existsSync(tsc), "typescript is missing: run 'make setup' (npm ci)");
    const usage = readFileSync(join(app, 'src', 'typed-usage.ts'), 'utf8');
    marked = usage.split('\n').filter((l) => /^\s*\/\/ @ts-expect-error/.test(l)).length;
    writeFileSync(join(app, 'src', 'typed-usage-loose.ts'), usage.replaceAll('// @ts-expect-error', '// (was: expect error)'));
    writeFileSync(
      join(app, 'tsconfig.check.json'),
      JSON.stringify({ extends: './tsconfig.json', files: ['src/main.ts', 'src/element.ts', 'src/typed-usage.ts', 'src/typed-usage-loose.ts'] }),
    );
    tscRun = await run(tsc, ['-p', join(app, 'tsconfig.check.json')], { cwd: app, maxBuffer: 16 << 20 }).then(
      (r) => r.stdout,
      (e) => e.stdout ?? String(e),
    );
    return tscRun;
  }

  test('tsc --noEmit: the app and a typed usage file type-check against the packed declarations', async (t) => {
    const out = await typeCheck();
    const errors = out.split('\n').filter((l) => /error TS/.test(l) && !l.startsWith('src/typed-usage-loose.ts'));
    assert.deepEqual(errors, [], out);
  });

  test('tsc rejects wrong uses (each @ts-expect-error line is an error without the directive)', async (t) => {
    const out = await typeCheck();
    assert.ok(marked >= 5, `only ${marked} marked lines`);
    const errors = out.split('\n').filter((l) => /^src\/typed-usage-loose\.ts\(\d+,\d+\): error/.test(l));
    assert.equal(errors.length, marked, `expected ${marked} errors, got:\n${out}`);
  });

  test("newsview/server from the installed package: Node resolves it and renders; the workerd condition picks the Worker entry", async () => {
    const script = `
      import { renderToString } from 'newsview/server';
      import { readFileSync } from 'node:fs';
      const out = renderToString(readFileSync(process.argv[1], 'utf8'), { now: 0 });
      console.log(JSON.stringify({ start: out.html.slice(0, 40), head: out.head.includes('application/ld+json'), warnings: out.warnings }));
    `;
    const r = await run(process.execPath, ['--input-type=module', '-e', script, seedPath], { cwd: app });
    assert.deepEqual(JSON.parse(r.stdout), { start: '<news-view lang="zh-CN" theme="light"><t', head: true, warnings: [] });
    const resolved = (conditions) =>
      run(process.execPath, [...conditions, '--input-type=module', '-e', "console.log(import.meta.resolve('newsview/server'))"], { cwd: app }).then((x) => x.stdout.trim());
    assert.match(await resolved([]), /\/node_modules\/newsview\/server\/newsview-server\.js$/);
    assert.match(await resolved(['--conditions=workerd']), /\/node_modules\/newsview\/server\/newsview-server\.workerd\.js$/);
  });

});

describe('npm package: a Vite app installs the tarball, builds, and renders the seed', () => {
  let skip = null;
  let app;
  let viteVersion;
  let buildWarnings = '';
  let server;
  let browser;

  before(async () => {
    skip = await registryProblem();
    if (skip) return;
    app = mkdtempSync(join(tmpdir(), 'newsview-vite-'));
    writeApp(app);
    const errors = [];
    for (const v of VITE_VERSIONS) {
      try {
        writePackageJson(app, v);
        rmSync(join(app, 'node_modules'), { recursive: true, force: true });
        rmSync(join(app, 'package-lock.json'), { force: true });
        await sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app });
        const built = await sh(join(app, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: app });
        buildWarnings = `${built.stdout}${built.stderr}`.trim();
        viteVersion = v;
        break;
      } catch (e) {
        errors.push(`vite ${v}: ${e.message}`);
      }
    }
    if (!viteVersion) throw new Error(`no Vite version installed and built the app:\n${errors.join('\n\n')}`);
    if (errors.length) console.log(`# fell back to vite ${viteVersion}:\n# ${errors.join('\n# ')}`);
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.close();
    if (app) rmSync(app, { recursive: true, force: true });
  });

  test('the app installed the packed package', (t) => {
    if (skip) return t.skip(`npm registry unreachable: ${skip}`);
    const installed = JSON.parse(readFileSync(join(app, 'node_modules', 'newsview', 'package.json'), 'utf8'));
    assert.equal(installed.version, cargoVersion);
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8'));
    assert.match(lock.packages['node_modules/newsview'].resolved, /newsview-[\d.]+\.tgz$/);
  });

  test('vite build emitted the wasm, and the QR module\'s, as assets beside the bundle', (t) => {
    if (skip) return t.skip(`npm registry unreachable: ${skip}`);
    // Shown, not failed on: e.g. the glue's unused default `new URL('newsview_bg_bg.wasm', …)`.
    if (buildWarnings) t.diagnostic(`vite build warnings: ${buildWarnings.replace(/\s+/g, ' ').slice(0, 400)}`);
    const assets = readdirSync(join(app, 'dist', 'assets'));
    const sizes = assets.filter((f) => f.endsWith('.wasm')).map((f) => statSync(join(app, 'dist', 'assets', f)).size);
    const packed = ['newsview_bg.wasm', 'newsview-qr_bg.wasm'].map((f) => statSync(join(root, 'pkg', f)).size);
    assert.deepEqual(sizes.sort(), packed.sort(), `the emitted wasm files are the packed ones; assets: ${assets.join(', ')}`);
  });

  test(`the built app renders the seed in headless Chromium (render() and <news-view>)`, async (t) => {
    if (skip) return t.skip(`npm registry unreachable: ${skip}`);
    server = await startServer({ mounts: { '/': join(app, 'dist') } });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: server.url });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors = [];
    const consoleErrors = [];
    const wasmResponses = [];
    page.on('pageerror', (e) => pageErrors.push(String(e?.stack || e)));
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.endsWith('.wasm')) wasmResponses.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] });
    });
    // The seed names images on other hosts; the machine has no network: answer them locally.
    await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
    await page.goto('/');
    await page.waitForFunction(() => window.appDone === true || window.appError, null);
    assert.equal(await page.evaluate(() => window.appError ?? null), null);

    const app1 = page.locator('#app');
    assert.equal(await app1.getByRole('heading', { level: 1 }).textContent(), seed.title);
    assert.equal(await app1.locator('[part~="body"] p').count(), 8);
    assert.equal(await app1.locator('[part~="related-item"]').count(), 20);
    // The fixed clock reached the wasm: the first related video is 20 hours old at NOW.
    assert.equal(await app1.locator('[part~="related-item"] time').first().textContent(), '20小时前');

    const el = page.locator('news-view');
    await el.locator('h1').waitFor();
    assert.equal(await el.locator('h1').textContent(), seed.title);
    assert.equal(await el.locator('[part~="body"] p').count(), 8);
    assert.equal(await el.locator('[part~="related-item"]').count(), 20);
    assert.equal(await page.evaluate(() => document.querySelector('news-view') instanceof window.NewsViewElementFromPackage), true);

    assert.equal(wasmResponses.length, 1, JSON.stringify(wasmResponses));
    // The QR module (its chunk and wasm, as Vite emitted them) arrives when 用手机看 opens.
    await app1.getByRole('button', { name: '用手机看' }).click();
    await app1.locator('[part~="qr"] svg path').first().waitFor();
    assert.equal(await app1.locator('[part~="qr"] svg[data-nv-qr]').count(), 0);

    assert.deepEqual(pageErrors, [], 'uncaught page errors');
    assert.deepEqual(consoleErrors.filter((e) => !/^Failed to load resource/.test(e)), [], 'console errors');
    assert.equal(wasmResponses.length, 2, JSON.stringify(wasmResponses));
    for (const r of wasmResponses) {
      assert.match(new URL(r.url).pathname, /^\/assets\/[^/]+\.wasm$/);
      assert.equal(r.status, 200);
      assert.equal(r.type, 'application/wasm');
    }
    await context.close();
    t.diagnostic(`vite ${viteVersion}`);
  });

  test("a page that only does `import 'newsview'` gets <news-view> (sideEffects kept it)", async (t) => {
    if (skip) return t.skip(`npm registry unreachable: ${skip}`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: server.url });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e?.stack || e)));
    await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
    await page.goto('/element.html');
    const el = page.locator('news-view');
    await el.locator('h1').waitFor();
    assert.equal(await el.locator('h1').textContent(), seed.title);
    assert.equal(await el.locator('[part~="related-item"]').count(), 20);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});

function writePackageJson(dir, viteVersion) {
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'newsview-vite-app',
        private: true,
        type: 'module',
        scripts: { build: 'vite build' },
        dependencies: { newsview: `file:${tarball}` },
        devDependencies: { vite: viteVersion },
      },
      null,
      2,
    ),
  );
}

/** The app: what a front-end engineer writes after `npm install newsview`. */
function writeApp(dir) {
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>newsview in a Vite app</title></head>
<body>
  <div id="app"></div>
  <news-view src="./seed-article.json" now="${NOW}"></news-view>
  <script type="module" src="/src/main.ts"></script>
</body>
</html>
`,
  );
  for (const d of ['src', 'public']) mkdirSync(join(dir, d), { recursive: true });
  // A second page whose only use of the package is a bare `import 'newsview'`: it works only if
  // the bundler keeps the module's side effect (the element definition), which
  // `sideEffects: ["./newsview.js"]` promises.
  writeFileSync(
    join(dir, 'element.html'),
    `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>newsview element only</title></head>
<body>
  <news-view src="./seed-article.json" now="${NOW}"></news-view>
  <script type="module" src="/src/element.ts"></script>
</body>
</html>
`,
  );
  writeFileSync(
    join(dir, 'vite.config.js'),
    `import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    rollupOptions: {
      input: { main: resolve(import.meta.dirname, 'index.html'), element: resolve(import.meta.dirname, 'element.html') },
    },
  },
});
`,
  );
  copyFileSync(seedPath, join(dir, 'src', 'seed-article.json'));
  copyFileSync(seedPath, join(dir, 'public', 'seed-article.json'));
  writeFileSync(join(dir, 'src', 'element.ts'), `import 'newsview';\n`);
  writeFileSync(
    join(dir, 'src', 'main.ts'),
    `import init, { render, NewsViewElement, type Article, type View } from 'newsview';
import seed from './seed-article.json';

declare global {
  interface Window {
    appDone?: boolean;
    appError?: string;
    view?: View;
    NewsViewElementFromPackage?: typeof NewsViewElement;
  }
}

async function main(): Promise<void> {
  await init();
  const container = document.getElementById('app');
  if (!container) throw new Error('#app is missing');
  window.view = await render(container, seed as Article, { now: '${NOW}' });
  window.NewsViewElementFromPackage = NewsViewElement;
  window.appDone = true;
}

main().catch((e: unknown) => {
  window.appError = String((e as Error)?.stack ?? e);
});
`,
  );
  writeFileSync(
    join(dir, 'src', 'typed-usage.ts'),
    `// Typed use of the package: must type-check; each @ts-expect-error line must be an error.
import init, { render, NewsViewElement, NewsviewError } from 'newsview';
import type { Article, ErrorCode, Options, View, NewsViewEventMap, SanitizeOptions, Warning, WarningCode } from 'newsview';
import { renderToString, type Rendered } from 'newsview/server';
import initHydrate, { hydrate, type HydratedView } from 'newsview/hydrate';
import schema from 'newsview/schema.json';

export const schemaId: string = schema.$id;

export const article: Article = {
  id: 1,
  title: 'T',
  publishedAt: '2026-01-01T00:00:00Z',
  source: 'Knews',
  channel: { name: '时讯', url: '/c' },
  keywords: ['a', { name: 'b', url: '/b' }],
  leadVideo: { src: '/v.mp4', poster: { url: '/p.jpg', width: 640, height: 360 }, durationSeconds: 66 },
  stats: { likes: 3, views: null },
  comments: { enabled: true, items: [{ id: 'c', author: { name: 'A' }, text: 'hi', publishedAt: '2026-01-01T00:00:00Z' }] },
  relatedVideos: [{ id: 'v', url: '/v', title: 'V', durationSeconds: 66 }],
};

// @ts-expect-error title is required
export const noTitle: Article = { id: 1, publishedAt: '2026-01-01T00:00:00Z' };

const sanitize: SanitizeOptions = { allowIframeHosts: ['www.youtube.com'], linkTarget: 'blankExternal', maxDepth: 64 };
export const options: Options = {
  lang: 'en',
  now: 0,
  timeZone: 'UTC',
  shadow: false,
  user: { name: 'R' },
  share: ['weibo', 'x'],
  relatedLimit: 3,
  pageUrl: 'https://example.com/',
  theme: 'auto',
  sanitize,
};

export const rendered: Rendered = renderToString(article, options);
export const html: string = renderToString('{"id":1}').html;
export const warningPath: string = rendered.warnings[0].path;
// @ts-expect-error renderToString is synchronous: no promise
export const notAPromise: Promise<Rendered> = renderToString(article);

// @ts-expect-error not a theme
export const badTheme: Options = { theme: 'sepia' };
// @ts-expect-error not a share service
export const badShare: Options = { share: ['myspace'] };
// @ts-expect-error not a link target
export const badTarget: Options = { sanitize: { linkTarget: 'self' } };
// @ts-expect-error not an error code
export const badCode: ErrorCode = 'oops';
// @ts-expect-error not a warning code
export const badWarningCode: WarningCode = 'dropped';

export async function use(container: HTMLElement): Promise<void> {
  await init();
  const view: View = await render(container, article, options);
  view.update(JSON.stringify(article));
  const warnings: readonly Warning[] = view.warnings;
  const codes: WarningCode[] = warnings.map((w) => w.code);
  console.log(codes, warnings.map((w) => \`\${w.path}: \${w.message}\`));
  // @ts-expect-error the view's warnings are read-only
  view.warnings = [];
  view.destroy();
  // @ts-expect-error render needs a container
  await render(article);
  container.addEventListener('nv-like', (e) => {
    const liked: boolean = e.detail.liked;
    const id: string = e.detail.id;
    console.log(liked, id, e.detail.count);
  });
  container.addEventListener('nv-error', (e) => console.log(e.detail.code, e.detail.path, e.detail.message));
  try {
    await render(container, { ...article, title: '' });
  } catch (e) {
    if (e instanceof NewsviewError) {
      const code: ErrorCode = e.code;
      const path: string = e.path;
      console.log(e.name, code, path, e.message);
    }
  }
  container.addEventListener('nv-warning', (e) => console.log(e.detail.warnings.map((w) => [w.path, w.code])));
  // @ts-expect-error nv-like's detail has no favorited
  container.addEventListener('nv-like', (e) => e.detail.favorited);
  await initHydrate();
  const hydrated: HydratedView = await hydrate(container, { now: 0, labels: { justNow: 'now' } });
  hydrated.setLiked(true, 4);
  await hydrated.update(article);
  // @ts-expect-error the hydrated view's update() loads the full client: a promise, not void
  const sync: void = hydrated.update(article);
  console.log(sync);
  const el = document.createElement('news-view');
  const typed: NewsViewElement = el;
  typed.article = article;
  typed.view?.destroy();
  const found = document.querySelector('news-view');
  found?.setAttribute('theme', 'dark');
  const onShare = (e: NewsViewEventMap['nv-share']): string => e.detail.service;
  found?.addEventListener('nv-share', onShare);
}
`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          resolveJsonModule: true,
          skipLibCheck: false, // newsview.d.ts itself is checked
          skipDefaultLibCheck: true, // lib.dom.d.ts is not (it is slow and not ours)
          types: [],
        },
        files: ['src/main.ts', 'src/element.ts', 'src/typed-usage.ts'],
      },
      null,
      2,
    ),
  );
}
