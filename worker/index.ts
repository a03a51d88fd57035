import { Hono } from "hono";
const app = new Hono<{ Bindings: Env }>().get("/api/health", (c) => c.json({ ok: true }));
export default app;
