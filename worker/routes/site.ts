import { Hono } from "hono";
import { aboutInput, tipsQuery } from "../../schema/site-inputs";
import type { AppEnv } from "../env";
import { validate } from "../http/validate";
import { requirePower } from "../middleware/auth";
import { aboutPage, listTips, saveAbout } from "../queries/site";

/** The about page's content (admins) and readers' tips (staff). */
export const siteRoutes = new Hono<AppEnv>()
  .get("/site/about", requirePower("editSitePages"), async (c) => c.json(await aboutPage(c.get("db"))))
  .put("/site/about", requirePower("editSitePages"), validate("json", aboutInput), async (c) => {
    const { version, content } = c.req.valid("json");
    return c.json(await saveAbout(c.get("db"), version, content, c.get("user")!.id));
  })
  .get("/tips", requirePower("readTips"), validate("query", tipsQuery), async (c) => {
    const { limit, offset } = c.req.valid("query");
    return c.json(await listTips(c.get("db"), limit, offset));
  });
