// Runs in tests/e2e/pages/csp.html under a strict CSP: records every violation, renders the
// seed with render() and with <news-view src>, and a hostile body, then reports on window.
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push(`${e.violatedDirective}: ${e.blockedURI} (${e.sample}) at ${e.sourceFile}:${e.lineNumber} target=${e.target?.nodeName}`);
});
window.cspViolations = violations;

const { default: init, render } = await import('/pkg/newsview.js');
try {
  await init();
  const article = await (await fetch('/fixtures/seed-article.json')).json();
  await render(document.getElementById('app'), article, { now: '2026-03-16T10:00:00+08:00' });
  // Let the seed's images and the element's fetch settle, then record what the seed caused.
  await new Promise((r) => setTimeout(r, 300));
  window.seedViolations = violations.slice();
  const hostile = document.createElement('div');
  hostile.id = 'hostile';
  document.body.append(hostile);
  await render(hostile, {
    ...article,
    id: 'hostile',
    bodyHtml: '<p>ok</p><img src=x onerror="window.pwned=1"><script>window.pwned=2</script><a href="javascript:window.pwned=3">x</a>' +
      '<IMG SRC=y OnError=window.pwned=4><svg/onload=window.pwned=5><details open ontoggle="window.pwned=6"><summary>s</summary></details>' +
      '<body onpageshow="window.pwned=7">' +
      // Foreign content: style, title and textarea are not raw text inside svg (issue 10).
      '<svg><style><img src=/x onerror="window.pwned=9"></svg><svg><title><b onclick="window.pwned=10">b</b></title></svg>' +
      '<svg><textarea><p onclick="window.pwned=11">p</p></textarea></svg><math><mi><img src=/y onerror="window.pwned=12"></mi></math>' +
      '<p title="a onclick=b" onmouseover=\'window.pwned=8\'>t</p>',
  });
  window.cspDone = 'ok';
} catch (e) {
  window.cspDone = `error: ${e?.message ?? e}`;
}
