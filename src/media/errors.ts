import { defineErrors } from '../errors.js';

/** The media domain's codes (src/errors.ts); the upload ones say what to do about the file. */
export const mediaErrors = defineErrors({
  MEDIA_NOT_FOUND: { status: 404, message: 'No such image.' },
  MEDIA_NO_FILE: { status: 400, message: 'Choose an image file to upload.' },
  MEDIA_TYPE_UNSUPPORTED: { status: 415, message: 'This file is not a JPEG, PNG, WebP, AVIF or GIF image.' },
  MEDIA_TOO_LARGE: { status: 413, message: 'The file is larger than the upload limit.' },
  MEDIA_TOO_MANY_PIXELS: { status: 413, message: 'The image has more pixels than the limit; scale it down before uploading.' },
  MEDIA_UNREADABLE: { status: 422, message: 'The image is damaged or incomplete and cannot be read.' },
  MEDIA_IN_USE: { status: 409, message: 'This image is used by articles; remove it from them first.' },
  MEDIA_INVALID: { status: 400, message: 'The image details are not valid.' },
  MEDIA_ALT_REQUIRED: { status: 400, message: 'Describe every image for readers who cannot see it (alt text), or mark it decorative.' },
  MEDIA_STORE_UNAVAILABLE: { status: 503, message: 'The image store is not configured on this instance.' },
});
