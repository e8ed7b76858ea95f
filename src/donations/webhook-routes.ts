import type { FastifyPluginAsync } from 'fastify';
import type { DonationsContext } from './context.js';
import { donationErrors } from './errors.js';
import { invoiceForRefund } from './refund-lookup.js';
import { verifyStripeEvent } from './stripe-client.js';
import { applyStripeEvent, type StripeEventLike } from './webhook.js';

/**
 * `POST /api/donations/stripe/webhook`. Its own encapsulated plugin, because the signature covers the
 * exact bytes Stripe sent: here JSON bodies stay a raw Buffer, everywhere else they are parsed as usual.
 */
export function webhookRoutes(ctx: DonationsContext): FastifyPluginAsync {
  return async (app) => {
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    app.post('/api/donations/stripe/webhook', { config: { csrf: false } }, async (request, reply) => {
      const secret = ctx.config.stripe.webhookSecret;
      if (!secret) throw donationErrors.raise('WEBHOOK_NOT_CONFIGURED');
      const signature = request.headers['stripe-signature'];
      const raw = request.body;
      if (typeof signature !== 'string' || !Buffer.isBuffer(raw)) throw donationErrors.raise('WEBHOOK_SIGNATURE_INVALID');
      let event: StripeEventLike;
      try {
        event = verifyStripeEvent(raw, signature, secret, ctx.now()) as unknown as StripeEventLike;
      } catch (error) {
        request.log.warn({ err: error }, 'stripe webhook refused');
        throw donationErrors.raise('WEBHOOK_SIGNATURE_INVALID');
      }
      if (typeof event?.id !== 'string' || typeof event.type !== 'string' || !event.data || typeof event.data.object !== 'object') {
        throw donationErrors.raise('WEBHOOK_PAYLOAD_INVALID');
      }
      const result = await applyStripeEvent(ctx, event, { refundedInvoice: await invoiceForRefund(ctx, event) });
      request.log.info({ event: event.id, type: event.type, ...result }, 'stripe webhook');
      return reply.send({ received: true, ...result });
    });
  };
}
