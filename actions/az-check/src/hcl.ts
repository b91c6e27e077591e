import { LineIndex, type Loc, type MapEntry, type MapNode, type Node, ParseError } from './tree.js';

/**
 * A small HCL 2 (native syntax) tokenizer and parser that keeps positions.
 *
 * Why not @cdktf/hcl2json (the HashiCorp parser compiled to WASM)? It was evaluated against this
 * repository's toolchain: (1) it returns no source positions, and every finding is an annotation
 * on a line and column; (2) bundled with ncc 0.45 into an ESM bundle it fails at load time
 * (`__dirname is not defined`) and ncc does not copy its `main.wasm.gz` asset, because the file is
 * read via a computed path; (3) it is async with ~120 ms of WASM start-up, against a budget of
 * 0.5 s for a 1,000-file diff scan; (4) it turns every expression into a `${...}` string, so
 * `names[0]` would need a second parser anyway. The subset of HCL that placement checks need
 * (bodies, blocks, attributes, and expressions: literals, templates, heredocs, tuples, objects,
 * traversals, calls, operators, conditionals, for-expressions) is small, and a hand-written parser
 * is synchronous, dependency-free, and fuzz-tested (test/az-check/hcl.test.ts).
 *
 * The output follows the shape of Terraform's JSON syntax (`.tf.json`): a block
 * `resource "aws_subnet" "a" { ... }` becomes `resource -> aws_subnet -> a -> {...}`, so `.tf` and
 * `.tf.json` share the Terraform rules. Repeated blocks become repeated entries of the same key.
 */

export interface HclComment {
  text: string;
  loc: Loc;
}

export interface HclFile {
  body: MapNode;
  comments: HclComment[];
}

/** Deeper nesting than this is refused rather than risking the stack on hostile input. */
const MAX_NESTING_DEPTH = 256;

type TokenKind = 'ident' | 'number' | 'string' | 'heredoc' | 'punct' | 'newline' | 'eof';

type TemplatePart =
  | { kind: 'literal'; start: number; end: number }
  | { kind: 'interpolation'; start: number; end: number }
  | { kind: 'directive'; start: number; end: number };

interface Token {
  kind: TokenKind;
  /** Identifier, number text or punctuation; decoded for string-like tokens is done by the parser. */
  value: string;
  start: number;
  end: number;
  /** Template parts of strings and heredocs. */
  parts?: TemplatePart[];
}

const PUNCTUATION = ['...', '==', '!=', '<=', '>=', '&&', '||', '=>', '{', '}', '[', ']', '(', ')', '='];
const SINGLE_PUNCTUATION = new Set([...'<>!+-*/%?:.,']);
const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_-]/u;
const HEREDOC_START = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/;

class Lexer {
  private pos: number;
  readonly comments: HclComment[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    start = 0,
    private readonly end = text.length,
    /** Strings nested in interpolations nested in strings...: bounded like the parser's depth. */
    private readonly nesting = 0,
  ) {
    this.pos = start;
    if (nesting > MAX_NESTING_DEPTH) this.fail('Nesting too deep', start);
  }

  fail(message: string, at = this.pos): never {
    const { line, column } = this.lines.position(at);
    throw new ParseError(message, line, column);
  }

  tokenize(): Token[] {
    const tokens: Token[] = [];
    for (;;) {
      const token = this.next();
      tokens.push(token);
      if (token.kind === 'eof') return tokens;
    }
  }

  private next(): Token {
    this.skipSpaceAndComments();
    const start = this.pos;
    if (start >= this.end) return { kind: 'eof', value: '', start, end: start };
    const ch = this.text[start]!;
    if (ch === '\n') {
      this.pos += 1;
      return { kind: 'newline', value: '\n', start, end: this.pos };
    }
    if (ch === '"') return this.quoted();
    if (ch === '<' && this.text[start + 1] === '<') {
      const heredoc = this.heredoc();
      if (heredoc) return heredoc;
    }
    if (/\d/.test(ch)) return this.number();
    if (IDENT_START.test(ch)) return this.identifier();
    for (const punct of PUNCTUATION) {
      if (this.text.startsWith(punct, start)) {
        this.pos += punct.length;
        return { kind: 'punct', value: punct, start, end: this.pos };
      }
    }
    if (SINGLE_PUNCTUATION.has(ch)) {
      this.pos += 1;
      return { kind: 'punct', value: ch, start, end: this.pos };
    }
    return this.fail(`Unexpected character '${ch}'`);
  }

