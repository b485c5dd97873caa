#!/usr/bin/env node
// Writes the demo's offline images into www/assets/: the lead-video poster
// (1280×720) and 20 related-video covers (640×360), as small hand-drawn SVGs.
// Deterministic: running it twice gives the same files. Usage: node scripts/make-demo-assets.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'www', 'assets');
mkdirSync(out, { recursive: true });

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const FONT = `font-family="PingFang SC,Hiragino Sans GB,Microsoft YaHei,Noto Sans CJK SC,sans-serif"`;

// A tiny deterministic PRNG so every cover differs but stays stable.
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

// [caption on the cover, palette from, palette to, motif]
const covers = [
  ['湘雅医院 通报', '#1d3557', '#457b9d', 'building'],
  ['石油储备 8000万桶', '#3d2c1e', '#b5651d', 'barrels'],
  ['外交部回应', '#0b2545', '#13315c', 'podium'],
  ['俄方确认', '#2b2d42', '#8d99ae', 'skyline'],
  ['事关油价', '#5f0f40', '#9a031e', 'chart'],
  ['国家统计局 发声', '#003049', '#669bbc', 'chart'],
  ['会议现场', '#22223b', '#4a4e69', 'podium'],
  ['中东 局势', '#6b2d0f', '#d4a373', 'globe'],
  ['空军基地', '#1b263b', '#415a77', 'jets'],
  ['朝鲜 表态', '#14213d', '#fca311', 'globe'],
  ['公开声明', '#283618', '#606c38', 'podium'],
  ['中菲 海上', '#023e8a', '#48cae4', 'waves'],
  ['联合声明', '#3a0ca3', '#4361ee', 'globe'],
  ['浓缩铀', '#2d3142', '#ef8354', 'atom'],
  ['两会 建议', '#9d0208', '#e85d04', 'hall'],
  ['三部法律 表决通过', '#7f0000', '#c1121f', 'hall'],
  ['最高领袖', '#343a40', '#6c757d', 'podium'],
  ['物业管理', '#006d77', '#83c5be', 'skyline'],
  ['王毅 赴越南', '#1d3557', '#e63946', 'plane'],
  ['年假 规则', '#264653', '#2a9d8f', 'calendar'],
];

