import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { AppError } from '../../errors.js';
import type { Deps } from '../../runtime.js';
import { adminPage } from '../../web/admin-layout.js';
import { twoFactorHead } from './styles.js';
import { safeRedirect } from '../../web/safe-redirect.js';
import { csrfToken, requireRole } from '../http.js';
import { passkeyAddedResponse } from '../contract.js';
import { emptyBody, passkeyBody } from './body-schemas.js';
import { twoFactorErrors } from './errors.js';
import { passkeyRegistrationOptions, registerPasskey, relyingParty, removePasskey } from './passkeys.js';
import { TWO_FACTOR_SETUP_PATH } from './paths.js';
import { totpQrSvg } from './qr.js';
import {
  confirmIdentity, confirmTotpEnrolment, issueRecoveryCodes, pendingTotpEnrolment, removeTotp, startTotpEnrolment, twoFactorStatus,
} from './service.js';
import { setupPage, type SetupPageInput } from './setup-page.js';

type Options = Pick<Deps, 'db' | 'now' | 'settings' | 'config'>;

const P = TWO_FACTOR_SETUP_PATH;
/** Reachable while the site's two-factor requirement holds the rest of the admin back. */
const config = { allowWithoutTwoFactor: true };
const NOTICES: Record<string, string> = {
  'totp-on': 'The authenticator app is on.',
  'totp-off': 'The authenticator app was removed.',
  'totp-cancelled': 'Setup cancelled.',
  'passkey-added': 'Passkey added.',
  'passkey-removed': 'Passkey removed.',
};
const nextProperty = { next: { type: 'string', maxLength: 2000 } } as const;
const formBody = <const P extends Record<string, object>, const R extends readonly (keyof P & string)[] = []>(properties: P, required?: R) =>
  ({ type: 'object', required: required ?? ([] as unknown as R), properties: { _csrf: { type: 'string' }, ...nextProperty, ...properties } }) as const;
const proofBody = formBody({ proof: { type: 'string', maxLength: 1000 } });
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 1400 } } } as const;

type Extra = Partial<Pick<SetupPageInput, 'recoveryCodes' | 'notice' | 'error'>>;

