import $protobuf from 'protobufjs/minimal.js';

/**
 * Decodes with unknown fields kept in `$unknowns` (protobufjs drops them by
 * default), so strict readers can refuse bytes that are not really this message.
 */
export function decodeKeepingUnknowns<T>(decode: (r: $protobuf.Reader) => T, bytes: Uint8Array): T {
  const reader = $protobuf.Reader.create(bytes);
  reader.discardUnknown = false;
  return decode(reader);
}
