import { createHmac } from 'node:crypto';

/** The header a receiver checks: HMAC-SHA256 over "<timestamp>.<body>" with the shared secret, Stripe-style. */
export const SIGNATURE_HEADER = 'X-Tenggat-Signature';

export function signDelivery(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
