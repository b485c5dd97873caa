// Debian's Chromium and the flags every headless run here uses (end-to-end tests, benchmarks,
// screenshots): a closed network, so no background fetches, component updates, QUIC or sync,
// and no GPU. Nothing here downloads a browser.

/** The browser: `$CHROMIUM_PATH`, `$CHROMIUM`, or Debian's package. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || process.env.CHROMIUM || '/usr/bin/chromium';

/** Flags for a closed network: no background fetches, no component updates, no QUIC, no GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
