/** A promise settled by hand, for a request or answer the test keeps in flight. */

/** The promise and the functions that settle it. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

/**
 * A promise settled by hand: an answer still in flight until the test says so.
 * @example
 * const list = deferred<Item[]>();
 * client.messages.list = () => list.promise;
 * list.resolve([]); // the request answers now
 */
export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
