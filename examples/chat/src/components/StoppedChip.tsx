import { Icon } from "./Icon";

/** A turn the user stopped: not an error, so not red. */
export function StoppedChip() {
  return (
    <span className="chip" data-testid="stopped">
      <Icon name="stop" size={10} /> Stopped
    </span>
  );
}
