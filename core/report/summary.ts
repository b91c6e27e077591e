/**
 * Markdown building blocks for job summaries. Gates build plain strings so the same text serves
 * the runner's summary file, the CLI and tests.
 */
const CELL_ESCAPES: Record<string, string> = { '|': '\\|', '\n': '<br>', '\r': '', '<': '&lt;', '>': '&gt;' };

export function escapeCell(text: string): string {
  return text.replace(/[|\n\r<>]/g, (ch) => CELL_ESCAPES[ch] ?? ch);
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = `| ${headers.map(escapeCell).join(' | ')} |`;
  const rule = `| ${headers.map(() => '---').join(' | ')} |`;
  const body = rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

export function heading(text: string, level = 2): string {
  return `${'#'.repeat(level)} ${text}`;
}

/** A collapsed section: long details stay out of the way until asked for. */
export function details(summary: string, body: string): string {
  return `<details><summary>${escapeCell(summary)}</summary>\n\n${body}\n\n</details>`;
}

export function link(text: string, url: string): string {
  return `[${text.replace(/[[\]]/g, '')}](${url})`;
}

export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text}${fence}`;
}

export function codeBlock(text: string, language = ''): string {
  return `\`\`\`${language}\n${text}\n\`\`\``;
}

export const RESULT_ICONS = { pass: '✅', fail: '❌', neutral: '⚠️' } as const;

/** Joins sections with blank lines, dropping empty ones. */
export function sections(...parts: (string | undefined | false)[]): string {
  return `${parts.filter((part): part is string => Boolean(part)).join('\n\n')}\n`;
}
