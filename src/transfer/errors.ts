import { defineErrors } from '../errors.js';

export const transferErrors = defineErrors({
  STAFF_SELF_DELETE: { status: 403, message: 'Staff accounts are not deleted here: an admin removes them under Admin → Users.' },
  DELETE_NOT_CONFIRMED: { status: 400, message: 'Tick the box to confirm that you want your account deleted.' },
  STUB_NOT_FOUND: { status: 404, message: 'No imported thread waits for its article here (it may have been attached already).' },
  ATTACH_TARGET_UNKNOWN: { status: 400, message: 'No article has this slug or address. Paste the article\'s slug, its address here, or its old address.' },
  ATTACH_TARGET_IS_STUB: { status: 400, message: 'That is another imported thread waiting for its article; choose the article itself.' },
});
