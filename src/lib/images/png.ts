/**
 * The two things the image step needs of the PNG format: a picture's size from its header, and an
 * encoder for opaque pictures. resvg's own encoder keeps the alpha channel and compresses lightly;
 * these pictures are opaque, and as 8-bit RGB with zlib's default level they come out about 40 %
 * smaller.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk (the first after the signature). */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const header = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isPng = bytes.length >= 24 && SIGNATURE.every((b, i) => bytes[i] === b) && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR';
  if (!isPng) throw new Error('not a PNG file (no PNG signature and IHDR chunk at its start)');
  return { width: header.getUint32(16), height: header.getUint32(20) };
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/**
 * An opaque picture as an 8-bit RGB PNG, from RGBA pixels (row by row, 4 bytes a pixel). Throws on a
 * transparent pixel: the layouts paint their whole background.
 */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`encodePng: ${rgba.length} bytes of pixels for ${width}×${height} (expected ${width * height * 4})`);
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    // Each row starts with its filter type: 0 (none) compresses these flat pictures best.
    let to = y * stride + 1;
    for (let from = y * width * 4, end = from + width * 4; from < end; from += 4) {
      if (rgba[from + 3] !== 255) throw new Error(`encodePng: pixel ${(from / 4) % width},${y} is transparent; paint the picture's background`);
      raw[to++] = rgba[from]!;
      raw[to++] = rgba[from + 1]!;
      raw[to++] = rgba[from + 2]!;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}
