import { Hono } from "hono";
import { z } from "zod";
import { ratingBounds, ratingKeys } from "../../schema/rating-scale";
import type { AppEnv } from "../env";
import { validate } from "../http/validate";
import { requirePower } from "../middleware/auth";
import { currentScale, setRatingLabels } from "../queries/ratings";

const label = z.string().trim().min(1).max(60).nullable().optional();
const labelsInput = z.object({
  version: z.number().int().min(0),
  labels: z.object({ en: label, ru: label, kk: label }).refine((l) => Object.keys(l).length > 0, { message: "Give at least one label." }),
});

export const ratingScaleRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json({ ratings: await currentScale(c.get("db")), bounds: ratingBounds }))
  .patch("/:key", requirePower("rewordScale"), validate("param", z.object({ key: z.enum(ratingKeys) })), validate("json", labelsInput), async (c) => {
    const { version, labels } = c.req.valid("json");
    const ratings = await setRatingLabels(c.get("db"), c.req.valid("param").key, version, labels, c.get("user")!.id);
    return c.json({ ratings, bounds: ratingBounds });
  });