  private skipSpaceAndComments(): void {
    while (this.pos < this.end) {
      const ch = this.text[this.pos]!;
      // `~` is the template strip marker (`${~ x ~}`): layout, not meaning, for this checker.
      if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '~' || ch === '\uFEFF') {
        this.pos += 1;
      } else if (ch === '#' || (ch === '/' && this.text[this.pos + 1] === '/')) {
        this.lineComment();
      } else if (ch === '/' && this.text[this.pos + 1] === '*') {
        this.blockComment();
      } else {
        return;
      }
    }
  }

  private lineComment(): void {
    const start = this.pos;
    let stop = this.text.indexOf('\n', start);
    if (stop < 0 || stop > this.end) stop = this.end;
    this.comments.push({ text: this.text.slice(start, stop), loc: this.lines.loc(start, stop) });
    this.pos = stop;
  }

  private blockComment(): void {
    const start = this.pos;
    const close = this.text.indexOf('*/', start + 2);
    if (close < 0 || close + 2 > this.end) this.fail('Unterminated /* comment', start);
    this.pos = close + 2;
    this.comments.push({ text: this.text.slice(start, this.pos), loc: this.lines.loc(start, this.pos) });
  }

  private number(): Token {
    const start = this.pos;
    const match = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(
      this.text.slice(start, Math.min(this.end, start + 64)),
    );
    this.pos += match![0].length;
    return { kind: 'number', value: match![0], start, end: this.pos };
  }

  private identifier(): Token {
    const start = this.pos;
    this.pos += 1;
    while (this.pos < this.end && IDENT_PART.test(this.text[this.pos]!)) this.pos += 1;
    return { kind: 'ident', value: this.text.slice(start, this.pos), start, end: this.pos };
  }

  private quoted(): Token {
    const start = this.pos;
    const parts = this.template(start + 1, true);
    return { kind: 'string', value: '', start, end: this.pos, parts };
  }

  private heredoc(): Token | undefined {
    const start = this.pos;
    const header = HEREDOC_START.exec(this.text.slice(start, Math.min(this.end, start + 256)));
    if (!header) return undefined;
    const marker = header[2]!;
    const contentStart = start + header[0].length;
    let lineStart = contentStart;
    while (lineStart < this.end) {
      let lineEnd = this.text.indexOf('\n', lineStart);
      if (lineEnd < 0 || lineEnd > this.end) lineEnd = this.end;
      if (this.text.slice(lineStart, lineEnd).trim() === marker) {
        const limited = new Lexer(this.text, this.lines, contentStart, lineStart, this.nesting + 1);
        const parts = limited.template(contentStart, false);
        this.pos = lineEnd;
        return { kind: 'heredoc', value: marker, start, end: lineEnd, parts };
      }
      lineStart = lineEnd + 1;
    }
    return this.fail(`Unterminated heredoc <<${marker}`, start);
  }

  /**
   * Splits a template into literal runs and `${...}` / `%{...}` parts. Quoted templates end at
   * the closing quote (a newline is an error, as in HCL); heredoc templates at this lexer's end.
   */
  template(from: number, quoted: boolean): TemplatePart[] {
    const parts: TemplatePart[] = [];
    let literalStart = from;
    let pos = from;
    const flush = (until: number) => {
      if (until > literalStart) parts.push({ kind: 'literal', start: literalStart, end: until });
    };
    while (pos < this.end) {
      const ch = this.text[pos]!;
      if (quoted && ch === '"') {
        flush(pos);
        this.pos = pos + 1;
        return parts;
      }
      if (quoted && ch === '\n') this.fail('Unterminated string: newline before the closing quote', pos);
      if (quoted && ch === '\\') {
        pos += 2;
        continue;
      }
      const opensTemplate = (ch === '$' || ch === '%') && this.text[pos + 1] === '{';
      if (
        opensTemplate &&
        this.text[pos - 1] === ch &&
        pos - 1 >= literalStart &&
        isEscapedMarker(this.text, pos)
      ) {
        // `$${` and `%%{` are literal text.
        pos += 2;
        continue;
      }
      if (opensTemplate) {
        flush(pos);
        const close = this.interpolationEnd(pos + 2);
        parts.push({ kind: ch === '$' ? 'interpolation' : 'directive', start: pos + 2, end: close });
        pos = close + 1;
        literalStart = pos;
        continue;
      }
      pos += 1;
    }
    if (quoted) this.fail('Unterminated string', from - 1);
    flush(this.end);
    this.pos = this.end;
    return parts;
  }

  /** Offset of the `}` closing an interpolation that starts at `from` (nested braces and strings). */
  private interpolationEnd(from: number): number {
    let depth = 0;
    let pos = from;
    while (pos < this.end) {
      const ch = this.text[pos]!;
      if (ch === '"') {
        const nested = new Lexer(this.text, this.lines, pos, this.end, this.nesting + 1);
        nested.template(pos + 1, true);
        pos = nested.pos;
        continue;
      }
      if (ch === '{') depth += 1;
      if (ch === '}') {
        if (depth === 0) return pos;
        depth -= 1;
      }
      pos += 1;
    }
    return this.fail('Unterminated interpolation ${', from - 2);
  }
}

