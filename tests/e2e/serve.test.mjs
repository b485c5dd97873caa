// The static server used by `make demo` and by the end-to-end tests.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { resolvePath, startServer } from '../../scripts/serve.mjs';

/** A raw GET that does not normalise the path (fetch() would resolve `..` itself). */
function rawGet(base, path) {
  const { hostname, port } = new URL(base);
  return new Promise((ok, fail) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('serve.mjs', () => {
  let dir;
  let srv;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nv-serve-'));
    mkdirSync(join(dir, 'www', 'sub'), { recursive: true });
    mkdirSync(join(dir, 'pkg'));
    writeFileSync(join(dir, 'secret.txt'), 'outside the mounts');
    writeFileSync(join(dir, 'www', 'index.html'), '<!doctype html><p>home</p>');
    writeFileSync(join(dir, 'www', 'sub', 'index.html'), '<p>sub</p>');
    writeFileSync(join(dir, 'www', 'data.json'), '{"a":1}');
    writeFileSync(join(dir, 'www', 'style.css'), 'p{}');
    writeFileSync(join(dir, 'www', 'icon.svg'), '<svg/>');
    writeFileSync(join(dir, 'pkg', 'mod.js'), 'export default 1;');
    writeFileSync(join(dir, 'pkg', 'mod.mjs'), 'export default 2;');
    writeFileSync(join(dir, 'pkg', 'm.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'www', 'link.txt'));
    srv = await startServer({
      mounts: { '/': join(dir, 'www'), '/pkg/': join(dir, 'pkg') },
      headers: (pathname) => (pathname === '/data.json' ? { 'X-Test': 'yes' } : {}),
    });
  });

  after(async () => {
    await srv?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('listens on 127.0.0.1 on a random port', () => {
    assert.match(srv.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(srv.port, 0);
  });

  test('serves each type with its MIME type and Cache-Control: no-store', async () => {
    const cases = [
      ['/pkg/m.wasm', 'application/wasm'],
      ['/pkg/mod.js', 'text/javascript; charset=utf-8'],
      ['/pkg/mod.mjs', 'text/javascript; charset=utf-8'],
      ['/data.json', 'application/json; charset=utf-8'],
      ['/icon.svg', 'image/svg+xml'],
      ['/style.css', 'text/css; charset=utf-8'],
      ['/index.html', 'text/html; charset=utf-8'],
    ];
    for (const [path, type] of cases) {
      const res = await fetch(srv.url + path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-type'), type, path);
      assert.equal(res.headers.get('cache-control'), 'no-store', path);
      await res.arrayBuffer();
    }
  });

  test('the longest mount prefix wins and / serves index.html', async () => {
    assert.equal(await (await fetch(srv.url + '/pkg/mod.js')).text(), 'export default 1;');
    assert.match(await (await fetch(srv.url + '/')).text(), /home/);
    assert.match(await (await fetch(srv.url + '/sub/')).text(), /sub/);
  });

  test('a directory without its trailing slash redirects', async () => {
    const res = await rawGet(srv.url, '/sub');
    assert.equal(res.status, 301);
    assert.equal(res.headers.location, '/sub/');
    const mount = await rawGet(srv.url, '/pkg');
    assert.equal(mount.status, 301);
    assert.equal(mount.headers.location, '/pkg/');
  });

  test('extra headers are sent per path', async () => {
    assert.equal((await fetch(srv.url + '/data.json')).headers.get('x-test'), 'yes');
    assert.equal((await fetch(srv.url + '/style.css')).headers.get('x-test'), null);
  });

  test('missing files are 404', async () => {
    assert.equal((await rawGet(srv.url, '/nope.js')).status, 404);
    assert.equal((await rawGet(srv.url, '/pkg/nope.wasm')).status, 404);
  });

  test('no path leaves the mounts', async () => {
    for (const path of [
      '/../secret.txt',
      '/pkg/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/pkg/%2E%2E/%2e%2e/secret.txt',
      '/sub/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00',
      '/link.txt',
    ]) {
      const res = await rawGet(srv.url, path);
      assert.equal(res.status, 404, path);
      assert.doesNotMatch(res.body, /outside the mounts/, path);
    }
  });

  test('resolvePath keeps every result inside its mount', () => {
    const mounts = { '/': '/srv/www', '/pkg/': '/srv/pkg' };
    assert.deepEqual(resolvePath(mounts, '/pkg/a.js'), { base: '/srv/pkg', file: '/srv/pkg/a.js' });
    assert.deepEqual(resolvePath(mounts, '/a/b.html'), { base: '/srv/www', file: '/srv/www/a/b.html' });
    assert.equal(resolvePath(mounts, '/a/../../etc/passwd'), null);
    assert.equal(resolvePath(mounts, '/%E0%A4%A'), null);
    assert.equal(resolvePath({ '/x/': '/srv/x' }, '/y'), null);
  });

  test('only GET and HEAD are allowed', async () => {
    const res = await fetch(srv.url + '/index.html', { method: 'POST', body: 'x' });
    assert.equal(res.status, 405);
    await res.text();
  });
});
