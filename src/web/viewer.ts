import type { Role } from '../db/schema.js';

/**
 * Who is making a request, as every domain and page sees it. Defined here, below the domains, so the
 * shared layout can show it without depending on accounts, which fills it in (accounts/service.ts).
 */
export interface Viewer {
  id: string;
  email: string | null;
  displayName: string;
  role: Role;
  status: 'active' | 'suspended' | 'banned';
  suspendedUntil: string | null;
}
