/**
 * Wraps a handler that acts (opens, submits) so that it runs only for events the browser
 * raised from real user input. Our shadow root is open on purpose (automation hooks), so
 * page scripts can reach it and dispatch events; those are never trusted.
 */
export function onTrusted<E extends Event>(handler: (e: E) => void): (e: E) => void {
  return (e) => {
    if (e.isTrusted !== true) return;
    handler(e);
  };
}
