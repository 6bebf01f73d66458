/** Reads back what png.ts writes (one IDAT, filter type 0 on every row; indexed or 8-bit RGB): the colour type and each pixel as [r, g, b]. */
import { inflateSync } from 'node:zlib';
import { pngSize } from '../../src/lib/images/png.ts';

function chunkData(png: Buffer, type: string): Buffer | undefined {
  const at = png.indexOf(type, 8, 'latin1');
  return at < 0 ? undefined : png.subarray(at + 4, at + 4 + png.readUInt32BE(at - 4));
}

export function readPng(png: Buffer): { colourType: number; pixels: number[][] } {
  const { width, height } = pngSize(png);
  const colourType = png[25]!;
  const channels = colourType === 3 ? 1 : 3;
  const raw = inflateSync(chunkData(png, 'IDAT')!);
  const palette = chunkData(png, 'PLTE');
  const stride = width * channels + 1;
  const pixels: number[][] = [];
  for (let y = 0; y < height; y++) {
    if (raw[y * stride] !== 0) throw new Error(`row ${y}: filter type ${raw[y * stride]}, expected 0`);
    for (let x = 0; x < width; x++) {
      const at = y * stride + 1 + x * channels;
      pixels.push(palette ? [...palette.subarray(raw[at]! * 3, raw[at]! * 3 + 3)] : [...raw.subarray(at, at + 3)]);
    }
  }
  return { colourType, pixels };
}
