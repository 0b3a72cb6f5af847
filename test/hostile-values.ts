// Values that cannot be read, written back or quoted: what a property may be handed in JavaScript.
// Each maker returns a fresh value, so a test can hand the same kind over twice.

/** A Proxy revoked before use: every operation on it throws, even Array.isArray and instanceof. */
export function revokedObject(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** A revoked Proxy of an array. */
export function revokedArray(): unknown[] {
  const { proxy, revoke } = Proxy.revocable([] as unknown[], {});
  revoke();
  return proxy;
}

/** A revoked Proxy of a function: `typeof` says "function", calling it throws. */
export function revokedFunction(): (t: number) => string {
  const { proxy, revoke } = Proxy.revocable(() => 'red', {});
  revoke();
  return proxy;
}

/** An object every property read of which throws (also toJSON, toString and Symbol.toPrimitive). */
export function throwingObject(): object {
  return new Proxy(
    {},
    {
      get() {
        throw new Error('getter throws');
      },
    },
  );
}

/** A plain object whose toString and valueOf throw. */
export const throwingToString = () => ({
  toString(): string {
    throw new Error('toString throws');
  },
  valueOf(): number {
    throw new Error('valueOf throws');
  },
});

/** An object that contains itself. */
export function circular(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const value: Record<string, unknown> = { ...extra };
  value.self = value;
  return value;
}

/** An array whose entry at `index` throws when read. */
export function throwingEntry<T>(items: T[], index: number): T[] {
  const copy = [...items];
  Object.defineProperty(copy, index, {
    get() {
      throw new Error(`entry ${index} throws`);
    },
  });
  return copy;
}

/** An array whose length throws when read (a Proxy over an array, so Array.isArray still says yes). */
export function throwingLength<T>(items: T[]): T[] {
  return new Proxy(items, {
    get(target, key, receiver) {
      if (key === 'length') throw new Error('length throws');
      return Reflect.get(target, key, receiver);
    },
  });
}

/** Nested arrays `depth` deep: JSON.stringify of it overflows the stack. */
export function deeplyNested(depth: number): unknown[] {
  let value: unknown[] = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** An interpolator that gives a colour at t = 0.5 only and throws elsewhere. */
export const onlyAtHalf = (t: number) => {
  if (t !== 0.5) throw new RangeError(`no colour at ${t}`);
  return '#ffffbf';
};
