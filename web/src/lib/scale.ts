/** The rating scale with the labels admins set (GET /api/rating-scale); the built-in one until it loads. */
import { ratingScale, type Scale } from "../../../schema/rating-scale";
import { api, unwrap } from "./api";

let current: Scale = ratingScale;

/** The scale in force. */
export const scale = (): Scale => current;

/** Fetch the scale once per page load; on failure the built-in labels stay, which are never wrong, only unreworded. */
export async function loadScale(): Promise<void> {
  try {
    current = (await unwrap(api["rating-scale"].$get())).ratings as Scale;
  } catch {
    current = ratingScale;
  }
}
