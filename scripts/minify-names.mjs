// Shortens the names of the module's imports and exports, in the wasm and in wasm-bindgen's JS
// glue alike.
//
// wasm-bindgen names each import `__wbg_<name>_<16 hex digits>` and puts all of them in the
// module `./<out-name>_bg.js`; some exports carry long mangled names with crate hashes. Both
// the wasm and the glue carry every name, and the hashes do not compress: shortening them to
// `a`, `b`, … (imports) and `_a`, `_b`, … (wasm-bindgen's internal exports) takes
// about 4.4 KiB off the gzip size of the package (measured: 4.0 KiB the imports, 0.4 KiB the
// exports). Only names change; imports and exports stay in their order, with their types.
//
// Usage: node scripts/minify-names.mjs <module.wasm> <glue.js>   (both rewritten in place)

import { readFileSync, writeFileSync } from 'node:fs';
import { encodeLeb, encodeName, leb, readName, skipDescriptor } from './wasm-binary.mjs';

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error('usage: node scripts/minify-names.mjs <module.wasm> <glue.js>');
  process.exit(2);
}

function die(message) {
  console.error(`minify-names: ${message}`);
  process.exit(1);
}

const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');

/** `a`, `b`, … `z`, `A` … `Z`, then two letters and more: names that are plain identifiers. */
function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name = letters[i % letters.length] + name;
    i = Math.floor(i / letters.length) - 1;
  } while (i >= 0);
  return name;
}

/**
 * The export section with short names. The glue reaches the exports as `wasm.<name>`; an export
 * the glue also names as a property or in a string keeps its name.
 */
function exportSection(start, end) {
  const [count, first] = leb(wasm, start);
  const body = [encodeLeb(count)];
  let p = first;
  let next = 0;
  for (let i = 0; i < count; i++) {
    let name;
    [name, p] = readName(wasm, p);
    const descEnd = leb(wasm, p + 1)[1];
    const desc = wasm.subarray(p, descEnd);
    p = descEnd;
    // wasm-bindgen's own exports only (`__wbindgen_malloc`, the mangled closure entries, …):
    // the API's (`render`, `view_update`, …) and `memory` keep their names for hosts and tests
    // that wrap the exports.
    if (!/^(__|wasm_bindgen_)\w*$/.test(name)) {
      body.push(encodeName(name), desc);
      continue;
    }
    // Other uses of the name: a property of something else, or a string, leave it as it is; a
    // bare identifier (a JS function of the glue with the same name) is another binding.
    const elsewhere = new RegExp(`(?<!\\bwasm)[.'"\`]${name}\\b|\\b${name}['"\`]`);
    const viaWasm = glue.match(new RegExp(`\\bwasm\\.${name}\\b`, 'g')) ?? [];
    if (viaWasm.length === 0 || elsewhere.test(glue)) {
      body.push(encodeName(name), desc);
      continue;
    }
    let short;
    do {
      short = `_${shortName(next++)}`;
    } while (new RegExp(`\\bwasm\\.${short}\\b`).test(glue));
    glue = glue.replace(new RegExp(`\\bwasm\\.${name}\\b`, 'g'), `wasm.${short}`);
    exportsRenamed++;
    body.push(encodeName(short), desc);
  }
  if (p !== end) die('the export section did not parse to its end');
  const content = Buffer.concat(body);
  return Buffer.concat([Buffer.from([7]), encodeLeb(content.length), content]);
}

let exportsRenamed = 0;

if (wasm.readUInt32LE(0) !== 0x6d736100) die(`${wasmPath} is not a wasm module`);
const parts = [wasm.subarray(0, 8)];
let pos = 8;
let renamed = 0;
while (pos < wasm.length) {
  const id = wasm[pos];
  const [size, start] = leb(wasm, pos + 1);
  const end = start + size;
  if (id === 7) {
    parts.push(exportSection(start, end));
    pos = end;
    continue;
  }
  if (id !== 2) {
    parts.push(wasm.subarray(pos, end));
    pos = end;
    continue;
  }
  const [count, first] = leb(wasm, start);
  const body = [encodeLeb(count)];
  let p = first;
  for (let i = 0; i < count; i++) {
    let module;
    let field;
    [module, p] = readName(wasm, p);
    [field, p] = readName(wasm, p);
    const kind = wasm[p];
    const descEnd = skipDescriptor(wasm, kind, p + 1);
    const desc = wasm.subarray(p, descEnd);
    p = descEnd;
    // Only the glue's own module: anything else (none today) keeps its names.
    if (!module.endsWith('_bg.js')) {
      body.push(encodeName(module), encodeName(field), desc);
      continue;
    }
    if (!/^[A-Za-z_$][\w$]*$/.test(field)) die(`unexpected import name ${field}`);
    const short = shortName(renamed++);
    const uses = glue.match(new RegExp(`\\b${field.replace(/\$/g, '\\$')}\\b`, 'g')) ?? [];
    if (uses.length !== 1) die(`${field} occurs ${uses.length} times in ${gluePath}, expected once`);
    glue = glue.replace(new RegExp(`\\b${field.replace(/\$/g, '\\$')}\\b`), short);
    body.push(encodeName('a'), encodeName(short), desc);
  }
  if (p !== end) die('the import section did not parse to its end');
  const content = Buffer.concat(body);
  parts.push(Buffer.from([2]), encodeLeb(content.length), content);
  pos = end;
}

// The glue's import object is keyed by module name; there is one module.
const moduleKey = /"\.\/[\w.-]*_bg\.js": import0/g;
const keys = glue.match(moduleKey) ?? [];
if (keys.length !== 1) die(`expected one import module in ${gluePath}, found ${keys.length}`);
glue = glue.replace(moduleKey, '"a": import0');

writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
console.log(`minify-names: ${renamed} imports and ${exportsRenamed} exports renamed`);
