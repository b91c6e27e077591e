/**
 * The job summary as plain terminal text. Gates write one summary, in the GitHub Markdown that
 * core/report/summary.ts builds (headings, pipe tables, <details>, links, code, alerts); this
 * turns exactly that subset into text: aligned columns instead of pipe tables, no HTML tags or
 * entities, links as "text (url)". A test renders every builder of summary.ts through it.
 */
const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
};
const COLUMN_GAP = '  ';

export function markdownToText(markdown: string): string {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line.startsWith('```')) {
      i = copyCodeBlock(lines, i + 1, out);
    } else if (line.trimStart().startsWith('|')) {
      const end = tableEnd(lines, i);
      out.push(...renderTable(lines.slice(i, end)));
      i = end - 1;
    } else {
      out.push(...blockLine(line));
    }
  }
  return `${collapseBlankLines(out).join('\n').trim()}\n`;
}

function copyCodeBlock(lines: readonly string[], start: number, out: string[]): number {
  let i = start;
  for (; i < lines.length && !(lines[i] ?? '').startsWith('```'); i += 1) out.push(`    ${lines[i]}`);
  return i;
}

function tableEnd(lines: readonly string[], start: number): number {
  let end = start;
  while (end < lines.length && (lines[end] ?? '').trimStart().startsWith('|')) end += 1;
  return end;
}

function blockLine(line: string): string[] {
  const heading = /^(#{1,6})\s+(.*)$/.exec(line);
  if (heading) {
    const text = inline(heading[2] ?? '');
    return ['', text, (heading[1]?.length ?? 2) <= 2 ? '='.repeat(text.length) : '-'.repeat(text.length)];
  }
  const summary = /^<details>\s*<summary>(.*)<\/summary>\s*$/.exec(line);
  if (summary) return ['', `${inline(summary[1] ?? '')}:`];
  if (/^<\/details>\s*$/.test(line)) return [];
  const alert = /^>\s*\[!(\w+)\]\s*$/.exec(line);
  if (alert) return [`${capitalize((alert[1] ?? '').toLowerCase())}:`];
  const quote = /^>\s?(.*)$/.exec(line);
  if (quote) return [`  ${inline(quote[1] ?? '')}`];
  return inline(line).split('\n');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Splits a pipe-table row on unescaped pipes. */
function cells(row: string): string[] {
  const body = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return body
    .split(/(?<!\\)\|/)
    .map((cell) => inline(cell.trim().replace(/\\\|/g, '|')).replace(/\n/g, '; '));
}

function renderTable(rows: readonly string[]): string[] {
  const parsed = rows.filter((row) => !/^\s*\|(\s*:?-+:?\s*\|)+\s*$/.test(row)).map(cells);
  const [header, ...body] = parsed;
  const withHeader = header?.some((cell) => cell !== '') ? parsed : body;
  const widths: number[] = [];
  for (const row of withHeader) {
    row.forEach((cell, c) => {
      widths[c] = Math.max(widths[c] ?? 0, width(cell));
    });
  }
  const lines = withHeader.map((row) =>
    row
      .map((cell, c) => (c === row.length - 1 ? cell : cell + ' '.repeat((widths[c] ?? 0) - width(cell))))
      .join(COLUMN_GAP)
      .trimEnd(),
  );
  if (withHeader === parsed && lines.length > 0) {
    lines.splice(1, 0, widths.map((w) => '-'.repeat(Math.max(w, 1))).join(COLUMN_GAP));
  }
  return ['', ...lines, ''];
}

/** Display width: emoji and other astral symbols take two columns in most terminals. */
function width(text: string): number {
  let columns = 0;
  for (const ch of text.replace(/\uFE0F/g, '')) columns += (ch.codePointAt(0) ?? 0) > 0xffff ? 2 : 1;
  return columns;
}

/**
 * Inline markdown to text: code, links, emphasis, tags, escapes, entities. Code spans are set
 * aside while the other rules run, so `a|b` or `<x>` inside code stay literal.
 */
export function inline(text: string): string {
  const spans: string[] = [];
  const setAside = (code: string) => `\u0000${spans.push(code) - 1}\u0000`;
  return text
    .replace(/``(.+?)``|`([^`]+)`/g, (_, double: string | undefined, single: string | undefined) =>
      setAside(double ?? single ?? ''),
    )
    .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(details|summary|b|i|code|sub|sup)>/gi, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1')
    .replace(/&(lt|gt|amp|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/\u0000(\d+)\u0000/g, (_, index: string) => spans[Number(index)] ?? '');
}

function collapseBlankLines(lines: readonly string[]): string[] {
  return lines.filter((line, i) => line.trim() !== '' || (i > 0 && (lines[i - 1] ?? '').trim() !== ''));
}
