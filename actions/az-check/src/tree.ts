/**
 * One positioned value tree for every format. YAML, JSON and HCL are all converted into it, so the
 * rules are written once: Terraform `.tf` becomes the shape of `.tf.json`, CloudFormation short
 * tags (`!Select`) become their long form (`{"Fn::Select": ...}`). Every node keeps its source
 * range, because findings are annotations on exact lines and columns.
 */

/** A syntax error in any of the parsers (YAML, JSON, HCL), at a 1-based line and column. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** 1-based, end column exclusive (as GitHub annotations and SARIF expect). */
export interface Loc {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface MapEntry {
  key: string;
  keyLoc: Loc;
  value: Node;
}

export interface MapNode {
  kind: 'map';
  entries: MapEntry[];
  loc: Loc;
}

export interface ListNode {
  kind: 'list';
  items: Node[];
  loc: Loc;
}

export interface ScalarNode {
  kind: 'scalar';
  value: string | number | boolean | null;
  loc: Loc;
  /**
   * Where the string's characters start, when they appear verbatim on one line (no escapes, no
   * folding): lets a finding point at `us-east-1b` inside `"us-east-1a,us-east-1b"`.
   */
  contentStart?: { line: number; column: number };
}

/**
 * An expression that is not a plain value: an HCL traversal (`data.x.y.names[0]`), function call,
 * template with interpolations, or operator expression. `text` is its source.
 */
export interface ExprNode {
  kind: 'expr';
  form: 'traversal' | 'call' | 'template' | 'other';
  text: string;
  /** Function name of a call; root-to-leaf dotted path of a traversal. */
  name?: string;
  children: Node[];
  loc: Loc;
}

export type Node = MapNode | ListNode | ScalarNode | ExprNode;

/** Offsets to line/column, by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }

  loc(start: number, end: number): Loc {
    const from = this.position(start);
    const to = this.position(Math.max(start, end));
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

export function entry(node: Node | undefined, key: string): MapEntry | undefined {
  if (node?.kind !== 'map') return undefined;
  return node.entries.find((e) => e.key === key);
}

export function child(node: Node | undefined, key: string): Node | undefined {
  return entry(node, key)?.value;
}

/** A plain string value, or undefined. */
export function stringValue(node: Node | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

export function numberValue(node: Node | undefined): number | undefined {
  if (node?.kind !== 'scalar') return undefined;
  if (typeof node.value === 'number') return node.value;
  if (typeof node.value === 'string' && /^\d+$/.test(node.value)) return Number(node.value);
  return undefined;
}

/** Items of a list, or the node itself (Terraform repeats blocks either way). */
export function asList(node: Node | undefined): Node[] {
  if (!node) return [];
  return node.kind === 'list' ? node.items : [node];
}

/** Children of any node, for walks. */
export function children(node: Node): Node[] {
  switch (node.kind) {
    case 'map':
      return node.entries.map((e) => e.value);
    case 'list':
      return node.items;
    case 'expr':
      return node.children;
    default:
      return [];
  }
}

export const NO_LOC: Loc = { line: 1, column: 1, endLine: 1, endColumn: 1 };
