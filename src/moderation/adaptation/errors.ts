import { defineErrors } from '../../errors.js';

export const adaptationErrors = defineErrors({
  ADAPT_TOO_FEW_DECISIONS: { status: 409, message: 'There are not yet enough moderator decisions to learn from.' },
  ADAPT_ONE_SIDED: { status: 409, message: 'Moderators have both to approve and to reject comments before there is a standard to learn.' },
});
