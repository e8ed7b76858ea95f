import exifReader from 'exif-reader';
import type { Metadata } from 'sharp';

type Tags = Record<string, unknown> | undefined;

const has = (tags: Tags, ...names: string[]) => names.some((name) => tags?.[name] !== undefined && tags[name] !== '');

/**
 * What an upload carried that the stored files no longer do, in words an editor can act on. The
 * dangerous ones first: a position or a serial number can identify a source or a photographer.
 */
export function removedMetadata(meta: Metadata, keptCreditLine: boolean): string[] {
  const found: string[] = [];
  let exif: ReturnType<typeof exifReader> | undefined;
  if (meta.exif) {
    try {
      exif = exifReader(meta.exif);
    } catch {
      found.push('unreadable EXIF block');
    }
  }
  const image = exif?.Image as Tags;
  const photo = exif?.Photo as Tags;
  const gps = exif?.GPSInfo as Tags;
  if (gps && Object.keys(gps).length > 0) found.push('GPS position');
  if (has(photo, 'BodySerialNumber', 'LensSerialNumber') || has(image, 'CameraSerialNumber')) found.push('camera serial number');
  if (has(photo, 'CameraOwnerName')) found.push('camera owner name');
  if (has(image, 'Artist', 'XPAuthor')) found.push('author');
  if (has(image, 'Copyright') && !keptCreditLine) found.push('copyright');
  if (has(image, 'Make', 'Model') || has(photo, 'LensMake', 'LensModel')) found.push('camera make and model');
  if (has(photo, 'DateTimeOriginal', 'DateTimeDigitized') || has(image, 'DateTime')) found.push('date and time taken');
  if (has(image, 'Software', 'HostComputer')) found.push('editing software');
  if (has(image, 'ImageDescription', 'XPComment', 'XPTitle', 'XPSubject', 'XPKeywords') || has(photo, 'UserComment', 'MakerNote', 'ImageUniqueID')) {
    found.push('description, comments or maker notes');
  }
  if (exif && found.length === 0) found.push('EXIF camera settings');
  if (meta.xmp) found.push('XMP metadata (may name the author, place and editing history)');
  if (meta.iptc) found.push('IPTC metadata (may name the author, place and caption)');
  if (meta.comments?.length) found.push('embedded text comments');
  if (meta.icc) found.push('colour profile (converted to sRGB)');
  if ((meta.pages ?? 1) > 1) found.push(`animation (${meta.pages} frames; the first is kept)`);
  return found;
}

/** The line kept when the site keeps one: the editor's credit, else the upload's own copyright. */
export function creditLine(meta: Metadata, credit: string): string | undefined {
  if (credit.trim()) return credit.trim().slice(0, 200);
  if (!meta.exif) return undefined;
  try {
    const copyright = (exifReader(meta.exif).Image as Tags)?.Copyright;
    return typeof copyright === 'string' && copyright.trim() ? copyright.trim().slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}
