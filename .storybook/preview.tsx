import type { Preview } from "@storybook/react-vite";
// The demo's look, so the stories show the components as the demo app does.
import "../examples/chat/src/styles.css";

/**
 * The toolbar's "Pace" global sets the fake server's milliseconds between events: slow it down to
 * watch a turn stream, or 0 for instant. The stories test sets it to 0.
 */
const preview: Preview = {
  globalTypes: {
    pace: {
      description: "Milliseconds between the fake server's events",
      toolbar: {
        title: "Pace",
        icon: "timer",
        items: [
          { value: "0", title: "Instant (0 ms)" },
          { value: "40", title: "Natural (40 ms)" },
          { value: "150", title: "Slow (150 ms)" },
        ],
        dynamicTitle: true,
      },
    },
  },
  // Strings: toolbar values are strings (renderScenario reads them with Number()).
  initialGlobals: { pace: "40" },
  parameters: { layout: "fullscreen" },
};

export default preview;
