import { Hono } from "hono";
import { z } from "zod";
import { idParam } from "../../schema/inputs";
import type { AppEnv } from "../env";
import { validate } from "../http/validate";
import { articleDesk, reviewDesk } from "../live/notify";
import { forwardToDesk, joinDesk } from "../live/upgrade";
import { getArticleWithRevision } from "../queries/revisions";

/** `since`: the last sequence number the client saw on this desk, when it reconnects. */
const liveQuery = z.object({ since: z.coerce.number().int().min(0).optional() });

/** The live desks' WebSocket endpoints (the desks themselves are in worker/live/). */
export const liveRoutes = new Hono<AppEnv>()
  .get("/articles/:id/live", validate("param", idParam), validate("query", liveQuery), async (c) => {
    const member = joinDesk(c, "article");
    const { id } = c.req.valid("param");
    await getArticleWithRevision(c.get("db"), id);
    return forwardToDesk(articleDesk(c.env, id), member, c.req.valid("query").since);
  })
  .get("/queue/live", validate("query", liveQuery), async (c) => forwardToDesk(reviewDesk(c.env), joinDesk(c, "queue"), c.req.valid("query").since));