function isEscapedMarker(text: string, pos: number): boolean {
  // An odd run of `$` (or `%`) before `{` means the last one opens a template; even means escaped.
  let run = 0;
  for (let i = pos; i >= 0 && text[i] === text[pos]; i -= 1) run += 1;
  return run % 2 === 0;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Decodes a quoted-template literal run (`\n`, `\u00e9`, `$${` ...). */
function decodeLiteral(raw: string, quoted: boolean): string {
  const unescaped = quoted
    ? raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_m, esc: string) => {
        if (esc.length > 1) {
          const point = Number.parseInt(esc.slice(1), 16);
          return point <= 0x10ffff ? String.fromCodePoint(point) : '';
        }
        return ESCAPES[esc] ?? esc;
      })
    : raw;
  return unescaped.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/** Parses a whole `.tf` / `.tfvars` / `.hcl` file. Throws ParseError with a line and column. */
export function parseHcl(text: string): HclFile {
  const lines = new LineIndex(text);
  const lexer = new Lexer(text, lines);
  const tokens = lexer.tokenize();
  const parser = new Parser(text, lines, tokens);
  const body = parser.body(true);
  return { body, comments: lexer.comments };
}

/** Parses one expression (used for interpolations, with absolute positions). */
function parseExpressionRange(
  text: string,
  lines: LineIndex,
  start: number,
  end: number,
  depth: number,
): Node {
  const lexer = new Lexer(text, lines, start, end);
  const parser = new Parser(text, lines, lexer.tokenize(), depth);
  return parser.standaloneExpression();
}

const BINARY_OPERATORS = new Set(['==', '!=', '<', '>', '<=', '>=', '&&', '||', '+', '-', '*', '/', '%']);

