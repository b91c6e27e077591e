import { LineIndex, type Loc, type MapEntry, type Node } from './tree.js';

/**
 * A fast path for JSON files (CDK templates, CloudFormation JSON, plans, `.tf.json`): a small
 * recursive-descent parser that builds the same positioned tree as the YAML converter, about ten
 * times faster than parsing JSON as YAML 1.2. It accepts strict JSON only and returns undefined
 * for anything else (comments, a BOM, trailing commas, NaN, a syntax error); callers then use the
 * YAML parser, which also produces the diagnostics.
 */
const MAX_DEPTH = 512;
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE_FREE = /[^"\\\u0000-\u001f]*/y;

class NotStrictJson extends Error {}

export function parseJsonTree(text: string): Node | undefined {
  try {
    const parser = new JsonParser(text);
    const root = parser.value(0);
    parser.skipWhitespace();
    return parser.atEnd() ? root : undefined;
  } catch (error) {
    if (error instanceof NotStrictJson) return undefined;
    throw error;
  }
}

class JsonParser {
  private offset = 0;
  private readonly lines: LineIndex;

  constructor(private readonly text: string) {
    this.lines = new LineIndex(text);
  }

  atEnd(): boolean {
    return this.offset === this.text.length;
  }

  skipWhitespace(): void {
    while (WHITESPACE.has(this.text.charCodeAt(this.offset))) this.offset += 1;
  }

  value(depth: number): Node {
    if (depth > MAX_DEPTH) throw new NotStrictJson();
    this.skipWhitespace();
    const ch = this.text[this.offset];
    if (ch === '{') return this.object(depth);
    if (ch === '[') return this.array(depth);
    if (ch === '"') return this.stringNode();
    return this.literal();
  }

  private loc(start: number): Loc {
    return this.lines.loc(start, this.offset);
  }

  private expect(ch: string): void {
    if (this.text[this.offset] !== ch) throw new NotStrictJson();
    this.offset += 1;
  }

  private object(depth: number): Node {
    const start = this.offset;
    this.offset += 1;
    const entries: MapEntry[] = [];
    this.skipWhitespace();
    if (this.text[this.offset] === '}') {
      this.offset += 1;
      return { kind: 'map', entries, loc: this.loc(start) };
    }
    while (true) {
      this.skipWhitespace();
      const keyStart = this.offset;
      const key = this.string();
      const keyLoc = this.loc(keyStart);
      this.skipWhitespace();
      this.expect(':');
      entries.push({ key, keyLoc, value: this.value(depth + 1) });
      this.skipWhitespace();
      if (this.text[this.offset] === ',') {
        this.offset += 1;
        continue;
      }
      this.expect('}');
      return { kind: 'map', entries, loc: this.loc(start) };
    }
  }

  private array(depth: number): Node {
    const start = this.offset;
    this.offset += 1;
    const items: Node[] = [];
    this.skipWhitespace();
    if (this.text[this.offset] === ']') {
      this.offset += 1;
      return { kind: 'list', items, loc: this.loc(start) };
    }
    while (true) {
      items.push(this.value(depth + 1));
      this.skipWhitespace();
      if (this.text[this.offset] === ',') {
        this.offset += 1;
        continue;
      }
      this.expect(']');
      return { kind: 'list', items, loc: this.loc(start) };
    }
  }

  private stringNode(): Node {
    const start = this.offset;
    const value = this.string();
    const node: Node = { kind: 'scalar', value, loc: this.loc(start) };
    // As the YAML converter: the characters are verbatim when the token is just quotes around them.
    if (!value.includes('\n') && this.offset - start === value.length + 2) {
      node.contentStart = this.lines.position(start + 1);
    }
    return node;
  }

  /** A JSON string token at the cursor; escapes decoded by JSON.parse on the token alone. */
  private string(): string {
    if (this.text[this.offset] !== '"') throw new NotStrictJson();
    const start = this.offset;
    this.offset += 1;
    while (true) {
      ESCAPE_FREE.lastIndex = this.offset;
      ESCAPE_FREE.exec(this.text);
      this.offset = ESCAPE_FREE.lastIndex;
      const ch = this.text[this.offset];
      if (ch === '"') {
        this.offset += 1;
        const token = this.text.slice(start, this.offset);
        return token.includes('\\') ? decodeEscapes(token) : token.slice(1, -1);
      }
      if (ch !== '\\' || this.offset + 1 >= this.text.length) throw new NotStrictJson();
      this.offset += 2;
    }
  }

  private literal(): Node {
    const start = this.offset;
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, start)) {
        this.offset += word.length;
        return { kind: 'scalar', value, loc: this.loc(start) };
      }
    }
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(this.text);
    if (!match) throw new NotStrictJson();
    this.offset = NUMBER.lastIndex;
    return { kind: 'scalar', value: Number(match[0]), loc: this.loc(start) };
  }
}

function decodeEscapes(token: string): string {
  try {
    return JSON.parse(token) as string;
  } catch {
    // An escape JSON does not have (`\T`): not strict JSON, so the YAML parser decides.
    throw new NotStrictJson();
  }
}
