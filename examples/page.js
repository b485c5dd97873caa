// The page both examples serve (examples/node-server and examples/worker): newsview's head tags,
// the rendered element, and newsview's client module, which hydrates the element from the data
// inside it. `rendered` is what renderToString returned.
const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function page(rendered, { lang, client = '/newsview.js' }) {
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
