import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("deployed configuration", () => {
  const toml = readFileSync("wrangler.toml", "utf8");
  it("declares ENVIRONMENT = production, so a deployed worker refuses demo accounts", () => {
    const vars = toml.slice(toml.indexOf("[vars]"));
    expect(vars).toMatch(/^ENVIRONMENT = "production"$/m);
  });
  it("keeps .dev.vars (which marks local development) out of git", () => {
    expect(readFileSync(".gitignore", "utf8")).toMatch(/^\.dev\.vars$/m);
  });
});
