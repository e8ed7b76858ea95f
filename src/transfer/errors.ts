import { defineErrors } from '../errors.js';

export const transferErrors = defineErrors({
  STAFF_SELF_DELETE: { status: 403, message: 'Staff accounts are not deleted here: an admin removes them under Admin → Users.' },
  DELETE_NOT_CONFIRMED: { status: 400, message: 'Tick the box to confirm that you want your account deleted.' },
});
