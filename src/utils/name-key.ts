/**
 * The key under which two spellings of one name meet: case, spacing, hyphens,
 * dots and the accents of Latin, Greek and Cyrillic letters do not count
 * (`Lee Whan-chul` = `Lee Whan Chul`, `José` = `Jose`). Other scripts keep
 * their marks: Japanese voicing marks change the name.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu, '')
    .normalize('NFC')
    .toLocaleLowerCase('en')
    .replace(/[\s\-‐‑.’'·・]+/gu, '');
}
