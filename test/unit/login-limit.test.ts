import { describe, expect, it } from "vitest";
import { loginLimit, loginRefused } from "../../worker/auth/rate-limit";

const { perAccountClient, perClient, perAccount } = loginLimit;

describe("loginRefused", () => {
  it("refuses an account on a client past its limit there, and a client past its own", () => {
    expect(loginRefused({ accountClient: perAccountClient, client: perAccountClient, account: perAccountClient })).toBe(false);
    expect(loginRefused({ accountClient: perAccountClient + 1, client: perAccountClient + 1, account: perAccountClient + 1 })).toBe(true);
    expect(loginRefused({ accountClient: 1, client: perClient + 1, account: 1 })).toBe(true);
  });

  it("never refuses a client that has not failed on the account, however many others failed on it", () => {
    expect(loginRefused({ accountClient: 1, client: 1, account: perAccount * 100 })).toBe(false);
  });

  it("gives a client that already failed no further try while the account is past its limit", () => {
    expect(loginRefused({ accountClient: 2, client: 2, account: perAccount })).toBe(false);
    expect(loginRefused({ accountClient: 2, client: 2, account: perAccount + 1 })).toBe(true);
  });
});
