// The bench Worker (bench/server.mjs): GET /render?case=seed&n=200 renders the case n times with
// newsview/server inside one request and answers {renders, bytes}; the client times the request.
// Time inside a Worker does not advance while it computes, so the clock is the client's.
import { renderToString } from './newsview-server.workerd.js';
import seed from './seed-article.json';
import rich from './rich-body.html';

const OPTIONS = { now: '2026-03-16T10:00:00+08:00', pageUrl: 'https://www.example.com/a/1' };
const CASES = {
  seed: JSON.stringify(seed),
  'seed-100kb-body': JSON.stringify({ ...seed, bodyHtml: rich.repeat(Math.ceil(100_000 / rich.length)) }),
};

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const article = CASES[url.searchParams.get('case') ?? 'seed'];
    const n = Math.min(10_000, Math.max(1, Number(url.searchParams.get('n')) || 1));
    if (url.pathname !== '/render' || !article) return new Response('not found', { status: 404 });
    let bytes = 0;
    for (let i = 0; i < n; i++) bytes += renderToString(article, OPTIONS).html.length;
    return Response.json({ renders: n, bytes });
  },
};
