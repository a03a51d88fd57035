/** What every view returns: how to tear it down, and optionally how to follow a route change without re-rendering. */
import type { Route } from "../lib/router";

export interface ViewHandle {
  destroy?(): void;
  /** Return true when the view took the new route itself. */
  update?(route: Route): boolean;
}