function motif(kind, r, w, h) {
  const s = w / 640; // drawn for 640×360, scaled for the poster
  const g = [];
  const p = (x) => Math.round(x * s);
  switch (kind) {
    case 'building':
      for (let i = 0; i < 5; i++) {
        const x = 300 + i * 62, bh = 120 + r() * 120;
        g.push(`<rect x="${p(x)}" y="${p(330 - bh)}" width="${p(50)}" height="${p(bh)}" fill="#fff" opacity=".${2 + i % 3}"/>`);
        for (let j = 0; j < bh / 30 - 1; j++) g.push(`<rect x="${p(x + 10)}" y="${p(345 - bh + j * 30)}" width="${p(30)}" height="${p(10)}" fill="#ffd166" opacity=".5"/>`);
      }
      break;
    case 'skyline':
      for (let x = 0; x < 640; x += 34) {
        const bh = 60 + r() * 170;
        g.push(`<rect x="${p(x)}" y="${p(330 - bh)}" width="${p(30)}" height="${p(bh)}" fill="#fff" opacity=".18"/>`);
      }
      g.push(`<circle cx="${p(520)}" cy="${p(90)}" r="${p(38)}" fill="#ffd166" opacity=".8"/>`);
      break;
    case 'barrels':
      for (let i = 0; i < 4; i++) {
        const x = 330 + i * 72;
        g.push(`<rect x="${p(x)}" y="${p(190)}" width="${p(60)}" height="${p(130)}" rx="${p(8)}" fill="#e9c46a" opacity=".85"/><rect x="${p(x)}" y="${p(225)}" width="${p(60)}" height="${p(8)}" fill="#000" opacity=".25"/><rect x="${p(x)}" y="${p(280)}" width="${p(60)}" height="${p(8)}" fill="#000" opacity=".25"/>`);
      }
      g.push(`<path d="M${p(470)} ${p(60)}c${p(30)} ${p(50)} ${p(40)} ${p(70)} ${p(40)} ${p(90)}a${p(40)} ${p(40)} 0 0 1-${p(80)} 0c0-${p(20)} ${p(10)}-${p(40)} ${p(40)}-${p(90)}z" fill="#111" opacity=".55"/>`);
      break;
    case 'chart': {
      let d = `M${p(300)} ${p(300)}`;
      for (let i = 0; i < 7; i++) {
        const bh = 40 + r() * 170;
        g.push(`<rect x="${p(300 + i * 44)}" y="${p(320 - bh)}" width="${p(30)}" height="${p(bh)}" rx="${p(3)}" fill="#fff" opacity=".22"/>`);
        d += ` L${p(315 + i * 44)} ${p(300 - bh * 0.8)}`;
      }
      g.push(`<path d="${d}" fill="none" stroke="#ffd166" stroke-width="${p(5)}" stroke-linejoin="round"/>`);
      break;
    }
    case 'podium':
      g.push(`<rect x="${p(0)}" y="${p(60)}" width="${p(640)}" height="${p(70)}" fill="#c1121f" opacity=".75"/>`);
      g.push(`<rect x="${p(380)}" y="${p(190)}" width="${p(150)}" height="${p(140)}" rx="${p(6)}" fill="#8b5e34"/><circle cx="${p(455)}" cy="${p(160)}" r="${p(26)}" fill="#f1dcc9"/><rect x="${p(420)}" y="${p(186)}" width="${p(70)}" height="${p(20)}" rx="${p(10)}" fill="#222"/>`);
      g.push(`<circle cx="${p(455)}" cy="${p(250)}" r="${p(22)}" fill="#ffd166" opacity=".9"/>`);
      break;
    case 'globe':
      g.push(`<circle cx="${p(470)}" cy="${p(180)}" r="${p(130)}" fill="#fff" opacity=".12"/>`);
      for (let i = -2; i <= 2; i++) g.push(`<ellipse cx="${p(470)}" cy="${p(180)}" rx="${p(Math.abs(i) * 30 + 10)}" ry="${p(130)}" fill="none" stroke="#fff" stroke-opacity=".35" stroke-width="${p(2)}"/>`);
      for (let i = -2; i <= 2; i++) g.push(`<line x1="${p(340)}" x2="${p(600)}" y1="${p(180 + i * 48)}" y2="${p(180 + i * 48)}" stroke="#fff" stroke-opacity=".3" stroke-width="${p(2)}"/>`);
      break;
    case 'jets':
      for (let i = 0; i < 3; i++) {
        const x = 340 + i * 90, y = 90 + i * 60;
        g.push(`<path d="M${p(x)} ${p(y)}l${p(90)} ${p(10)}l-${p(90)} ${p(10)}l${p(20)}-${p(10)}z M${p(x + 30)} ${p(y + 10)}l-${p(20)} ${p(30)}h${p(14)}l${p(30)}-${p(30)}z" fill="#e0e1dd"/>`);
        g.push(`<line x1="${p(x - 120)}" y1="${p(y + 10)}" x2="${p(x)}" y2="${p(y + 10)}" stroke="#fff" stroke-opacity=".35" stroke-width="${p(3)}"/>`);
      }
      break;
    case 'waves':
      for (let i = 0; i < 5; i++) {
        const y = 200 + i * 30;
        g.push(`<path d="M0 ${p(y)} q${p(40)} -${p(20)} ${p(80)} 0 t${p(80)} 0 t${p(80)} 0 t${p(80)} 0 t${p(80)} 0 t${p(80)} 0 t${p(80)} 0 t${p(80)} 0 V${p(360)} H0z" fill="#fff" opacity=".${1 + i}"/>`);
      }
      g.push(`<path d="M${p(420)} ${p(190)}h${p(140)}l-${p(20)} ${p(30)}h-${p(100)}z M${p(470)} ${p(150)}h${p(40)}v${p(40)}h-${p(40)}z" fill="#fff" opacity=".85"/>`);
      break;
    case 'atom':
      for (let a = 0; a < 180; a += 60) g.push(`<ellipse cx="${p(470)}" cy="${p(180)}" rx="${p(130)}" ry="${p(45)}" transform="rotate(${a} ${p(470)} ${p(180)})" fill="none" stroke="#fff" stroke-opacity=".6" stroke-width="${p(4)}"/>`);
      g.push(`<circle cx="${p(470)}" cy="${p(180)}" r="${p(22)}" fill="#ffd166"/>`);
      break;
    case 'hall':
      g.push(`<path d="M${p(320)} ${p(140)}L${p(470)} ${p(70)}L${p(620)} ${p(140)}z" fill="#fff" opacity=".85"/>`);
      for (let i = 0; i < 6; i++) g.push(`<rect x="${p(335 + i * 50)}" y="${p(150)}" width="${p(20)}" height="${p(150)}" fill="#fff" opacity=".75"/>`);
      g.push(`<rect x="${p(315)}" y="${p(300)}" width="${p(310)}" height="${p(20)}" fill="#fff" opacity=".85"/><circle cx="${p(470)}" cy="${p(112)}" r="${p(12)}" fill="#ffd166"/>`);
      break;
    case 'plane':
      g.push(`<path d="M${p(360)} ${p(230)}C${p(420)} ${p(120)} ${p(520)} ${p(100)} ${p(600)} ${p(90)}" fill="none" stroke="#fff" stroke-dasharray="${p(10)} ${p(10)}" stroke-width="${p(3)}" opacity=".7"/>`);
      g.push(`<path d="M${p(540)} ${p(80)}l${p(60)} ${p(10)}l-${p(60)} ${p(16)}l${p(10)}-${p(13)}z" fill="#fff"/><circle cx="${p(360)}" cy="${p(230)}" r="${p(10)}" fill="#ffd166"/>`);
      break;
    case 'calendar':
      g.push(`<rect x="${p(370)}" y="${p(80)}" width="${p(200)}" height="${p(210)}" rx="${p(14)}" fill="#fff" opacity=".9"/><rect x="${p(370)}" y="${p(80)}" width="${p(200)}" height="${p(50)}" rx="${p(14)}" fill="#e63946"/>`);
      for (let i = 0; i < 12; i++) g.push(`<rect x="${p(388 + (i % 4) * 44)}" y="${p(148 + Math.floor(i / 4) * 44)}" width="${p(32)}" height="${p(30)}" rx="${p(4)}" fill="${i === 6 ? '#2a9d8f' : '#ccc'}"/>`);
      break;
  }
  return g.join('');
}

