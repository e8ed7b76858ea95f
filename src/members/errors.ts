import { defineErrors } from '../errors.js';

export const membersErrors = defineErrors({
  MEMBER_NOT_FOUND: { status: 404, message: 'No reader, subscriber or donor has that address.' },
});
