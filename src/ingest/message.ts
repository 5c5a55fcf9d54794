/**
 * A diagnostic about one document, shaped like a vfile message: it names the
 * file and the 1-based line, says what was found and what was expected, and
 * carries a stable rule id that tests and users can grep for.
 */
export interface DossierMessage {
  /** What was found and what was expected. */
  reason: string;
  /** Path of the document, relative to the documents folder. */
  file: string;
  /** 1-based line, or undefined when the message is about the whole file. */
  line?: number;
  /** Stable id of the rule, kebab-case. */
  ruleId: string;
  /** A fatal message skips its document; others are warnings. */
  fatal: boolean;
}

/** `raw/budget.txt:3: Expected a `Published:` line … [missing-published]` */
export function formatMessage(message: DossierMessage): string {
  const place = message.line === undefined ? message.file : `${message.file}:${message.line}`;
  const level = message.fatal ? 'error' : 'warning';
  return `${place}: ${level}: ${message.reason} [${message.ruleId}]`;
}

/** Collects messages for one file, so parsers never need to repeat the path. */
export function messageCollector(file: string) {
  const messages: DossierMessage[] = [];
  return {
    messages,
    warn(reason: string, ruleId: string, line?: number): void {
      messages.push({ reason, file, line, ruleId, fatal: false });
    },
    fail(reason: string, ruleId: string, line?: number): void {
      messages.push({ reason, file, line, ruleId, fatal: true });
    },
  };
}
export type MessageCollector = ReturnType<typeof messageCollector>;
