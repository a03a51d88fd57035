import type { Role } from "../schema/enums";
import type { Db } from "./db";

/** The signed-in staff member, as every route sees them. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** How this request proved who it is: cookie sessions need CSRF checks, bearer tokens do not. */
  via: "session" | "token";
  /** The session or API token this request came with (the live desks re-check it while a socket is open). */
  sessionId?: number;
  tokenId?: number;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    db: Db;
    user: SessionUser | null;
    /** Set by middleware/observe.ts: the D1 middleware hands it its round-trip counter. */
    observe?: { countRoundTrips: (count: () => number) => void };
  };
}
