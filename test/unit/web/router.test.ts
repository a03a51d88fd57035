import { describe, expect, it } from "vitest";
import { isPublicRoute, loginHash, parseRoute } from "../../../web/src/lib/router";

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

describe("parseRoute: accounts and re-anchoring", () => {
  it("reads an invitation token, and refuses one that is not base64url", () => {
    const token = "Abc_def-0123456789xyzABCDEFGH";
    expect(parseRoute(`#/invite/${token}`)).toEqual({ name: "invite", token });
    expect(parseRoute("#/invite/short")).toEqual({ name: "notFound" });
    expect(parseRoute("#/invite/has%20space-and-more-than-20")).toEqual({ name: "notFound" });
  });

  it("reads the login route with the email an invitation filled in", () => {
    expect(parseRoute(loginHash("new.checker+1@factline.local"))).toEqual({ name: "login", email: "new.checker+1@factline.local" });
    expect(parseRoute("#/login")).toEqual({ name: "login", email: null });
  });

  it("reads the users, account and needs-attention screens", () => {
    expect(parseRoute("#/admin/users")).toEqual({ name: "adminUsers" });
    expect(parseRoute("#/account")).toEqual({ name: "account" });
    expect(parseRoute("#/flagged")).toEqual({ name: "flagged" });
    expect(parseRoute("#/admin")).toEqual({ name: "notFound" });
  });

  it("lets only login and invitations through without a session", () => {
    expect(isPublicRoute({ name: "login", email: null })).toBe(true);
    expect(isPublicRoute({ name: "invite", token: "x".repeat(20) })).toBe(true);
    expect(isPublicRoute({ name: "adminUsers" })).toBe(false);
    expect(isPublicRoute({ name: "dashboard" })).toBe(false);
  });
});
