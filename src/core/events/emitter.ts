/** A set of callbacks of one kind (errors, reconnects, status changes). */
export interface Emitter<T> {
  /** Adds a callback; returns the function that removes it (safe to call twice). */
  on(listener: (value: T) => void): () => void;
  /** Calls every callback; one that throws is handed to `onListenerError` and the rest still run. */
  emit(value: T, onListenerError?: (error: unknown) => void): void;
}

/**
 * Creates an {@link Emitter}. Callbacks added during an emit wait for the next one.
 * @example const errors = createEmitter<Error>(); const off = errors.on(console.warn); errors.emit(new Error("x"))
 */
export function createEmitter<T>(): Emitter<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    on(listener) {
      // Wrapped so adding the same function twice gives two independent registrations.
      const entry = (value: T): void => listener(value);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    emit(value, onListenerError) {
      for (const listener of [...listeners]) {
        try {
          listener(value);
        } catch (error) {
          onListenerError?.(error);
        }
      }
    },
  };
}
