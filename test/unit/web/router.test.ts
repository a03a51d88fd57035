import { describe, expect, it } from "vitest";
import { parseRoute } from "../../../web/src/lib/router";

describe("parseRoute", () => {
  it("maps the empty hash to the dashboard", () => {
    expect(parseRoute("")).toEqual({ name: "dashboard" });
    expect(parseRoute("#/")).toEqual({ name: "dashboard" });
  });

  it("reads an article, and a claim inside it", () => {
    expect(parseRoute("#/articles/12")).toEqual({ name: "article", id: 12, claimId: null });
    expect(parseRoute("#/articles/12/claims/7")).toEqual({ name: "article", id: 12, claimId: 7 });
  });

  it("keeps list filters as query parameters", () => {
    const route = parseRoute("#/queue?state=in_review&order=oldest");
    expect(route.name).toBe("queue");
    expect(route.name === "queue" && route.query.get("order")).toBe("oldest");
  });

  it("refuses ids that are not numbers", () => {
    expect(parseRoute("#/articles/abc")).toEqual({ name: "notFound" });
    expect(parseRoute("#/claims/1x")).toEqual({ name: "notFound" });
  });
});
