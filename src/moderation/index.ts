export { assess } from './pipeline.js';
export type { Assessment, AssessContext, CommentCandidate, Decision, Reason } from './types.js';
