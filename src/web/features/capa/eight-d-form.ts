/**
 * Form values of an 8D section as the API takes them: strings trimmed, empty strings, nulls and empty rows left out
 * (every field of a draft is optional, so an emptied field is simply absent).
 */
export const cleanSectionContent = (value: unknown): unknown => {
  if (typeof value === 'string') {
    const s = value.trim();
    return s === '' ? undefined : s;
  }
  if (Array.isArray(value)) {
    const items = value.map(cleanSectionContent).filter((v) => v !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, cleanSectionContent(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value ?? undefined;
};

const SPECIAL: Record<string, string> = {
  '(section)': 'detail.notFilled',
  'actions(addresses: occurrence)': 'field.coversOccurrence',
  'actions(addresses: escape)': 'field.coversEscape',
};

/**
 * A missing-field path of the completeness check (`fiveW2H.where`, `actions[0].owner`) in words:
 * "5W2H · Where", "Action 1 · Owner".
 */
export const describeMissingField = (path: string, t: (key: string) => string): string => {
  const special = SPECIAL[path];
  if (special) return t(special);
  return path
    .split('.')
    .map((part) => {
      const m = /^(\w+)\[(\d+)\]$/.exec(part);
      return m ? `${t(`field.${m[1]}`)} ${Number(m[2]) + 1}` : t(`field.${part}`);
    })
    .join(' · ');
};
