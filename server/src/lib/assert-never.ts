/**
 * The end of every `switch` over a union: a case left out is a compile error (the value is not
 * `never`), and a value no case knows at run time (data cast from outside the type system) throws
 * instead of being silently treated as "does not apply".
 */
export function assertNever(value: never, what = 'value'): never {
  let shown: string;
  try {
    shown = JSON.stringify(value);
  } catch {
    shown = String(value);
  }
  throw new Error(`Unhandled ${what}: ${shown}`);
}
