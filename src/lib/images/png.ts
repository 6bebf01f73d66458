/**
 * The two things the image step needs of the PNG format: a picture's size from its header, and an
 * encoder for opaque pictures. The drawn pictures are flat colours with anti-aliased text (about 80 to
 * 170 colours), so they are stored exactly as an indexed PNG (a palette and one byte a pixel): a
 * third of the data to compress, so about half the time and a smaller file than 8-bit RGB. A picture
 * with more than 256 colours is stored as RGB. resvg's own encoder keeps the alpha channel these
 * opaque pictures do not need.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** IHDR colour types. */
const RGB = 2;
const INDEXED = 3;
/** zlib level 4: on these pictures 7 % larger than the default (6) in half the time. */
const DEFLATE_LEVEL = 4;

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

function png(width: number, height: number, colourType: number, rows: Buffer, palette?: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bits per channel (per index for an indexed picture)
  ihdr[9] = colourType;
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), ...(palette ? [chunk('PLTE', palette)] : []), chunk('IDAT', deflateSync(rows, { level: DEFLATE_LEVEL })), chunk('IEND', new Uint8Array(0))]);
}

const transparent = (width: number, pixel: number) => new Error(`encodePng: pixel ${pixel % width},${Math.floor(pixel / width)} is transparent; paint the picture's background`);

/** Rows of palette indexes (each row starts with filter type 0), or undefined when there are more than 256 colours. */
function indexed(rgba: Uint8Array, width: number, height: number): { rows: Buffer; palette: Buffer } | undefined {
  // Each pixel's four bytes as one number; most pixels repeat the one before, so the map is seldom asked.
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  const pixels = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  const indexOf = new Map<number, number>();
  const palette = Buffer.alloc(256 * 3);
  const rows = Buffer.allocUnsafe((width + 1) * height);
  let previous = -1;
  let index = 0;
  let to = 0;
  for (let y = 0, at = 0; y < height; y++) {
    rows[to++] = 0;
    for (let end = at + width; at < end; at++) {
      const pixel = pixels[at]!;
      if (pixel !== previous) {
        let known = indexOf.get(pixel);
        if (known === undefined) {
          if (indexOf.size === 256) return undefined;
          if (rgba[at * 4 + 3] !== 255) throw transparent(width, at);
          known = indexOf.size;
          indexOf.set(pixel, known);
          palette.set(rgba.subarray(at * 4, at * 4 + 3), known * 3);
        }
        previous = pixel;
        index = known;
      }
      rows[to++] = index;
    }
  }
  return { rows, palette: palette.subarray(0, indexOf.size * 3) };
}

/** Rows of 8-bit RGB (each row starts with filter type 0). */
function rgbRows(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 3 + 1;
  const rows = Buffer.allocUnsafe(stride * height);
  for (let y = 0; y < height; y++) {
    let to = y * stride;
    rows[to++] = 0;
    for (let from = y * width * 4, end = from + width * 4; from < end; from += 4) {
      if (rgba[from + 3] !== 255) throw transparent(width, from / 4);
      rows[to++] = rgba[from]!;
      rows[to++] = rgba[from + 1]!;
      rows[to++] = rgba[from + 2]!;
    }
  }
  return rows;
}

/**
 * An opaque picture as a PNG, from RGBA pixels (row by row, 4 bytes a pixel): indexed when it has at
 * most 256 colours, else 8-bit RGB; every pixel is kept exactly. Throws on a transparent pixel: the
 * layouts paint their whole background.
 */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`encodePng: ${rgba.length} bytes of pixels for ${width}×${height} (expected ${width * height * 4})`);
  const few = indexed(rgba, width, height);
  return few ? png(width, height, INDEXED, few.rows, few.palette) : png(width, height, RGB, rgbRows(rgba, width, height));
}