function svg(w, h, from, to, kind, caption, seed) {
  const r = rng(seed);
  const s = w / 640;
  const p = (x) => Math.round(x * s);
  const fs = p(caption.length > 8 ? 30 : 36);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>` +
    `<linearGradient id="f" x1="0" y1="0" x2="0" y2="1"><stop offset=".55" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity=".55"/></linearGradient></defs>` +
    `<rect width="${w}" height="${h}" fill="url(#g)"/>` +
    `<circle cx="${p(80 + r() * 200)}" cy="${p(40 + r() * 80)}" r="${p(120 + r() * 80)}" fill="#fff" opacity=".06"/>` +
    motif(kind, r, w, h) +
    `<rect width="${w}" height="${h}" fill="url(#f)"/>` +
    `<rect x="${p(24)}" y="${p(22)}" width="${p(86)}" height="${p(30)}" rx="${p(4)}" fill="#d7262e"/>` +
    `<text x="${p(67)}" y="${p(43)}" text-anchor="middle" ${FONT} font-size="${p(17)}" font-weight="700" fill="#fff">看看新闻</text>` +
    `<rect x="${p(24)}" y="${p(250)}" width="${p(8)}" height="${fs + p(8)}" fill="#ffd166"/>` +
    `<text x="${p(44)}" y="${p(250) + fs}" ${FONT} font-size="${fs}" font-weight="700" fill="#fff">${esc(caption)}</text>` +
    `</svg>\n`;
}

covers.forEach(([caption, from, to, kind], i) => {
  const name = `cover-${String(i + 1).padStart(2, '0')}.svg`;
  writeFileSync(join(out, name), svg(640, 360, from, to, kind, caption, i + 7));
});
// The lead poster: a meeting hall with a red banner, a rostrum and the audience.
function poster() {
  const r = rng(11);
  const g = [];
  g.push(`<rect x="140" y="150" width="1000" height="300" rx="8" fill="#0e3a73"/><rect x="140" y="150" width="1000" height="300" rx="8" fill="url(#l)"/>`);
  g.push(`<text x="640" y="290" text-anchor="middle" ${FONT} font-size="56" font-weight="700" fill="#fff">上海国际科技创新中心</text>`);
  g.push(`<text x="640" y="360" text-anchor="middle" ${FONT} font-size="24" fill="#cfe3ff" letter-spacing="4">SHANGHAI · SCIENCE AND TECHNOLOGY INNOVATION</text>`);
  g.push(`<rect x="0" y="40" width="1280" height="80" fill="#b3121b"/>`);
  g.push(`<text x="640" y="94" text-anchor="middle" ${FONT} font-size="38" font-weight="700" fill="#ffe9a8">2025年部市共建上海国际科技创新中心工作推进会</text>`);
  g.push(`<rect x="160" y="470" width="960" height="70" fill="#7a1016"/><rect x="160" y="470" width="960" height="10" fill="#e8c170"/>`);
  for (let i = 0; i < 9; i++) {
    const x = 220 + i * 105;
    g.push(`<circle cx="${x}" cy="448" r="19" fill="#2a1f1a"/><path d="M${x - 34} 472q34-30 68 0z" fill="#1b1b22"/><rect x="${x - 16}" y="480" width="32" height="12" fill="#fff" opacity=".9"/>`);
  }
  for (let row = 0; row < 3; row++) {
    for (let x = -20 + row * 30; x < 1300; x += 86 + row * 8) {
      const y = 600 + row * 45 + r() * 8;
      g.push(`<circle cx="${Math.round(x + r() * 20)}" cy="${Math.round(y)}" r="${26 + row * 3}" fill="#0a0d14" opacity="${0.75 + row * 0.08}"/>`);
    }
  }
  g.push(`<rect x="0" y="640" width="1280" height="80" fill="#0a0d14" opacity=".85"/>`);
  for (let i = 0; i < 5; i++) g.push(`<circle cx="${160 + i * 240}" cy="0" r="70" fill="#fff6d5" opacity=".12"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720" viewBox="0 0 1280 720">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#1d2a44"/><stop offset="1" stop-color="#0b1020"/></linearGradient>` +
    `<linearGradient id="l" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#3fa9f5" stop-opacity=".45"/><stop offset=".6" stop-color="#3fa9f5" stop-opacity="0"/><stop offset="1" stop-color="#7b61ff" stop-opacity=".35"/></linearGradient></defs>` +
    `<rect width="1280" height="720" fill="url(#g)"/>` + g.join('') + `</svg>\n`;
}
writeFileSync(join(out, 'poster.svg'), poster());
console.log(`wrote ${covers.length + 1} SVGs to ${out}`);
