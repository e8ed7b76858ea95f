import type { DonationStatus } from '../db/schema.js';

/**
 * Statuses only move forward, so an event that arrives late (a `completed` after its
 * `async_payment_succeeded`, a session after the subscription was cancelled) cannot undo a later one.
 * `failed` ranks below `paid` because an unpaid async session may still fail, but a paid one never does.
 */
const RANK: Record<DonationStatus, number> = {
  pending: 0,
  failed: 1,
  paid: 2,
  active: 2,
  refunded: 3,
  cancelled: 3,
};

export function advanceStatus(current: DonationStatus, next: DonationStatus): DonationStatus {
  return RANK[next] > RANK[current] ? next : current;
}

/** Gifts whose money arrived (shown on the donor wall, counted as donors). */
export function wentThrough(status: DonationStatus): boolean {
  return status === 'paid' || status === 'active' || status === 'cancelled' || status === 'refunded';
}
