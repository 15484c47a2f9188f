import { useFindFiles } from "opencode-react";

/** The "@" in progress at the end of the text ("fix @src/ap" -> "src/ap"), if any. */
export function mentionAt(text: string): string | undefined {
  return /(?:^|\s)@([^\s@]*)$/.exec(text)?.[1];
}

/** @file autocomplete: fuzzy project paths for the mention being typed (previous results stay while typing). */
export function MentionMenu({ text, onPick }: { text: string; onPick: (path: string) => void }) {
  const query = mentionAt(text);
  const { data: paths = [] } = useFindFiles(query, { limit: 8, type: "file" });
  if (query === undefined || query === "" || paths.length === 0) return null;
  return (
    <ul className="menu" role="listbox" aria-label="Files">
      {paths.map((path) => (
        <li key={path} role="option" aria-selected={false}>
          <button type="button" onMouseDown={(event) => (event.preventDefault(), onPick(path))}>
            @{path}
          </button>
        </li>
      ))}
    </ul>
  );
}
