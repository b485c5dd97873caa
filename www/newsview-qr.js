// newsview's QR module (the build bundles it with wasm-bindgen's glue into pkg/newsview-qr.js,
// beside pkg/newsview-qr_bg.wasm): the QR encoder, which the full client (newsview.js) leaves
// out. The full client imports it from beside its own module the first time a reader opens a
// QR code, or shows intent to (www/newsview-qr-load.js); a page never loads it itself.
//
//   default (init)    loads and instantiates ./newsview-qr_bg.wasm (beside this module, through
//                     import.meta.url, which bundlers follow); idempotent
//   qrModules(url)    the modules of the QR code of `url` as newsview encodes a share URL (byte
//                     mode, level M or higher): a Uint8Array of size × size bytes, row by row,
//                     1 for dark; undefined when `url` does not fit in a QR code
//
// It returns the modules as data, never markup: the full client draws them with its escaping
// writer.
export { default, qrModules } from './newsview-qr_bg.js';
