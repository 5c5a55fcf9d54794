const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * A URL with no scheme is relative; one with a scheme must be a known-safe
 * one. Browsers drop tabs, newlines and other controls inside a URL
 * (`java\tscript:`), so the scheme is read with them removed.
 */
export function isSafeUrl(url: string): boolean {
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url.replace(/[\p{Cc}\s]/gu, ''));
  return !scheme || SAFE_SCHEMES.has(scheme[1]!.toLowerCase());
}
