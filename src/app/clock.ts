/** The only source of "now" for use-cases; tests pass a controllable one (STYLE.md: no hidden clocks). */
export type Clock = { readonly now: () => Date };

export const systemClock: Clock = { now: () => new Date() };
