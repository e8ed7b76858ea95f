import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/** One request the SDK sent, with its form body flattened (`line_items[0][price_data][unit_amount]`). */
export interface FakeStripeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  form: Record<string, string>;
}

export interface FakeStripe {
  /** For TRIBUNE_STRIPE_API_BASE. */
  url: string;
  requests: FakeStripeRequest[];
  /** PaymentIntent id → invoice id, answered by `GET /v1/invoice_payments`. */
  invoicePayments: Map<string, string>;
  /** Answer the next N requests with this HTTP status (to test failures and SDK retries). */
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

/** An in-process stand-in for api.stripe.com: Checkout and billing portal sessions, invoice payments, on 127.0.0.1 and a free port. */
export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: FakeStripeRequest[] = [];
  const invoicePayments = new Map<string, string>();
  let failures = 0;
  let failStatus = 500;
  let counter = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, form });
      res.setHeader('content-type', 'application/json');
      res.setHeader('request-id', `req_fake_${requests.length}`);
      if (failures > 0) {
        failures -= 1;
        res.statusCode = failStatus;
        res.end(JSON.stringify({ error: { type: 'api_error', message: 'fake failure' } }));
        return;
      }
      if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
        counter += 1;
        const id = `cs_test_fake_${counter}`;
        res.end(
          JSON.stringify({
            id,
            object: 'checkout.session',
            mode: form.mode,
            submit_type: form.submit_type ?? null,
            client_reference_id: form.client_reference_id ?? null,
            amount_total: Number(form['line_items[0][price_data][unit_amount]']),
            currency: form['line_items[0][price_data][currency]'],
            payment_status: 'unpaid',
            status: 'open',
            url: `https://checkout.stripe.test/c/pay/${id}`,
          }),
        );
        return;
      }
      if (req.method === 'POST' && req.url === '/v1/billing_portal/sessions') {
        counter += 1;
        const id = `bps_test_fake_${counter}`;
        res.end(JSON.stringify({ id, object: 'billing_portal.session', customer: form.customer, return_url: form.return_url ?? null, livemode: false, url: `https://billing.stripe.test/p/session/${id}` }));
        return;
      }
      if (req.method === 'GET' && req.url?.startsWith('/v1/invoice_payments?')) {
        const query = new URLSearchParams(req.url.slice(req.url.indexOf('?') + 1));
        const paymentIntent = query.get('payment[payment_intent]') ?? '';
        const invoice = invoicePayments.get(paymentIntent);
        const data = invoice ? [{ id: 'inpay_fake_1', object: 'invoice_payment', invoice, payment: { type: 'payment_intent', payment_intent: paymentIntent } }] : [];
        res.end(JSON.stringify({ object: 'list', url: '/v1/invoice_payments', has_more: false, data }));
        return;
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { type: 'invalid_request_error', message: `No fake for ${req.method} ${req.url}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    invoicePayments,
    failNext(count, status = 500) {
      failures = count;
      failStatus = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const TEST_WEBHOOK_SECRET = 'whsec_test_tribune_fixture_secret';

/** A Stripe event body and its signature header, signed offline with the SDK's own helper. */
export function signedEvent(event: Record<string, unknown>, options: { secret?: string; timestamp: number }): { payload: string; signature: string } {
  const payload = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? TEST_WEBHOOK_SECRET, timestamp: options.timestamp });
  return { payload, signature };
}
