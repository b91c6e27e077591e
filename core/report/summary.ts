/**
 * Markdown building blocks for job summaries. Gates build plain strings so the same text serves
 * the runner's summary file, the CLI and tests.
 *
 * Free text (canary names, FIS reasons, commit subjects) reaches a summary from many places; a
 * `<div>` in it must show as text, not open an HTML element that swallows the rest of the page.
 * `sections()`, which assembles every gate's summary, escapes every `<` that does not open one of
 * the few tags these builders write themselves; code spans and blocks are left as they are.
 */
/** Heading level of a gate's summary title; its parts use SECTION_LEVEL. */
export const TITLE_LEVEL = 2;
export const SECTION_LEVEL = 3;

const CELL_ESCAPES: Record<string, string> = { '|': '\\|', '\n': '<br>', '\r': '', '<': '&lt;', '>': '&gt;' };

export function escapeCell(text: string): string {
  return text.replace(/[|\n\r<>]/g, (ch) => CELL_ESCAPES[ch] ?? ch);
}

/**
 * A pipe table. Headers that are all empty (a key/value listing) give a list instead: GitHub
 * draws an empty header row as a blank bar above the table.
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  if (headers.every((header) => header.trim() === '')) return keyValueList(rows);
  const head = `| ${headers.map(escapeCell).join(' | ')} |`;
  const rule = `| ${headers.map(() => '---').join(' | ')} |`;
  const body = rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

/** Rows of `key`, `value`, ... as `- **key**: value · ...` lines. */
export function keyValueList(rows: readonly (readonly string[])[]): string {
  return rows
    .map(([key = '', ...values]) => `- **${escapeInline(key)}**: ${values.map(escapeInline).join(' · ')}`)
    .join('\n');
}

export function heading(text: string, level = TITLE_LEVEL): string {
  return `${'#'.repeat(level)} ${escapeInline(text)}`;
}

/** One line of free text in a list item, heading or paragraph: HTML shown as text, on one line. */
export function escapeInline(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[<>]/g, (ch) => (ch === '<' ? '&lt;' : '&gt;'));
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

/** Joins sections with blank lines, dropping empty ones; escapes stray HTML (see above). */
export function sections(...parts: (string | undefined | false)[]): string {
  return `${escapeStrayHtml(parts.filter((part): part is string => Boolean(part)).join('\n\n'))}\n`;
}

// The tags the builders here write on purpose; any other `<` in a summary is text.
const OWN_TAG = /^<\/?(details|summary|br)>/;
// Fenced blocks and inline code spans render their content literally: escaping there would show
// `&lt;` to the reader.
const CODE = /(```[\s\S]*?```|``[^`]*``|`[^`\n]*`)/;

/** Escapes every `<` outside code that does not open one of the builders' own tags. Idempotent. */
export function escapeStrayHtml(markdown: string): string {
  return markdown
    .split(CODE)
    .map((part, index) => (index % 2 === 1 ? part : escapeOutsideCode(part)))
    .join('');
}

function escapeOutsideCode(text: string): string {
  return text.replace(/</g, (_, offset: number) =>
    OWN_TAG.test(text.slice(offset, offset + 10)) ? '<' : '&lt;',
  );
}
