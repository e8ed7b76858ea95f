/** The formats an upload may be; anything else is refused whatever its name or declared type says. */
export type SourceFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

const AVIF_BRANDS = new Set(['avif', 'avis']);

/** The format the first bytes prove, or undefined: a file's name and Content-Type are the sender's claim. */
export function sniffFormat(bytes: Uint8Array): SourceFormat | undefined {
  const ascii = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (bytes.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'gif';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 16 && ascii(4, 8) === 'ftyp') {
    // ISO-BMFF: the major brand, then compatible brands up to the box's end; HEIC photos (heic, mif1 alone) are not AVIF.
    const boxSize = Math.min(Buffer.from(bytes.subarray(0, 4)).readUInt32BE(0), bytes.length, 256);
    for (let at = 8; at + 4 <= boxSize; at += 4) {
      if (at === 12) continue; // minor version
      if (AVIF_BRANDS.has(ascii(at, at + 4))) return 'avif';
    }
  }
  return undefined;
}

/** sharp's name for a format, as `metadata().format` reports it (AVIF is read by libheif). */
export function sharpFormatMatches(format: SourceFormat, reported: string | undefined): boolean {
  return format === 'avif' ? reported === 'heif' || reported === 'avif' : reported === format;
}
