// Runs in tests/e2e/pages/csp.html under a strict CSP: records every violation, renders the
// seed with render() and with <news-view src>, and a hostile body, then reports on window.
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push(`${e.violatedDirective}: ${e.blockedURI} (${e.sample})`);
});
window.cspViolations = violations;

const { default: init, render } = await import('/pkg/newsview.js');
try {
  await init();
  const article = await (await fetch('/fixtures/seed-article.json')).json();
  await render(document.getElementById('app'), article, { now: '2026-03-16T10:00:00+08:00' });
  const hostile = document.createElement('div');
  document.body.append(hostile);
  await render(hostile, {
    ...article,
    id: 'hostile',
    bodyHtml: '<p>ok</p><img src=x onerror="window.pwned=1"><script>window.pwned=2</script><a href="javascript:window.pwned=3">x</a>',
  });
  window.cspDone = 'ok';
} catch (e) {
  window.cspDone = `error: ${e?.message ?? e}`;
}
