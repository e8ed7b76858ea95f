import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, requireRole } from '../accounts/index.js';
import { adminPage } from '../web/admin-layout.js';
import { csvLine } from '../web/csv.js';
import type { Html } from '../web/html.js';
import { membersQuery, personQuery } from './contract.js';
import { MEMBERS_CSV_HEADER, memberCsvLine } from './csv.js';
import { membersErrors } from './errors.js';
import { membersBody, personBody } from './pages.js';
import type { MemberFilter } from './people.js';
import { findPeople, personDetail, type MembersDeps } from './service.js';

const PAGE_SIZE = 50;

/** `/admin/members`: readers, subscribers and donors in one list, each person's page, a CSV export. Admin only. */
export function membersRoutes(deps: MembersDeps): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
    app.addHook('preHandler', requireRole('admin'));

    async function render(request: FastifyRequest, reply: FastifyReply, title: string, body: Html) {
      const settings = await deps.settings.get();
      const csrf = csrfToken(request, reply);
      const html = adminPage({ title, settings, viewer: request.viewer, csrf, body, section: 'members' });
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html.value);
    }

    const filterOf = (query: MemberFilter): MemberFilter => ({
      search: query.search, newsletter: query.newsletter, donor: query.donor, lastGift: query.lastGift, kind: query.kind,
    });
    /** The filter as a query string, for the CSV link and the pager. */
    const queryString = (filter: MemberFilter) =>
      new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')).toString();

    app.get('/admin/members', { schema: { querystring: membersQuery } }, async (request, reply) => {
      const filter = filterOf(request.query);
      const [people, newsletters, settings] = await Promise.all([findPeople(deps, filter), deps.subscriptions.newsletters(), deps.settings.get()]);
      const pages = Math.max(1, Math.ceil(people.length / PAGE_SIZE));
      const page = Math.min(pages, Math.max(1, Number(request.query.page ?? '1')));
      const shown = people.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      return render(request, reply, 'Members', membersBody({ settings, filter, query: queryString(filter), newsletters, people: shown, total: people.length, page, pages }));
    });

    app.get('/admin/members.csv', { schema: { querystring: membersQuery } }, async (request, reply) => {
      const filter = filterOf(request.query);
      const [people, newsletters] = await Promise.all([findPeople(deps, filter), deps.subscriptions.newsletters()]);
      const names = new Map(newsletters.map((n) => [n.id, n.name]));
      const stamp = deps.now().toISOString().slice(0, 10);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="members-${stamp}.csv"`);
      reply.header('cache-control', 'no-store');
      return reply.send(csvLine(MEMBERS_CSV_HEADER) + people.map((p) => memberCsvLine(p, names)).join(''));
    });

    app.get('/admin/members/person', { schema: { querystring: personQuery } }, async (request, reply) => {
      const person = await personDetail(deps, { email: request.query.email, user: request.query.user });
      if (!person) throw membersErrors.raise('MEMBER_NOT_FOUND');
      const [settings, newsletters] = await Promise.all([deps.settings.get(), deps.subscriptions.newsletters()]);
      return render(request, reply, person.name || person.email || 'Member', personBody({ settings, person, newsletters }));
    });
  };
}
