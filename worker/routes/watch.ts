import { Hono } from "hono";
import { watchSettingsInput } from "../../schema/inputs";
import type { AppEnv } from "../env";
import { validate } from "../http/validate";
import { requirePower } from "../middleware/auth";
import { getWatchSettings, listWatch, setWatchSettings } from "../queries/watch";

/** The stealth-edit watch: editors see what it checked; admins set its schedule. */
export const watchRoutes = new Hono<AppEnv>()
  .get("/", requirePower("viewWatch"), async (c) => {
    const db = c.get("db");
    const [settings, items] = await Promise.all([getWatchSettings(db), listWatch(db)]);
    return c.json({ settings, items });
  })
  .put("/settings", requirePower("configureWatch"), validate("json", watchSettingsInput), async (c) =>
    c.json({ settings: await setWatchSettings(c.get("db"), c.req.valid("json"), c.get("user")!.id) }),
  );
