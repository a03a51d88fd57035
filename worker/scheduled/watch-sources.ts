import type { Db } from "../db";
import { parseArticle } from "../domain/article-parse";
import { paragraphsToText } from "../../schema/text/paragraphs";
import { backoffMs } from "../domain/backoff";
import { getArticleWithRevision, reviseArticle } from "../queries/revisions";
import { dueForWatch, getWatchSettings, recordWatch, type WatchRecord } from "../queries/watch";
import { readableText } from "./readable-text";

/** Politeness: one request a host a run, a timeout, a size cap; failures back off up to a week. */
export const watchPolicy = { perHostPerRun: 1, timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxBackoffMs: 7 * 24 * 3600_000 };

export interface WatchRunResult {
  checked: number;
  unchanged: number;
  revised: number[];
  failed: number;
}

/**
 * The stealth-edit watch (from the Cron Trigger): re-fetch the source page of each watched article that
 * is due, at most `maxFetchesPerRun`, and when its readable text changed, save it as a new revision
 * through the same code as PUT /api/articles/:id, which re-anchors the claims and flags what needs a person.
 */
export async function watchSources(db: Db, now: number, userAgent: string): Promise<WatchRunResult> {
  const settings = await getWatchSettings(db);
  const result: WatchRunResult = { checked: 0, unchanged: 0, revised: [], failed: 0 };
  if (!settings.enabled) return result;
  const interval = settings.intervalMinutes * 60_000;
  const candidates = await dueForWatch(db, new Date(now).toISOString(), settings.maxFetchesPerRun * 4);
  const perHost = new Map<string, number>();
  for (const article of candidates) {
    if (result.checked >= settings.maxFetchesPerRun) break;
    const host = new URL(article.sourceUrl!).host;
    if ((perHost.get(host) ?? 0) >= watchPolicy.perHostPerRun) continue;
    perHost.set(host, (perHost.get(host) ?? 0) + 1);
    result.checked++;
    const record: WatchRecord = { checkedAt: new Date(now).toISOString(), etag: article.etag, lastModified: article.lastModified, failures: 0, lastError: null };
    try {
      const res = await fetch(article.sourceUrl!, {
        headers: {
          "user-agent": userAgent,
          accept: "text/html,application/xhtml+xml",
          ...(article.etag ? { "if-none-match": article.etag } : {}),
          ...(article.lastModified ? { "if-modified-since": article.lastModified } : {}),
        },
        signal: AbortSignal.timeout(watchPolicy.timeoutMs),
      });
      record.lastStatus = res.status;
      if (res.status === 304) {
        result.unchanged++;
      } else if (!res.ok) {
        await res.body?.cancel();
        throw new Error(`HTTP ${res.status}`);
      } else {
        if (Number(res.headers.get("content-length") ?? 0) > watchPolicy.maxBytes) {
          await res.body?.cancel();
          throw new Error("page larger than 5 MB");
        }
        record.etag = res.headers.get("etag");
        record.lastModified = res.headers.get("last-modified");
        const page = await readableText(res);
        const paragraphs = parseArticle([page.title ?? "", ...page.lines].join("\n"), "text").paragraphs;
        const { revision } = await getArticleWithRevision(db, article.id);
        if (paragraphs.length === 0 || paragraphsToText(paragraphs) === revision.text) {
          result.unchanged++;
        } else {
          await reviseArticle(db, article.id, paragraphs, null, null);
          record.changedAt = record.checkedAt;
          result.revised.push(article.id);
        }
      }
      record.nextCheckAt = new Date(now + interval).toISOString();
    } catch (err) {
      result.failed++;
      record.failures = (article.failures ?? 0) + 1;
      record.lastError = (err as Error).message.slice(0, 500);
      record.nextCheckAt = new Date(now + Math.max(interval, backoffMs(record.failures, interval, watchPolicy.maxBackoffMs))).toISOString();
    }
    await recordWatch(db, article.id, record);
  }
  return result;
}
