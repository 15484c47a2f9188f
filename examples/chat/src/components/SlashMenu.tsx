import { useCommands } from "opencode-react";

/** The "/" menu: commands whose name starts with what follows the slash. */
export function SlashMenu({ text, onPick }: { text: string; onPick: (name: string) => void }) {
  const typed = /^\/(\S*)$/.exec(text)?.[1];
  const { data: commands = [] } = useCommands({ enabled: typed !== undefined });
  if (typed === undefined) return null;
  const matches = commands.filter((command) => command.name.startsWith(typed)).slice(0, 8);
  if (matches.length === 0) return null;
  return (
    <ul className="menu" role="listbox" aria-label="Commands">
      {matches.map((command) => (
        <li key={command.name} role="option" aria-selected={false}>
          <button type="button" onMouseDown={(event) => (event.preventDefault(), onPick(command.name))}>
            <strong>/{command.name}</strong> <span>{command.description ?? ""}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
