/**
 * GitHub keeps at most 10 error and 10 warning annotations per step (and 10 notices) and drops
 * the rest. The step's own failure line (setFailed) is an error annotation too, and the runner
 * keeps the first ten it sees: gates emit at most 9 errors so the reason the step failed is never
 * the one dropped. Everything over the cap goes to the job summary.
 */
export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export const ANNOTATIONS_PER_LEVEL: Readonly<Record<AnnotationLevel, number>> = {
  error: 9,
  warning: 10,
  notice: 10,
};

export interface CappedAnnotations {
  shown: Annotation[];
  overflow: Annotation[];
}

export function capAnnotations(
  annotations: readonly Annotation[],
  perLevel = ANNOTATIONS_PER_LEVEL,
): CappedAnnotations {
  const counts: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const shown: Annotation[] = [];
  const overflow: Annotation[] = [];
  for (const annotation of annotations) {
    counts[annotation.level] += 1;
    (counts[annotation.level] <= perLevel[annotation.level] ? shown : overflow).push(annotation);
  }
  return { shown, overflow };
}

/** Emits what fits and returns the rest, for the caller's summary. */
export function emitAnnotations(
  annotations: readonly Annotation[],
  annotate: (annotation: Annotation) => void,
): Annotation[] {
  const { shown, overflow } = capAnnotations(annotations);
  for (const annotation of shown) annotate(annotation);
  return overflow;
}

/** `path:line:col` for logs and summaries. */
export function formatLocation(annotation: Pick<Annotation, 'file' | 'startLine' | 'startColumn'>): string {
  if (!annotation.file) return '';
  const line = annotation.startLine === undefined ? '' : `:${annotation.startLine}`;
  const column = annotation.startColumn === undefined || !line ? '' : `:${annotation.startColumn}`;
  return `${annotation.file}${line}${column}`;
}

/**
 * Parses `::error file=a,line=1::message` workflow commands, as the runner would: used by the
 * harness to read what a bundle annotated.
 */
export function parseWorkflowCommand(line: string): Annotation | undefined {
  const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) return undefined;
  const [, level, props = '', message = ''] = match;
  const annotation: Annotation = { level: level as AnnotationLevel, message: unescapeData(message) };
  for (const pair of props.split(',')) {
    const split = pair.indexOf('=');
    if (split < 0) continue;
    assignProperty(annotation, pair.slice(0, split).trim(), unescapeProperty(pair.slice(split + 1)));
  }
  return annotation;
}

const NUMERIC_PROPERTIES: Record<string, keyof Annotation> = {
  line: 'startLine',
  endLine: 'endLine',
  col: 'startColumn',
  endColumn: 'endColumn',
};

function assignProperty(annotation: Annotation, key: string, value: string): void {
  const numeric = NUMERIC_PROPERTIES[key];
  if (numeric) (annotation as unknown as Record<string, number>)[numeric] = Number(value);
  else if (key === 'file') annotation.file = value;
  else if (key === 'title') annotation.title = value;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',');
}
