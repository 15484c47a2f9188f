// Type-resolution shim (see package.json): the demo imports "opencode-react" like an app would,
// and typechecks against the package source, not dist/.
export * from "../../src/index";
