/**
 * A named list other modules add to, so the module that reads it imports none of them
 * (e.g. "case registered" handlers: the visit module opens a field visit). The owner
 * declares the point; `Hooks.add` fills it; the owner reads it with `Hooks.list`.
 */
export class ExtensionPoint<T> {
  declare readonly _item: T;
  constructor(readonly name: string) {}
}