/** /admin/account/two-factor: a staff member's own authenticator app, passkeys and recovery codes. */
export const twoFactorSetupRoutes: FastifyPluginAsync<Options> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  app.addHook('preHandler', requireRole('moderator', 'editor', 'admin'));
  const twoFactor = { db: deps.db, now: deps.now, secret: deps.config.secret };
  const nextOf = (request: FastifyRequest) => safeRedirect((request.query as { next?: unknown }).next ?? (request.body as { next?: unknown } | undefined)?.next, null);
  const here = (request: FastifyRequest, done: string) => {
    const next = nextOf(request);
    return `${P}?done=${done}${next ? `&next=${encodeURIComponent(next)}` : ''}`;
  };

  async function show(request: FastifyRequest, reply: FastifyReply, extra: Extra, status = 200) {
    const viewer = request.viewer!;
    const settings = await deps.settings.get();
    const csrf = csrfToken(request, reply);
    const enrolment = await pendingTotpEnrolment(twoFactor, viewer.id, settings.site.name, viewer.email ?? viewer.displayName);
    const body = setupPage({
      csrf,
      site: settings.site,
      status: await twoFactorStatus(deps, viewer.id),
      required: settings.security.requireTwoFactorForStaff,
      next: nextOf(request),
      enrolment: enrolment ? { secret: enrolment.secret, qr: await totpQrSvg(enrolment.uri, `QR code for ${settings.site.name} in an authenticator app`) } : null,
      ...extra,
    });
    reply.header('cache-control', 'no-store');
    return reply.code(status).type('text/html; charset=utf-8').send(
      adminPage({ title: 'Two-factor sign-in', section: 'account', settings, viewer, csrf, body, scripts: ['two-factor.js'], head: twoFactorHead() }).value,
    );
  }

  /**
   * Runs a form's action; a refusal the person can fix is shown on the page next to its form. A JSON
   * client gets `{ok}` (with any new recovery codes) or the error as JSON.
   */
  async function act(request: FastifyRequest, reply: FastifyReply, form: NonNullable<Extra['error']>['form'], action: () => Promise<Extra | string>) {
    const json = (request.headers['content-type'] ?? '').startsWith('application/json');
    try {
      const outcome = await action();
      if (json) return { ok: true, ...(typeof outcome === 'string' ? {} : { recoveryCodes: outcome.recoveryCodes ?? null }) };
      return typeof outcome === 'string' ? reply.redirect(outcome, 303) : show(request, reply, outcome);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || json) throw error;
      return show(request, reply, { error: { form, field: error.field, message: error.message } }, error.status);
    }
  }

  const required = async () => (await deps.settings.get()).security.requireTwoFactorForStaff;

  app.get(
    P,
    { config, schema: { querystring: { type: 'object', properties: { done: { type: 'string', maxLength: 40 }, ...nextProperty } } } },
    async (request, reply) => show(request, reply, { notice: NOTICES[request.query.done ?? ''] }),
  );

  app.post(`${P}/totp`, { config, schema: { body: formBody({}) } }, async (request, reply) =>
    act(request, reply, 'totp', async () => {
      await startTotpEnrolment(twoFactor, request.viewer!.id);
      return here(request, 'totp-started');
    }),
  );

  app.post(`${P}/totp/confirm`, { config, schema: { body: formBody({ code: { type: 'string', maxLength: 100 } }, ['code']) } }, async (request, reply) =>
    act(request, reply, 'totp', async () => {
      const codes = await confirmTotpEnrolment(twoFactor, request.viewer!.id, request.body.code);
      return codes ? { recoveryCodes: codes, notice: NOTICES['totp-on'] } : here(request, 'totp-on');
    }),
  );

  app.post(`${P}/totp/delete`, { config, schema: { body: proofBody } }, async (request, reply) =>
    act(request, reply, 'totp', async () => {
      const userId = request.viewer!.id;
      const status = await twoFactorStatus(deps, userId);
      // An unfinished setup protects nothing yet, so cancelling it needs no proof.
      if (status.totp === 'on') await confirmIdentity(twoFactor, userId, request.body.proof ?? '');
      await removeTotp(twoFactor, userId, await required());
      return here(request, status.totp === 'on' ? 'totp-off' : 'totp-cancelled');
    }),
  );

  app.post(`${P}/recovery-codes`, { config, schema: { body: proofBody } }, async (request, reply) =>
    act(request, reply, 'recovery', async () => {
      const userId = request.viewer!.id;
      if (!(await twoFactorStatus(deps, userId)).enabled) return here(request, 'none');
      await confirmIdentity(twoFactor, userId, request.body.proof ?? '');
      return { recoveryCodes: await issueRecoveryCodes(twoFactor, userId) };
    }),
  );

  app.post(
    `${P}/passkeys/:id/delete`,
    { config, schema: { params: idParams, body: proofBody } },
    async (request, reply) =>
      act(request, reply, `passkey:${request.params.id}`, async () => {
        const userId = request.viewer!.id;
        if (!(await twoFactorStatus(deps, userId)).passkeys.some((passkey) => passkey.id === request.params.id)) throw twoFactorErrors.raise('PASSKEY_NOT_FOUND');
        await confirmIdentity(twoFactor, userId, request.body.proof ?? '');
        await removePasskey(deps, userId, request.params.id, await required());
        return here(request, 'passkey-removed');
      }),
  );

  // JSON, for the page's script: the browser's WebAuthn calls sit between these two.
  app.post(`${P}/passkeys/options`, { config, schema: { body: emptyBody } }, async (request) => {
    const viewer = request.viewer!;
    const settings = await deps.settings.get();
    return passkeyRegistrationOptions(deps, relyingParty(deps.config.baseUrl, settings.site.name), {
      id: viewer.id,
      email: viewer.email ?? viewer.id,
      displayName: viewer.displayName,
    });
  });

  // The schema bounds what the browser sends; its type is @simplewebauthn's, which verifies the rest.
  app.post<{ Body: { name: string; response: RegistrationResponseJSON } }>(
    `${P}/passkeys`,
    {
      config,
      schema: {
        body: { type: 'object', required: ['name', 'response'], properties: { name: { type: 'string', maxLength: 200 }, response: passkeyBody('registration') } },
        response: { 201: passkeyAddedResponse },
      },
    },
    async (request, reply) => {
      const settings = await deps.settings.get();
      const result = await registerPasskey(deps, relyingParty(deps.config.baseUrl, settings.site.name), request.viewer!.id, request.body);
      return reply.code(201).send({ ok: true, recoveryCodes: result.recoveryCodes });
    },
  );
};
