import { fileURLToPath } from "node:url";
import type { StorybookConfig } from "@storybook/react-vite";

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * Storybook for opencode-react: every state a chat UI meets, on the fake server of
 * `opencode-react/testing`. Stories run the package from SOURCE ("opencode-react*" aliased to
 * src/), and the Vite config is .storybook/vite.config.ts rather than the root one, whose library
 * build settings (externalised React, lib entries) are wrong for an app bundle.
 */
const config: StorybookConfig = {
  stories: ["../stories/**/*.stories.tsx"],
  framework: { name: "@storybook/react-vite", options: {} },
  core: {
    builder: { name: "@storybook/builder-vite", options: { viteConfigPath: here("./vite.config.ts") } },
    // No network beyond the package registry here (and nothing to report from a fake server).
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  // Stories document states, not props: skipping docgen keeps the build fast.
  typescript: { reactDocgen: false },
};

export default config;
