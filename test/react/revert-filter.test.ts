import { describe, expect, it } from "vitest";
import { hideRevertedMessages, isReverted } from "../../src/react/revert-filter";

const m = (id: string, parts: string[] = []) => ({ info: { id }, parts: parts.map((p) => ({ id: p })) });
const list = [m("msg_1", ["prt_1"]), m("msg_2", ["prt_2"]), m("msg_3", ["prt_3", "prt_4", "prt_5"]), m("msg_4", ["prt_6"])];

describe("hideRevertedMessages", () => {
  it("without a marker returns the same list", () => {
    expect(hideRevertedMessages(list, undefined)).toBe(list);
    expect(hideRevertedMessages(list, null)).toBe(list);
  });

  it("hides the reverted message and everything after it", () => {
    expect(hideRevertedMessages(list, { messageID: "msg_3" }).map((x) => x.info.id)).toEqual(["msg_1", "msg_2"]);
    expect(isReverted("msg_4", { messageID: "msg_3" })).toBe(true);
    expect(isReverted("msg_2", { messageID: "msg_3" })).toBe(false);
  });

  it("with a partID keeps the parts of that message before the part", () => {
    const shown = hideRevertedMessages(list, { messageID: "msg_3", partID: "prt_4" });
    expect(shown.map((x) => [x.info.id, x.parts.map((p) => p.id)])).toEqual([
      ["msg_1", ["prt_1"]],
      ["msg_2", ["prt_2"]],
      ["msg_3", ["prt_3"]],
    ]);
    expect(hideRevertedMessages(list, { messageID: "msg_3", partID: "prt_3" }).map((x) => x.info.id)).toEqual(["msg_1", "msg_2"]);
  });
});
