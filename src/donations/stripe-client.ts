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

/** Stripe's tolerance for a signature's age (the SDK's default), and how far ahead of our clock one may be dated. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * Verifies the signature over the exact bytes Stripe sent and parses the event; throws when forged,
 * stale or dated in the future. The SDK only refuses signatures older than the tolerance, so one
 * timestamped a year ahead would stay replayable for a year; beyond the same five minutes of clock
 * skew allowed for age, a future timestamp is refused too.
 */
export function verifyStripeEvent(rawBody: Buffer, signature: string, secret: string, receivedAt: Date): Stripe.Event {
  const event = Stripe.webhooks.constructEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS, undefined, receivedAt.getTime());
  const ahead = signedAt(signature) - Math.floor(receivedAt.getTime() / 1000);
  if (!(ahead <= SIGNATURE_TOLERANCE_SECONDS)) throw new Error(`stripe-signature timestamp is ${ahead} s in the future`);
  return event;
}

/** The `t=` of a signature header, read as the SDK reads it (the last one, as an integer). */
function signedAt(header: string): number {
  let timestamp = Number.NaN;
  for (const item of header.split(',')) {
    const [key, value] = item.split('=');
    if (key === 't') timestamp = Number.parseInt(value ?? '', 10);
  }
  return timestamp;
}
