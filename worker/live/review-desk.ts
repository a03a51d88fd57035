import type { LiveEvent } from "../../schema/live";
import { Desk, type SocketState } from "./desk";

/**
 * The review queue's desk (one, idFromName("queue")): every committed claim change, for the queue and
 * the dashboard. Editors get them all; anyone else only changes to claims they wrote or are assigned
 * (their badge), and revisions (which can flag any claim). It keeps no presence and takes no messages.
 */
export class ReviewDesk extends Desk {
  protected readonly desk = "queue" as const;

  protected receives(state: SocketState, event: LiveEvent): boolean {
    if (state.scope === "all" || event.type === "article.revised") return true;
    return event.authorId === state.id || event.assigneeId === state.id;
  }
}
