// Issue 3: newsview works in a page served with a strict CSP and Trusted Types required, with
// no violation reported: the body goes to the inert parser through the `newsview` policy.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';

const CSP = "script-src 'self' 'wasm-unsafe-eval'; require-trusted-types-for 'script'";
// Trusted Types required, and only the policy name newsview allowed, once (no
// 'allow-duplicates'): what a page that lists its policies looks like.
const TT_NAMED = "require-trusted-types-for 'script'; trusted-types newsview";
let h;

before(async () => {
  h = await startHarness({
    headers: (pathname) =>
      pathname === '/pages/csp.html'
        ? { 'Content-Security-Policy': CSP }
        : pathname === '/pages/robust.html'
          ? { 'Content-Security-Policy': TT_NAMED }
          : {},
  });
});
after(async () => {
  await h?.close();
});

test('the seed renders under script-src self + wasm-unsafe-eval + required Trusted Types, with zero violations', async () => {
  const s = await h.open('/pages/csp.html');
  await s.page.waitForFunction(() => window.cspDone, null, { timeout: 15_000 });
  assert.equal(await s.page.evaluate(() => window.cspDone), 'ok');
  // The element fetches and renders too.
  await s.page.locator('#element h1[part=title]').waitFor();
  const app = s.page.locator('#app');
  assert.equal(await app.locator('.nv-body > p').count(), 8);
  assert.match(await app.locator('h1[part=title]').textContent(), /^部市共建上海国际科技创新中心/);
  // Give load/error events of the hostile body time to fire.
  await s.page.waitForTimeout(300);
  assert.equal(await s.page.evaluate(() => window.pwned ?? null), null, 'nothing in the body ran');
  // The seed, rendered by render() and by <news-view src>, causes no violation at all.
  assert.deepEqual(await s.page.evaluate(() => window.seedViolations), []);
  // A hostile body (inline handlers in several spellings, a script, a javascript: link) causes
  // no report either: handler attributes are renamed before the inert document parses them
  // (Chromium checks script-src-attr at parse time, even there), and the body reaches the
  // parser through the newsview policy, so there is no Trusted Types violation.
  assert.deepEqual(await s.page.evaluate(() => window.cspViolations), []);
  // Its text is there, and no handler attribute, renamed or not, reached the page.
  const body = await s.page.evaluate(() => {
    const b = document.getElementById('hostile').shadowRoot.querySelector('.nv-body');
    const names = [...b.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name));
    return { text: b.textContent, odd: names.filter((n) => /^(x-)?on/i.test(n)) };
  });
  assert.match(body.text, /ok/);
  assert.match(body.text, /t$/);
  assert.deepEqual(body.odd, []);
  // The QR code, drawn when 用手机看 first opens: the QR module is imported (script-src 'self')
  // and its drawing parsed through the newsview policy, with no violation either.
  await app.getByRole('button', { name: '用手机看' }).click();
  await app.locator('[part~="qr"] svg path').first().waitFor();
  assert.equal(await app.locator('svg[data-nv-qr]').count(), 1, "only 微信's placeholder is left");
  assert.deepEqual(await s.page.evaluate(() => window.cspViolations), []);
  // The policy is the one named newsview, and it is really enforced in this page.
  const enforced = await s.page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return false;
    } catch {
      return true;
    }
  });
  assert.equal(enforced, true, 'the page enforces Trusted Types for innerHTML');
  assert.deepEqual(s.pageErrors, []);
  await s.close();
});

test('after a trap restarts the module, bodies still render on a page that allows the policy name once', async () => {
  // pages/robust.html makes the export named in window.nvTrapNext trap once.
  const s = await h.open('/pages/robust.html');
  await s.page.waitForFunction(() => window.newsviewLoaded || window.newsviewLoadError);
  const out = await s.page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.sample}`));
    const base = { id: 'a', title: 't', publishedAt: '2026-03-16T09:00:00+08:00', bodyHtml: '<p>one</p>' };
    const app = document.getElementById('app');
    const a = document.createElement('div');
    const b = document.createElement('div');
    app.append(a, b);
    await window.newsview.render(a, base);
    window.nvTrapNext = 'render';
    let trapped = false;
    try {
      await window.newsview.render(b, base);
    } catch (e) {
      trapped = e.code === 'panic';
    }
    // The fresh instance needs the policy again: it must not try to create a second one.
    let after = null;
    try {
      await window.newsview.render(b, { ...base, bodyHtml: '<p>two</p>' });
      after = b.shadowRoot.querySelector('.nv-body').textContent;
    } catch (e) {
      after = `error: ${e.message}`;
    }
    const enforced = (() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return false;
      } catch {
        return true;
      }
    })();
    return { trapped, after, first: a.shadowRoot.querySelector('.nv-body').textContent, violations, enforced };
  });
  assert.equal(out.enforced, true, 'the page enforces Trusted Types');
  assert.equal(out.trapped, true, 'the trap fired');
  assert.equal(out.first, 'one');
  assert.equal(out.after, 'two');
  assert.deepEqual(out.violations, []);
  await s.close();
});
