import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../env";

/** The cookie that carries a staff member's D1 bookmark from one API request to the next. */
export const bookmarkCookie = "factline_d1_bookmark";
const plausibleBookmark = /^[0-9a-f-]{16,128}$/i;

/**
 * A D1 Sessions API session for an API request (read replicas). It starts at the bookmark the client
 * last saw, so a user always reads their own writes however far a replica lags; without one, any
 * replica will do. Without replicas (and in local workerd) D1 answers from the primary all the same.
 */
export function openD1Session(c: Context<AppEnv>) {
  const sent = getCookie(c, bookmarkCookie);
  const bookmark = sent && plausibleBookmark.test(sent) ? sent : null;
  const session = c.env.DB.withSession(bookmark ?? "first-unconstrained");
  return {
    d1: session as unknown as D1Database,
    /** Hand the newest bookmark back to a signed-in client; the public gets no cookie. */
    finish(signedIn: boolean) {
      const latest = session.getBookmark();
      if (signedIn && latest && latest !== bookmark) {
        setCookie(c, bookmarkCookie, latest, { httpOnly: true, secure: true, sameSite: "Lax", path: "/api" });
      }
    },
  };
}
