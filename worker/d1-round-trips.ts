/**
 * Counts a request's D1 round trips (each statement run, each batch, each exec), so tests and the
 * benchmark can hold a page to its budget. Statements are proxied; batches get the real ones back.
 */
export function countingD1(d1: D1Database): { d1: D1Database; roundTrips: () => number } {
  let count = 0;
  const originals = new WeakMap<object, D1PreparedStatement>();
  const runners = new Set(["first", "all", "run", "raw"]);
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (prop === "bind") return (...args: unknown[]) => wrap(target.bind(...args));
        if (typeof prop === "string" && runners.has(prop)) {
          return (...args: unknown[]) => {
            count++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    originals.set(proxy, statement);
    return proxy;
  };
  const proxy = new Proxy(d1, {
    get(target, prop) {
      if (prop === "prepare") return (query: string) => wrap(target.prepare(query));
      if (prop === "batch") {
        return (statements: D1PreparedStatement[]) => {
          count++;
          return target.batch(statements.map((s) => originals.get(s) ?? s));
        };
      }
      if (prop === "exec") {
        return (query: string) => {
          count++;
          return target.exec(query);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { d1: proxy, roundTrips: () => count };
}
