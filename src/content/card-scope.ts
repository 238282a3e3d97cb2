/**
 * A view of `el` whose `querySelector(All)` also match `el` itself. Infinite scroll often
 * appends the card element itself; adapters look for cards *inside* the root they get, and
 * passing the parent instead would re-read every sibling card (the whole list) each time.
 */
export function selfAndBelow(el: Element): ParentNode {
  const matchesSelf = (selector: string) => {
    try {
      return el.matches(selector);
    } catch {
      return false; // the descendant query below reports the bad selector as usual
    }
  };
  return new Proxy(el, {
    get(target, prop) {
      if (prop === 'querySelectorAll') return (s: string) => (matchesSelf(s) ? [target, ...target.querySelectorAll(s)] : [...target.querySelectorAll(s)]);
      if (prop === 'querySelector') return (s: string) => (matchesSelf(s) ? target : target.querySelector(s));
      const value: unknown = Reflect.get(target, prop, target);
      // DOM methods must be called on the real node, never on the proxy.
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
