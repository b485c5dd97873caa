// What bench/run.mjs (its console report) and bench/table.mjs (the Markdown tables) both print:
// the implementations' names and the way times are written.

/** Display names of the implementations, by their key in bench/bench.js. */
export const LABEL = {
  nv: 'newsview (seed + body)',
  nvMin: 'newsview (body-only article)',
  nvObj: 'newsview (seed as object)',
  purify: 'DOMPurify + innerHTML',
  floor: 'innerHTML of clean HTML',
  setHTML: 'Element.setHTML',
  pageFloor: 'innerHTML of the whole page',
};

/** A time in ms with three significant digits or so; '—' when there is none. */
export const fmt = (ms) => (Number.isFinite(ms) ? (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)) : '—');
