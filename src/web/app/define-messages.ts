/**
 * Messages of one feature in both languages side by side. The English object must have exactly the keys of the
 * Chinese one (checked by the compiler), so no label can be left untranslated.
 */
export type MessageTree = { readonly [key: string]: string | MessageTree };
export type SameShape<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };

export const defineMessages = <T extends MessageTree>(zh: T, en: SameShape<T>) =>
  ({ 'zh-CN': zh, en }) as const;
