/** A word's forms by plural category (`one`, `other`, and for some languages `few`, `many`…); `{n}` is the count. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** `plural('en', 1, { one: '{n} section', other: '{n} sections' })` → `1 section`; the count in the language's digits. */
export function plural(language: string, count: number, forms: PluralForms): string {
  const category = new Intl.PluralRules(language).select(count);
  return (forms[category] ?? forms.other).replace('{n}', new Intl.NumberFormat(language).format(count));
}
