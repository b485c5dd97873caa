// Reading and writing the parts of the wasm binary format that the build's post-processing
// scripts need (scripts/minify-names.mjs, scripts/order-functions.mjs).

/** Reads an unsigned LEB128 at `pos`: [value, next position]. */
export function leb(buf, pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, pos];
  }
}

/** `value` as an unsigned LEB128. */
export function encodeLeb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

/** A name as the binary format writes it: its UTF-8 length, then its bytes. */
export function encodeName(name) {
  const bytes = Buffer.from(name, 'utf8');
  return Buffer.concat([encodeLeb(bytes.length), bytes]);
}

/** Reads a name at `pos`: [string, next position]. */
export function readName(buf, pos) {
  const [len, start] = leb(buf, pos);
  return [buf.subarray(start, start + len).toString('utf8'), start + len];
}

/** The end of an import descriptor of `kind` starting at `pos`. */
export function skipDescriptor(buf, kind, pos) {
  const limits = (p) => {
    const flags = buf[p++];
    [, p] = leb(buf, p);
    if (flags & 1) [, p] = leb(buf, p);
    return p;
  };
  switch (kind) {
    case 0: // function: type index
      return leb(buf, pos)[1];
    case 1: // table: reference type, limits
      return limits(pos + 1);
    case 2: // memory: limits
      return limits(pos);
    case 3: // global: value type, mutability
      return pos + 2;
    case 4: // tag: attribute, type index
      return leb(buf, pos + 1)[1];
    default:
      throw new Error(`unknown import kind ${kind}`);
  }
}
