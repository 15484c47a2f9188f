import { version } from "react";
import { expect, it } from "vitest";

it("runs against the React line this config selects", () => {
  const expected = process.env.OPENCODE_REACT_EXPECT_MAJOR;
  if (expected !== undefined) expect(version.split(".")[0]).toBe(expected);
  expect(version).toMatch(/^1[89]\./);
});
