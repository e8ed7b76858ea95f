export { membersRoutes } from './routes.js';
export { membersErrors } from './errors.js';
export type { MembersDeps } from './service.js';
