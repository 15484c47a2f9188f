/**
 * opencode-react/testing/library: `renderWithOpencode`, Testing Library's `render` with the fake
 * server and provider around the UI. Its own entry because it imports `@testing-library/react`
 * (an optional peer): `opencode-react/testing` and `opencode-react/testing/react` never do.
 * @example
 * import { renderWithOpencode } from "opencode-react/testing/library";
 * const { fake, getByRole } = renderWithOpencode(<Chat sessionId={id} />);
 * @packageDocumentation
 */
export { renderWithOpencode } from "./render-with-opencode";
export type { RenderWithOpencodeOptions, RenderWithOpencodeResult } from "./render-with-opencode";
