import { Hono } from "hono";
import { idParam, webhookCreateInput } from "../../schema/inputs";
import type { AppEnv } from "../env";
import { validate } from "../http/validate";
import { requirePower } from "../middleware/auth";
import { createWebhook, disableWebhook, listDeliveries, listWebhooks } from "../queries/webhooks";

/** Admins register where publish, correct and retract events go; see README "Webhooks" for the signature. */
export const webhookRoutes = new Hono<AppEnv>()
  .use(requirePower("manageWebhooks"))
  .get("/", async (c) => c.json({ items: await listWebhooks(c.get("db")) }))
  .post("/", validate("json", webhookCreateInput), async (c) => {
    const { webhook, secret } = await createWebhook(c.get("db"), c.req.valid("json"), c.get("user")!.id);
    // The secret is shown this once; the API never returns it again.
    return c.json({ webhook, secret }, 201);
  })
  .delete("/:id", validate("param", idParam), async (c) => {
    await disableWebhook(c.get("db"), c.req.valid("param").id, c.get("user")!.id);
    return c.body(null, 204);
  })
  .get("/:id/deliveries", validate("param", idParam), async (c) => c.json({ items: await listDeliveries(c.get("db"), c.req.valid("param").id) }));