class Parser {
  private index = 0;
  /** Inside (), [] or {} of an expression newlines are layout; at attribute level they end it. */
  private bracketDepth = 0;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly tokens: Token[],
    private depth = 0,
  ) {}

  private fail(message: string, token = this.peekRaw()): never {
    const { line, column } = this.lines.position(token.start);
    throw new ParseError(message, line, column);
  }

  private peekRaw(): Token {
    return this.tokens[Math.min(this.index, this.tokens.length - 1)]!;
  }

  private peek(): Token {
    if (this.bracketDepth > 0) while (this.peekRaw().kind === 'newline') this.index += 1;
    return this.peekRaw();
  }

  private take(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  private isPunct(value: string): boolean {
    const token = this.peek();
    return token.kind === 'punct' && token.value === value;
  }

  private expect(value: string): Token {
    if (!this.isPunct(value)) this.fail(`Expected '${value}' but found ${describe(this.peek())}`);
    return this.take();
  }

  private skipNewlines(): void {
    while (this.peekRaw().kind === 'newline') this.index += 1;
  }

  private enter(): void {
    this.depth += 1;
    if (this.depth > MAX_NESTING_DEPTH) this.fail('Nesting too deep');
  }

  private leave(): void {
    this.depth -= 1;
  }

  private loc(start: number, end: number): Loc {
    return this.lines.loc(start, end);
  }

  /** A body: attributes and blocks until `}` (nested) or the end of the file (top level). */
  body(topLevel: boolean): MapNode {
    const entries: MapEntry[] = [];
    const first = this.peekRaw().start;
    for (;;) {
      this.skipNewlines();
      const token = this.peekRaw();
      if (token.kind === 'eof') {
        if (!topLevel) this.fail("Missing '}' to close a block");
        break;
      }
      if (token.kind === 'punct' && token.value === '}') {
        if (topLevel) this.fail("Unexpected '}'");
        break;
      }
      entries.push(this.bodyItem());
    }
    const last = this.tokens[Math.max(0, this.index - 1)]!;
    return { kind: 'map', entries, loc: this.loc(first, Math.max(first, last.end)) };
  }

  private bodyItem(): MapEntry {
    const name = this.take();
    if (name.kind !== 'ident')
      this.fail(`Expected an attribute or block name but found ${describe(name)}`, name);
    const keyLoc = this.loc(name.start, name.end);
    if (this.isPunct('=')) {
      this.take();
      const value = this.expression();
      this.endOfItem();
      return { key: name.value, keyLoc, value };
    }
    return { key: name.value, keyLoc, value: this.block(name) };
  }

  private endOfItem(): void {
    const token = this.peekRaw();
    if (token.kind === 'newline' || token.kind === 'eof') return;
    if (token.kind === 'punct' && token.value === '}') return;
    this.fail(`Expected a newline after the attribute but found ${describe(token)}`, token);
  }

  /** `type "label" label { body }` -> label -> label -> body, positions on each label. */
  private block(name: Token): Node {
    const labels: { key: string; loc: Loc }[] = [];
    while (!this.isPunct('{')) {
      const label = this.take();
      if (label.kind === 'ident') labels.push({ key: label.value, loc: this.loc(label.start, label.end) });
      else if (label.kind === 'string')
        labels.push({ key: this.plainString(label), loc: this.loc(label.start, label.end) });
      else
        this.fail(`Expected a block label or '{' after '${name.value}' but found ${describe(label)}`, label);
    }
    const open = this.take();
    this.enter();
    const savedDepth = this.bracketDepth;
    this.bracketDepth = 0;
    let node: Node = this.body(false);
    this.bracketDepth = savedDepth;
    this.leave();
    const close = this.expect('}');
    node.loc = this.loc(open.start, close.end);
    for (let i = labels.length - 1; i >= 0; i -= 1) {
      const label = labels[i]!;
      node = { kind: 'map', entries: [{ key: label.key, keyLoc: label.loc, value: node }], loc: node.loc };
    }
    this.endOfItem();
    return node;
  }

  private plainString(token: Token): string {
    return (token.parts ?? [])
      .map((part) =>
        part.kind === 'literal' ? decodeLiteral(this.text.slice(part.start, part.end), true) : '',
      )
      .join('');
  }

  standaloneExpression(): Node {
    this.bracketDepth = 1;
    const node = this.expression();
    if (this.peek().kind !== 'eof') this.fail(`Unexpected ${describe(this.peek())} in interpolation`);
    return node;
  }

  expression(): Node {
    this.enter();
    try {
      const start = this.peek().start;
      const condition = this.binary();
      if (!this.isPunct('?')) return condition;
      this.take();
      const whenTrue = this.expression();
      this.expect(':');
      const whenFalse = this.expression();
      return this.other(start, [condition, whenTrue, whenFalse]);
    } finally {
      this.leave();
    }
  }

  private binary(): Node {
    const start = this.peek().start;
    const operands = [this.unary()];
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'punct' || !BINARY_OPERATORS.has(token.value)) break;
      this.take();
      operands.push(this.unary());
    }
    return operands.length === 1 ? operands[0]! : this.other(start, operands);
  }

  private unary(): Node {
    const token = this.peek();
    if (token.kind === 'punct' && (token.value === '-' || token.value === '!')) {
      this.take();
      this.enter();
      const operand = this.unary();
      this.leave();
      return this.other(token.start, [operand]);
    }
    return this.postfix(this.primary(), token.start);
  }

  private other(start: number, children: Node[]): Node {
    const end = this.tokens[Math.max(0, this.index - 1)]!.end;
    return {
      kind: 'expr',
      form: 'other',
      text: this.text.slice(start, end),
      children,
      loc: this.loc(start, end),
    };
  }

  /** `.attr`, `[index]`, `.*`, `[*]` after an expression; a traversal keeps its dotted path. */
  private postfix(base: Node, start: number): Node {
    let node = base;
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'punct' || (token.value !== '.' && token.value !== '[')) return node;
      this.take();
      const indices: Node[] = node.kind === 'expr' && node.form === 'traversal' ? [...node.children] : [node];
      if (token.value === '.') {
        const step = this.take();
        const isStep =
          step.kind === 'ident' || step.kind === 'number' || (step.kind === 'punct' && step.value === '*');
        if (!isStep) this.fail(`Expected an attribute name after '.' but found ${describe(step)}`, step);
      } else if (this.isPunct('*')) {
        this.take();
        this.expect(']');
      } else {
        this.bracketDepth += 1;
        indices.push(this.expression());
        this.bracketDepth -= 1;
        this.expect(']');
      }
      const end = this.tokens[this.index - 1]!.end;
      const text = this.text.slice(start, end);
      node = {
        kind: 'expr',
        form: 'traversal',
        text,
        name: compact(text),
        children: indices,
        loc: this.loc(start, end),
      };
    }
  }

  private primary(): Node {
    const token = this.take();
    const loc = this.loc(token.start, token.end);
    switch (token.kind) {
      case 'number':
        return { kind: 'scalar', value: Number(token.value), loc };
      case 'string':
        return this.templateNode(token, true);
      case 'heredoc':
        return this.templateNode(token, false);
      case 'ident':
        return this.identifierExpression(token);
      case 'punct':
        if (token.value === '(') return this.parenthesized();
        if (token.value === '[') return this.tuple(token);
        if (token.value === '{') return this.object(token);
        break;
      default:
        break;
    }
    return this.fail(`Expected an expression but found ${describe(token)}`, token);
  }

  private identifierExpression(token: Token): Node {
    const loc = this.loc(token.start, token.end);
    if (token.value === 'true' || token.value === 'false')
      return { kind: 'scalar', value: token.value === 'true', loc };
    if (token.value === 'null') return { kind: 'scalar', value: null, loc };
    if (this.isProviderFunction()) return this.call(this.providerFunctionName(token));
    if (this.peekRaw().kind === 'punct' && this.peekRaw().value === '(') return this.call(token);
    return { kind: 'expr', form: 'traversal', text: token.value, name: token.value, children: [], loc };
  }

  /** `provider::aws::arn_parse(...)`: provider-defined functions (Terraform 1.8+). */
  private isProviderFunction(): boolean {
    const [a, b] = [this.tokens[this.index], this.tokens[this.index + 1]];
    return a?.kind === 'punct' && a.value === ':' && b?.kind === 'punct' && b.value === ':';
  }

  private providerFunctionName(first: Token): Token {
    let end = first.end;
    while (this.isProviderFunction()) {
      this.index += 2;
      const part = this.take();
      if (part.kind !== 'ident')
        this.fail(`Expected a function name after '::' but found ${describe(part)}`, part);
      end = part.end;
    }
    if (!(this.peekRaw().kind === 'punct' && this.peekRaw().value === '('))
      this.fail("Expected '(' after a provider function name");
    return { kind: 'ident', value: this.text.slice(first.start, end), start: first.start, end };
  }

  private call(name: Token): Node {
    this.take();
    this.bracketDepth += 1;
    const args: Node[] = [];
    while (!this.isPunct(')')) {
      args.push(this.expression());
      if (this.isPunct('...')) this.take();
      if (!this.isPunct(',')) break;
      this.take();
    }
    this.bracketDepth -= 1;
    const close = this.expect(')');
    const text = this.text.slice(name.start, close.end);
    return {
      kind: 'expr',
      form: 'call',
      name: name.value,
      text,
      children: args,
      loc: this.loc(name.start, close.end),
    };
  }

  private parenthesized(): Node {
    this.bracketDepth += 1;
    const inner = this.expression();
    this.bracketDepth -= 1;
    this.expect(')');
    return inner;
  }

  private tuple(open: Token): Node {
    this.bracketDepth += 1;
    if (this.peek().kind === 'ident' && this.peek().value === 'for') return this.forExpression(open, ']');
    const items: Node[] = [];
    while (!this.isPunct(']')) {
      items.push(this.expression());
      if (!this.isPunct(',')) break;
      this.take();
    }
    this.bracketDepth -= 1;
    const close = this.expect(']');
    return { kind: 'list', items, loc: this.loc(open.start, close.end) };
  }

  private object(open: Token): Node {
    this.bracketDepth += 1;
    if (this.peek().kind === 'ident' && this.peek().value === 'for') return this.forExpression(open, '}');
    const entries: MapEntry[] = [];
    while (!this.isPunct('}')) {
      const keyToken = this.peek();
      const key = this.expression();
      if (!this.isPunct('=') && !this.isPunct(':'))
        this.fail(`Expected '=' or ':' after an object key but found ${describe(this.peek())}`);
      this.take();
      const value = this.expression();
      entries.push({ key: objectKey(key), keyLoc: this.loc(keyToken.start, keyToken.end), value });
      if (this.isPunct(',')) this.take();
    }
    this.bracketDepth -= 1;
    const close = this.expect('}');
    return { kind: 'map', entries, loc: this.loc(open.start, close.end) };
  }

  /** `[for x in xs : f(x) if c]` / `{for k, v in m : k => v...}`: children are the sub-expressions. */
  private forExpression(open: Token, closer: string): Node {
    this.take();
    const children: Node[] = [];
    for (;;) {
      const token = this.take();
      if (token.kind === 'ident' && token.value === 'in') break;
      if (token.kind !== 'ident' && !(token.kind === 'punct' && token.value === ',')) {
        this.fail(`Expected 'in' in a for expression but found ${describe(token)}`, token);
      }
    }
    children.push(this.expression());
    this.expect(':');
    children.push(this.expression());
    if (this.isPunct('=>')) {
      this.take();
      children.push(this.expression());
      if (this.isPunct('...')) this.take();
    }
    if (this.peek().kind === 'ident' && this.peek().value === 'if') {
      this.take();
      children.push(this.expression());
    }
    this.bracketDepth -= 1;
    const close = this.expect(closer);
    return {
      kind: 'expr',
      form: 'other',
      text: this.text.slice(open.start, close.end),
      children,
      loc: this.loc(open.start, close.end),
    };
  }

  /** A string or heredoc: a plain scalar when it has no interpolation, else a template node. */
  private templateNode(token: Token, quoted: boolean): Node {
    const parts = token.parts ?? [];
    const loc = this.loc(token.start, token.end);
    const hasExpressions = parts.some((part) => part.kind !== 'literal');
    if (!hasExpressions) {
      const raw = parts.map((part) => this.text.slice(part.start, part.end)).join('');
      const value = decodeLiteral(raw, quoted);
      const node: Node = { kind: 'scalar', value, loc };
      if (quoted && raw === value && parts[0]) node.contentStart = this.lines.position(parts[0].start);
      return node;
    }
    const children = parts.map((part) => this.templatePart(part, quoted));
    return { kind: 'expr', form: 'template', text: this.text.slice(token.start, token.end), children, loc };
  }

  private templatePart(part: TemplatePart, quoted: boolean): Node {
    const loc = this.loc(part.start, part.end);
    if (part.kind === 'literal') {
      const raw = this.text.slice(part.start, part.end);
      const value = decodeLiteral(raw, quoted);
      const node: Node = { kind: 'scalar', value, loc };
      if (raw === value && !raw.includes('\n')) node.contentStart = this.lines.position(part.start);
      return node;
    }
    if (part.kind === 'directive') {
      // `%{ if ... }` / `%{ for ... }`: control flow, not values a placement check reads.
      return { kind: 'expr', form: 'other', text: this.text.slice(part.start, part.end), children: [], loc };
    }
    if (this.depth >= MAX_NESTING_DEPTH) this.fail('Nesting too deep');
    return parseExpressionRange(this.text, this.lines, part.start, part.end, this.depth + 1);
  }
}

/** An object key as Terraform reads it: bare names and strings literally, anything else by source. */
function objectKey(node: Node): string {
  if (node.kind === 'scalar') return String(node.value);
  return node.kind === 'expr' ? node.text : '';
}

/** Traversal source without layout: `data.x . names [ 0 ]` -> `data.x.names[0]`. */
function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

function describe(token: Token): string {
  if (token.kind === 'eof') return 'the end of the file';
  if (token.kind === 'newline') return 'a newline';
  if (token.kind === 'string' || token.kind === 'heredoc') return 'a string';
  return `'${token.value}'`;
}
