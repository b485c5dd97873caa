// Issue 10, end to end: the hostile body shapes of the availability report, each in a fresh
// page of headless Chromium (so that a crashed tab fails one case, not the run). Each renders:
// the article is not refused, the tab survives, the body is there with bounded depth, and what
// was cut is reported (and, past the node limit, marked in the view). Their timings against
// DOMPurify and the innerHTML floor are in `make bench-hostile`, not here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHarness, openHost } from './harness.mjs';

const h = useHarness();

/** Page-side makers of each body (the large ones are built in the page). */
const SHAPES = {
  'ignored end tags': () => '<x><div></x>'.repeat(20000),
  'adoption agency (b, div)': () => '<b><div></b>'.repeat(10000),
  'adoption agency (i, ul)': () => '<i><ul></i>'.repeat(10000),
  'comments': () => '<!---->'.repeat(40000),
  '100 000 attributes': () => '<p ' + Array.from({ length: 100000 }, (_, i) => 'a' + i).join(' ') + '>x</p>',
  'huge table spans': () => '<table>' + '<tr><td colspan=1000 rowspan=65534>x</td></tr>'.repeat(3000) + '</table>',
  '140 000 top-level nodes': () => 'a<br>'.repeat(70000),
  'unknown element with 140 000 children': () => '<zz>' + '<br>'.repeat(140000) + '</zz>',
  'h1 with 140 000 children': () => '<h1>' + '<br>'.repeat(140000) + '</h1>',
  'over maxNodes': () => '<b>x</b>'.repeat(300000),
  'svg style then divs': () => '<svg><style>' + '<div>'.repeat(20000),
  'svg plaintext then divs': () => '<svg><plaintext>' + '<div>'.repeat(20000),
};

for (const [name, make] of Object.entries(SHAPES)) {
  test(`hostile body renders: ${name}`, { timeout: 60_000 }, async () => {
    const s = await openHost(h);
    let crashed = false;
    s.page.on('crash', () => {
      crashed = true;
    });
    const result = await s.page.evaluate(async (make) => {
      const { render } = await import('/pkg/newsview.js');
      const bodyHtml = (0, eval)(`(${make})`)();
      const container = document.createElement('div');
      document.body.append(container);
      const warnings = [];
      container.addEventListener('nv-warning', (e) => warnings.push(...e.detail.warnings));
      try {
        await render(container, {
          schemaVersion: 1, id: 'h', title: 'T', publishedAt: '2026-03-16T09:00:00+08:00', bodyHtml,
        });
      } catch (e) {
        return { error: String(e?.message ?? e) };
      }
      const body = container.shadowRoot.querySelector('.nv-body');
      document.body.offsetHeight; // layout happens inside the test's budget
      let depth = 0;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_ELEMENT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        let d = 0;
        for (let p = n; p && p !== body; p = p.parentNode) d++;
        depth = Math.max(depth, d);
        if (depth > 600) break;
      }
      const spans = [...body.querySelectorAll('td')].slice(0, 3).map((td) => [td.colSpan, td.rowSpan]);
      return {
        nodes: body.querySelectorAll('*').length,
        depth,
        spans,
        cutMarker: container.shadowRoot.querySelector('.nv-truncated')?.textContent ?? null,
        warnings: warnings.map((w) => `${w.path}: ${w.message}`),
      };
    }, make.toString());
    assert.equal(crashed, false, 'the tab crashed');
    assert.equal(result.error, undefined, `the article was refused: ${result.error}`);
    assert.ok(result.depth <= 260, `body nested ${result.depth} deep`);
    if (name === 'over maxNodes') {
      assert.ok(result.cutMarker, 'the cut is marked in the view');
      assert.ok(result.warnings.some((w) => /bodyHtml: .*node limit/.test(w)), result.warnings.join('; '));
    }
    if (name === 'huge table spans') {
      assert.deepEqual(result.spans[0], [100, 100]);
    }
    if (name.includes('children') || name.includes('top-level')) {
      assert.ok(result.nodes >= (name.includes("top-level") ? 70000 : 140000), `${result.nodes} elements kept`);
    }
    assert.deepEqual(s.pageErrors, []);
    await s.close();
  });
}
