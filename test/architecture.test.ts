import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Keeps ARCHITECTURE.md true: every import in the shipped code (core/, actions/<name>/src/, cli/)
 * stays inside the lines that document draws. Imports are read with TypeScript's own
 * pre-processor, so dynamic `import()` and `export ... from` count as well as static imports.
 */
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const SHIPPED_ROOTS = ['core', 'actions', 'cli'];

interface ImportEdge {
  from: string;
  specifier: string;
  /** Repository-relative target for a relative import, undefined for a package. */
  target?: string;
}

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (entry === 'dist' || entry === 'node_modules' || entry === 'corpus') continue;
    if (statSync(path).isDirectory()) found.push(...sourceFiles(path));
    else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

function importsOf(file: string): ImportEdge[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const from = relative(ROOT, file).split(sep).join('/');
  return info.importedFiles.map(({ fileName: specifier }) => {
    if (!specifier.startsWith('.')) return { from, specifier };
    const target = relative(ROOT, resolve(dirname(file), specifier))
      .split(sep)
      .join('/');
    return { from, specifier, target: target.replace(/\.js$/, '.ts') };
  });
}

const EDGES = SHIPPED_ROOTS.flatMap((root) => sourceFiles(join(ROOT, root))).flatMap(importsOf);

/** The room a repository-relative path lives in: `core`, `cli`, `action:<name>` or its top folder. */
function roomOf(path: string): string {
  const [top, second] = path.split('/');
  if (top === 'actions') return `action:${second}`;
  return top ?? path;
}

function violations(rule: (edge: ImportEdge) => string | undefined): string[] {
  return EDGES.map(rule).filter((message): message is string => message !== undefined);
}

describe('the rooms of ARCHITECTURE.md', () => {
  it('reads a realistic number of imports (the check itself works)', () => {
    expect(EDGES.length).toBeGreaterThan(200);
    expect(EDGES.some((edge) => edge.from.startsWith('actions/') && edge.target?.startsWith('core/'))).toBe(
      true,
    );
  });

  it('core imports no action, no CLI and no tooling', () => {
    const found = violations((edge) =>
      roomOf(edge.from) === 'core' && edge.target && roomOf(edge.target) !== 'core'
        ? `${edge.from} -> ${edge.specifier}`
        : undefined,
    );
    expect(found).toEqual([]);
  });

  it('an action imports only core and its own room', () => {
    const found = violations((edge) => {
      const from = roomOf(edge.from);
      if (!from.startsWith('action:') || !edge.target) return undefined;
      const to = roomOf(edge.target);
      return to === from || to === 'core' ? undefined : `${edge.from} -> ${edge.specifier}`;
    });
    expect(found).toEqual([]);
  });

  it('the CLI reaches an action only through its gate definition', () => {
    const found = violations((edge) => {
      if (roomOf(edge.from) !== 'cli' || !edge.target) return undefined;
      const to = roomOf(edge.target);
      if (to === 'cli' || to === 'core') return undefined;
      return /^actions\/[^/]+\/src\/gate\.ts$/.test(edge.target)
        ? undefined
        : `${edge.from} -> ${edge.specifier}`;
    });
    expect(found).toEqual([]);
  });

  it('only core/runner.ts talks to @actions/core', () => {
    const found = violations((edge) =>
      edge.specifier === '@actions/core' && edge.from !== 'core/runner.ts' ? edge.from : undefined,
    );
    expect(found).toEqual([]);
  });

  it('shipped code never imports tests, tools, scripts or benchmarks', () => {
    const found = violations((edge) =>
      edge.target && /^(test|tools|scripts|bench)\//.test(edge.target)
        ? `${edge.from} -> ${edge.specifier}`
        : undefined,
    );
    expect(found).toEqual([]);
  });

  it('tools, scripts and benchmarks never import tests (the demo and benches run without test/)', () => {
    const tooling = ['tools/emulator', 'tools/harness', 'scripts', 'bench']
      .flatMap((folder) => sourceFiles(join(ROOT, folder)))
      .flatMap(importsOf);
    expect(tooling.length).toBeGreaterThan(50);
    const found = tooling
      .filter((edge) => edge.target?.startsWith('test/'))
      .map((edge) => `${edge.from} -> ${edge.specifier}`);
    expect(found).toEqual([]);
  });

  it('has no import cycle between shipped modules', () => {
    const graph = new Map<string, string[]>();
    for (const edge of EDGES) {
      if (edge.target) graph.set(edge.from, [...(graph.get(edge.from) ?? []), edge.target]);
    }
    expect(findCycle(graph)).toBeUndefined();
  });
});

/** The house rule for shipped code (DEVELOPERS.md): small functions, none over this many lines. */
const MAX_FUNCTION_LINES = 50;

interface FunctionSpan {
  file: string;
  name: string;
  line: number;
  lines: number;
}

/** The name a function is known by: its own, its variable's, its property's or its method's. */
function functionName(node: ts.Node): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name && ts.isIdentifier(named.name)) return named.name.text;
  const parent = node.parent;
  if (
    parent &&
    (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) &&
    ts.isIdentifier(parent.name)
  )
    return parent.name.text;
  return '<anonymous>';
}

function functionSpans(file: string): FunctionSpan[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const spans: FunctionSpan[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const path = relative(ROOT, file).split(sep).join('/');
      spans.push({ file: path, name: functionName(node), line: start + 1, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return spans;
}

describe('small functions', () => {
  const spans = SHIPPED_ROOTS.flatMap((root) => sourceFiles(join(ROOT, root))).flatMap(functionSpans);

  it('measures every function, arrow and method (the check itself works)', () => {
    expect(spans.length).toBeGreaterThan(500);
    expect(spans.some((span) => span.file === 'core/pipeline.ts' && span.name === 'runPipeline')).toBe(true);
  });

  it(`keeps every function in core/, actions/*/src and cli/ within ${MAX_FUNCTION_LINES} lines`, () => {
    const long = spans
      .filter((span) => span.lines > MAX_FUNCTION_LINES)
      .map((span) => `${span.file}:${span.line} ${span.name} (${span.lines} lines)`);
    expect(long).toEqual([]);
  });
});

/** Depth-first search for a cycle; returns its path, or undefined when the graph is acyclic. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (node: string): string[] | undefined => {
    const seen = onPath.indexOf(node);
    if (seen >= 0) return [...onPath.slice(seen), node];
    if (done.has(node)) return undefined;
    onPath.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(node);
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}
