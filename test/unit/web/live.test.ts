import { describe, expect, it } from "vitest";
import type { PresenceEntry } from "../../../schema/live";
import { panelReaction } from "../../../web/src/live/claim-change";
import { reconnectDelay } from "../../../web/src/live/socket";
import { othersHere } from "../../../web/src/live/status-bar";

describe("reconnectDelay", () => {
  it("doubles from about a second to at most about thirty, with jitter either side", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 10].map((n) => reconnectDelay(n, mid))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(reconnectDelay(1, () => 0)).toBe(750);
    expect(reconnectDelay(1, () => 0.999)).toBeLessThanOrEqual(1250);
  });
});

describe("panelReaction", () => {
  it("ignores a change the panel already has (its own save, or older)", () => {
    expect(panelReaction({ type: "claim.updated", version: 3 }, { version: 3, typing: false })).toBe("ignore");
    expect(panelReaction({ type: "claim.updated", version: 2 }, { version: 3, typing: true })).toBe("ignore");
  });
  it("reloads a newer version when nothing is typed, and only says so when something is", () => {
    expect(panelReaction({ type: "claim.updated", version: 4 }, { version: 3, typing: false })).toBe("reload");
    expect(panelReaction({ type: "claim.transitioned", version: 4 }, { version: 3, typing: true })).toBe("notice");
  });
  it("treats comments and deletions as news whatever the version", () => {
    expect(panelReaction({ type: "comment.created", version: 3 }, { version: 3, typing: false })).toBe("reload");
    expect(panelReaction({ type: "claim.deleted", version: 3 }, { version: 3, typing: true })).toBe("notice");
  });
});

describe("othersHere", () => {
  const entry = (connection: string, userId: number, name: string, openClaim: number | null = null): PresenceEntry => ({ connection, userId, name, initials: name[0], openClaim, selection: null });
  it("leaves me out (every tab of mine), shows each other person once, preferring the tab with a claim open", () => {
    const people = [entry("a", 1, "Me"), entry("b", 1, "Me"), entry("c", 2, "Zed"), entry("d", 3, "Ann"), entry("e", 3, "Ann", 9)];
    expect(othersHere(people, "a", 1).map((p) => [p.userId, p.openClaim])).toEqual([[3, 9], [2, null]]);
  });
});
