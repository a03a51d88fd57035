/** Who is signed in, shared by the views. */
import type { Me, UserItem } from "./lib/api";
import { api, unwrap } from "./lib/api";

let me: Me | null = null;
let users: Promise<UserItem[]> | null = null;

/** The signed-in user; views are only rendered once there is one. */
export const currentUser = () => me!;

/** Ask the server who we are; null when not signed in. */
export async function loadMe(): Promise<Me | null> {
  try {
    me = (await unwrap(api.auth.me.$get())).user;
  } catch {
    me = null;
  }
  return me;
}

/** Remember the user after a login. */
export function setMe(user: Me | null) {
  me = user;
  users = null;
}

/** Staff accounts (for names in history and for assignment), fetched once per session. */
export function staff(): Promise<UserItem[]> {
  users ??= unwrap(api.users.$get()).then((r) => r.items).catch(() => []);
  return users;
}
