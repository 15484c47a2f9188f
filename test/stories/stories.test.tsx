/**
 * Every story, rendered in jsdom through Storybook's portable stories: its play function runs
 * (it sends the prompt and waits for the state), then the state the story is named after is
 * checked (story-expectations.ts). Stories therefore cannot rot: a hook, a demo component or a
 * scenario that stops producing a state fails here. The fake server's pace is 0.
 */
/// <reference types="vite/client" />
import { cleanup, render } from "@testing-library/react";
import { composeStories, setProjectAnnotations, type composeStory } from "@storybook/react-vite";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import * as preview from "../../.storybook/preview";
import { storyExpectations } from "./story-expectations";

// Vitest's jsdom environment, installed here (before any import runs) instead of by the usual
// environment docblock (naming jsdom there). Why: the stories and the demo components import the
// package by name ("opencode-react", "opencode-react/testing"), which Storybook aliases to src/
// but the root Vite config (the library build's) does not resolve; under the jsdom docblock
// Vitest transforms modules the browser way, where an unresolvable import is a hard error. In
// the default (server-side) transform it is left to run time, where the mocks below answer it.
const jsdom = await vi.hoisted(async () => {
  const { builtinEnvironments } = await import("vitest/runtime");
  return builtinEnvironments.jsdom.setup(globalThis, {});
});
afterAll(async () => {
  // The unmounted stories' feeds close on a timer (and fetch-event-source touches `document` as
  // it stops): let those run while the DOM still exists.
  await new Promise((resolve) => setTimeout(resolve, 250));
  await jsdom.teardown(globalThis);
});

// Run them on the source, as Storybook's alias does (dist/ may be stale or absent).
vi.mock("opencode-react", () => import("../../src/index"));
vi.mock("opencode-react/testing", () => import("../../src/testing/index"));

setProjectAnnotations([preview, { initialGlobals: { pace: "0" } }]);

type StoryModule = Parameters<typeof composeStories>[0];
type ComposedStory = ReturnType<typeof composeStory>;
const modules = import.meta.glob<StoryModule>("../../stories/**/*.stories.tsx", { eager: true });

afterEach(() => cleanup());

const named = Object.entries(modules).flatMap(([file, module]) =>
  Object.entries(composeStories(module) as Record<string, ComposedStory>).map(([name, Story]) => ({ file, name, Story })),
);

it("finds the stories and an expectation for each (and no expectation without a story)", () => {
  expect(named.length).toBeGreaterThanOrEqual(16);
  expect(named.map((s) => s.name).sort()).toEqual(Object.keys(storyExpectations).sort());
});

describe.each(Object.keys(modules))("%s", (file) => {
  for (const { name, Story } of named.filter((s) => s.file === file)) {
    it(`${name} reaches its state`, async () => {
      const { container } = render(<Story />);
      await Story.play?.({ canvasElement: container });
      storyExpectations[name]?.(container);
    });
  }
});
