import { and, desc, eq, isNull, lte, sql } from "drizzle-orm";
import { webhookDeliveries, webhooks } from "../../schema/tables";
import { randomToken } from "../auth/crypto";
import type { Db } from "../db";
import { apiError } from "../http/errors";
import { auditInsert } from "./audit";

/** The events webhooks receive. */
export const webhookEvents = { publish: "claim.published", correct: "claim.corrected", retract: "claim.retracted" } as const;
export type WebhookEvent = (typeof webhookEvents)[keyof typeof webhookEvents];

/** A webhook as the API shows it: never its secret. */
const shown = { id: webhooks.id, url: webhooks.url, description: webhooks.description, createdAt: webhooks.createdAt, disabledAt: webhooks.disabledAt };

export function listWebhooks(db: Db) {
  return db.select(shown).from(webhooks).orderBy(webhooks.id);
}

/** Register a webhook; its secret is returned this once. */
export async function createWebhook(db: Db, input: { url: string; description?: string | null }, actorId: number) {
  const secret = `whsec_${randomToken()}`;
  const [[webhook]] = await db.batch([
    db.insert(webhooks).values({ url: input.url, description: input.description ?? null, secret, createdBy: actorId }).returning(shown),
    auditInsert(db, { actorId, action: "webhook.create", entityType: "webhook", entityId: sql`(select max(id) from webhooks)`, after: { url: input.url } }),
  ]);
  return { webhook, secret };
}

/** Stop a webhook: no new events are queued for it, and what is queued is not sent. */
export async function disableWebhook(db: Db, id: number, actorId: number) {
  const [updated] = await db.batch([
    db.update(webhooks).set({ disabledAt: new Date().toISOString() }).where(and(eq(webhooks.id, id), isNull(webhooks.disabledAt))).returning({ id: webhooks.id }),
    auditInsert(db, { actorId, action: "webhook.disable", entityType: "webhook", entityId: id }),
  ]);
  if (updated.length === 0) throw apiError(404, "not_found", `There is no active webhook ${id}.`);
}

/** The latest deliveries of one webhook. */
export function listDeliveries(db: Db, webhookId: number, limit = 50) {
  return db
    .select({
      id: webhookDeliveries.id,
      event: webhookDeliveries.event,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      deliveredAt: webhookDeliveries.deliveredAt,
      failedAt: webhookDeliveries.failedAt,
      lastStatus: webhookDeliveries.lastStatus,
      lastError: webhookDeliveries.lastError,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
}

/** The outbox insert for one event, one row per active webhook: put it in the batch of the change itself. */
export function queueWebhookEvent(db: Db, event: WebhookEvent, payload: unknown) {
  const body = JSON.stringify(payload);
  const now = new Date().toISOString();
  return db.insert(webhookDeliveries).select(
    db
      .select({
        id: sql<number>`null`.as("id"),
        webhookId: webhooks.id,
        event: sql<string>`${event}`.as("event"),
        payload: sql<string>`${body}`.as("payload"),
        attempts: sql<number>`0`.as("attempts"),
        nextAttemptAt: sql<string>`${now}`.as("next_attempt_at"),
        deliveredAt: sql<null>`null`.as("delivered_at"),
        failedAt: sql<null>`null`.as("failed_at"),
        lastStatus: sql<null>`null`.as("last_status"),
        lastError: sql<null>`null`.as("last_error"),
        createdAt: sql<string>`${now}`.as("created_at"),
      })
      .from(webhooks)
      .where(isNull(webhooks.disabledAt)),
  );
}

/** Deliveries due at `now` to active webhooks, oldest first. */
export function dueDeliveries(db: Db, now: string, limit: number) {
  return db
    .select({ id: webhookDeliveries.id, event: webhookDeliveries.event, payload: webhookDeliveries.payload, attempts: webhookDeliveries.attempts, url: webhooks.url, secret: webhooks.secret })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(and(isNull(webhookDeliveries.deliveredAt), isNull(webhookDeliveries.failedAt), isNull(webhooks.disabledAt), lte(webhookDeliveries.nextAttemptAt, now)))
    .orderBy(webhookDeliveries.id)
    .limit(limit);
}

export interface DeliveryOutcome {
  id: number;
  attempts: number;
  status: number | null;
  error: string | null;
  deliveredAt: string | null;
  failedAt: string | null;
  nextAttemptAt: string;
}

/** Record what one run of the delivery did, in one batch. */
export async function recordDeliveries(db: Db, outcomes: DeliveryOutcome[]) {
  if (outcomes.length === 0) return;
  const [first, ...rest] = outcomes.map((o) =>
    db
      .update(webhookDeliveries)
      .set({ attempts: o.attempts, lastStatus: o.status, lastError: o.error, deliveredAt: o.deliveredAt, failedAt: o.failedAt, nextAttemptAt: o.nextAttemptAt })
      .where(eq(webhookDeliveries.id, o.id)),
  );
  await db.batch([first, ...rest]);
}
