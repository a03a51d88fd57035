import type { Db } from "../db";
import { backoffMs } from "../domain/backoff";
import { signatureHeader, signWebhook } from "../domain/webhook-signature";
import { dueDeliveries, recordDeliveries, type DeliveryOutcome } from "../queries/webhooks";

/** Retries: 1, 2, 4 … minutes apart, at most 6 hours, 10 attempts in all (about 13 hours) before giving up. */
export const deliveryPolicy = { maxAttempts: 10, baseMs: 60_000, maxMs: 6 * 3600_000, perRun: 50, timeoutMs: 10_000 };

/**
 * Send the webhook deliveries due at `now` (from the Cron Trigger). Each POST carries the stored
 * payload as is, signed; a 2xx delivers it, anything else schedules a retry with backoff.
 */
export async function deliverWebhooks(db: Db, now: number, userAgent: string) {
  const due = await dueDeliveries(db, new Date(now).toISOString(), deliveryPolicy.perRun);
  const outcomes: DeliveryOutcome[] = await Promise.all(
    due.map(async (d) => {
      const attempts = d.attempts + 1;
      let status: number | null = null;
      let error: string | null = null;
      try {
        const res = await fetch(d.url, {
          method: "POST",
          redirect: "manual",
          signal: AbortSignal.timeout(deliveryPolicy.timeoutMs),
          headers: {
            "content-type": "application/json",
            "user-agent": userAgent,
            "x-factline-event": d.event,
            "x-factline-delivery": String(d.id),
            [signatureHeader]: await signWebhook(d.secret, d.payload, Math.floor(now / 1000)),
          },
          body: d.payload,
        });
        status = res.status;
        await res.body?.cancel();
        if (!res.ok) error = `HTTP ${res.status}`;
      } catch (err) {
        error = (err as Error).message.slice(0, 500);
      }
      const delivered = error === null;
      const gaveUp = !delivered && attempts >= deliveryPolicy.maxAttempts;
      return {
        id: d.id,
        attempts,
        status,
        error,
        deliveredAt: delivered ? new Date(now).toISOString() : null,
        failedAt: gaveUp ? new Date(now).toISOString() : null,
        nextAttemptAt: new Date(now + (delivered || gaveUp ? 0 : backoffMs(attempts, deliveryPolicy.baseMs, deliveryPolicy.maxMs))).toISOString(),
      };
    }),
  );
  await recordDeliveries(db, outcomes);
  return { sent: outcomes.length, delivered: outcomes.filter((o) => o.deliveredAt).length };
}
