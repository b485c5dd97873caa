// The page both examples serve (examples/node-server and examples/worker): newsview's head tags,
// the rendered element, and newsview's hydration-only client (newsview/hydrate, 24 KiB gzip with
// its wasm), which wires the element's widgets from the markup and loads the full client
// (newsview.js) only if the page must render again. `rendered` is what renderToString returned.
const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function page(rendered, { lang, client = '/newsview-hydrate.js' }) {
  return `<!DOCTYPE html>
<html lang="${escapeAttr(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${rendered.head}<script type="module" src="${escapeAttr(client)}"></script>
<style>body{margin:0 auto;max-width:1120px;padding:16px;font-family:system-ui,sans-serif}</style>
</head>
<body>
${rendered.html}
</body>
</html>
`;
}
