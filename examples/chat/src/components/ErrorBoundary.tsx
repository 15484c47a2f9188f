import { Component, type ReactNode } from "react";
import { ErrorNotice } from "./ErrorNotice";

interface State {
  error: Error | null;
}

/** A render crash shows as a readable notice with a way out, not as a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="empty">
        <ErrorNotice error={{ title: "Something broke while showing this chat", detail: error.message }}>
          <button className="btn btn-ghost" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </ErrorNotice>
      </div>
    );
  }
}
