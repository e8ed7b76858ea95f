import Stripe from 'stripe';
import type { Config } from '../config.js';

/**
 * The SDK client, or null when no secret key is configured (the donate page then offers the other
 * ways to give). `apiBase` points it elsewhere, e.g. at an in-process fake in tests.
 */
export function createStripeClient(config: Config['stripe']): Stripe | null {
  if (!config.secretKey) return null;
  const options: Stripe.StripeConfig = { timeout: 20_000, maxNetworkRetries: 1, telemetry: false };
  if (config.apiBase) {
    const url = new URL(config.apiBase);
    const protocol = url.protocol === 'http:' ? 'http' : 'https';
    options.protocol = protocol;
    options.host = url.hostname;
    options.port = url.port || (protocol === 'http' ? 80 : 443);
  }
  return new Stripe(config.secretKey, options);
}

/** Verifies the signature over the exact bytes Stripe sent and parses the event; throws when forged or stale. */
export function verifyStripeEvent(rawBody: Buffer, signature: string, secret: string, receivedAt: Date): Stripe.Event {
  return Stripe.webhooks.constructEvent(rawBody, signature, secret, undefined, undefined, receivedAt.getTime());
}
