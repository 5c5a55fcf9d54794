/** A word's forms by plural category (`one`, `other`, and for some languages `few`, `many`…); `{n}` is the count. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** `plural('en', 1, { one: '{n} section', other: '{n} sections' })` → `1 section`; the count in the language's digits. */
export function plural(language: string, count: number, forms: PluralForms): string {
  const { rules, numbers } = formatters(language);
  return (forms[rules.select(count)] ?? forms.other).replace('{n}', numbers.format(count));
}

// Building Intl formatters costs far more than using one: pages call plural() thousands of times.
const cache = new Map<string, { rules: Intl.PluralRules; numbers: Intl.NumberFormat }>();
function formatters(language: string): { rules: Intl.PluralRules; numbers: Intl.NumberFormat } {
  let found = cache.get(language);
  if (!found) {
    found = { rules: new Intl.PluralRules(language), numbers: new Intl.NumberFormat(language) };
    cache.set(language, found);
  }
  return found;
}
