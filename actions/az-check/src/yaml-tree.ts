import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  Scalar,
  type Tags,
  type Node as YamlNode,
} from 'yaml';
import { LineIndex, type Loc, type MapEntry, NO_LOC, type Node, ParseError } from './tree.js';

/**
 * YAML and JSON into the positioned tree. JSON goes through the same parser (JSON is YAML 1.2),
 * so both share one converter and one set of positions.
 *
 * CloudFormation short tags (`!Ref`, `!GetAZs`, `!Select`, `!Sub`, ...) are declared as custom tags
 * in all three shapes (scalar, sequence, mapping) so the parser accepts them without warnings, and
 * the converter rewrites them to the long form (`{"Fn::Select": [...]}`) that JSON templates use:
 * the CloudFormation rules then see one form only.
 */
const CFN_FUNCTIONS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
  'Length',
  'ToJsonString',
  'ForEach',
];
// Short forms whose long form is not `Fn::<Name>`.
const LONG_FORM_EXCEPTIONS: Record<string, string> = { Ref: 'Ref', Condition: 'Condition' };

function longForm(tag: string): string | undefined {
  const name = tag.startsWith('!') ? tag.slice(1) : undefined;
  if (!name) return undefined;
  return LONG_FORM_EXCEPTIONS[name] ?? (CFN_FUNCTIONS.includes(name) ? `Fn::${name}` : undefined);
}

const identity = <T>(value: T): T => value;
// What may stand between a tag and a block collection under it: blanks, comments, line breaks.
const TAG_THEN_NEWLINES = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)+[ \t]*$/;

/** Every CloudFormation short tag, in scalar, sequence and mapping forms. */
export const CFN_TAGS: Tags = [...CFN_FUNCTIONS, 'Ref', 'Condition'].flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, resolve: identity },
  { tag: `!${name}`, collection: 'map' as const, resolve: identity },
]);

/** Parses every document of a YAML (or JSON) file; throws ParseError on the first syntax error. */
export function parseYamlDocuments(text: string): Node[] {
  const lines = new LineIndex(text);
  const documents = parseAllDocuments(text, {
    customTags: CFN_TAGS,
    uniqueKeys: false,
    strict: false,
    prettyErrors: true,
  });
  const list = Array.isArray(documents) ? documents : [documents];
  const trees: Node[] = [];
  for (const document of list) {
    const error = document.errors[0];
    if (error) {
      const position = error.linePos?.[0] ?? { line: 1, col: 1 };
      throw new ParseError(
        error.message.split('\n', 1)[0] ?? 'YAML syntax error',
        position.line,
        position.col,
      );
    }
    if (document.contents) trees.push(new Converter(lines).convert(document.contents));
  }
  return trees;
}

class Converter {
  constructor(private readonly lines: LineIndex) {}

  private loc(node: YamlNode | null | undefined): Loc {
    const range = node?.range;
    return range ? this.lines.loc(range[0], range[1]) : NO_LOC;
  }

  convert(node: YamlNode): Node {
    const converted = this.convertPlain(node);
    const long = node.tag ? longForm(node.tag) : undefined;
    if (!long) return converted;
    // `!Select [0, !GetAZs ""]` -> `{"Fn::Select": [0, {"Fn::GetAZs": ""}]}`, same positions; a
    // block collection starts on the line below its tag, so the function starts at the tag.
    const tagAt = this.tagAbove(node, node.tag!);
    const loc = tagAt === undefined ? converted.loc : this.lines.loc(tagAt, node.range![1]);
    return { kind: 'map', loc, entries: [{ key: long, keyLoc: loc, value: converted }] };
  }

  /** The offset of `tag` when it stands on a line above the node (only blanks and a comment between). */
  private tagAbove(node: YamlNode, tag: string): number | undefined {
    const start = node.range?.[0];
    if (start === undefined) return undefined;
    const at = this.lines.text.lastIndexOf(tag, start - tag.length);
    if (at < 0) return undefined;
    return TAG_THEN_NEWLINES.test(this.lines.text.slice(at + tag.length, start)) ? at : undefined;
  }

  private convertPlain(node: YamlNode): Node {
    if (isScalar(node)) return this.scalar(node);
    if (isMap(node)) {
      const entries: MapEntry[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as YamlNode | null;
        const keyText = isScalar(key) ? String(key.value) : undefined;
        if (keyText === undefined || !pair.value) continue;
        entries.push({ key: keyText, keyLoc: this.loc(key), value: this.convert(pair.value as YamlNode) });
      }
      return { kind: 'map', entries, loc: this.loc(node) };
    }
    if (isSeq(node)) {
      const items = (node.items as YamlNode[]).filter(Boolean).map((item) => this.convert(item));
      return { kind: 'list', items, loc: this.loc(node) };
    }
    if (isAlias(node)) {
      return { kind: 'expr', form: 'other', text: `*${node.source}`, children: [], loc: this.loc(node) };
    }
    return { kind: 'scalar', value: null, loc: this.loc(node) };
  }

  private scalar(node: Scalar): Node {
    const loc = this.loc(node);
    const raw = node.value;
    const value =
      typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || raw === null
        ? raw
        : String(raw);
    const result: Node = { kind: 'scalar', value, loc };
    if (typeof value === 'string' && node.range) {
      const start = this.contentOffset(node, value);
      if (start !== undefined) result.contentStart = this.lines.position(start);
    }
    return result;
  }

  /** Offset of the string's first character when the source spells it verbatim on one line. */
  private contentOffset(node: Scalar, value: string): number | undefined {
    const [start, end] = node.range!;
    const source = this.lines.text.slice(start, end);
    if (value.includes('\n')) return undefined;
    if (node.type === Scalar.PLAIN && source === value) return start;
    if (
      (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) &&
      source.slice(1, -1) === value
    ) {
      return start + 1;
    }
    return undefined;
  }
}
