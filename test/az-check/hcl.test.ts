// biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL and CloudFormation templates use ${...} themselves
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHcl } from '../../actions/az-check/src/hcl.js';
import { child, type Node, ParseError, stringValue } from '../../actions/az-check/src/tree.js';
import { assertFuzz, FUZZ_RUNS } from '../harness/fuzz-runs.js';

function body(text: string) {
  return parseHcl(text).body;
}

function path(node: Node, ...keys: string[]): Node | undefined {
  return keys.reduce<Node | undefined>((n, k) => child(n, k), node);
}

describe('parseHcl: structure in the .tf.json shape', () => {
  it('turns blocks into nested label maps with positions on every label', () => {
    const root = body('resource "aws_subnet" "a" {\n  availability_zone = "us-east-1a"\n}\n');
    const value = path(root, 'resource', 'aws_subnet', 'a', 'availability_zone');
    expect(value).toMatchObject({
      kind: 'scalar',
      value: 'us-east-1a',
      loc: { line: 2, column: 23, endColumn: 35 },
    });
    expect(value?.kind === 'scalar' && value.contentStart).toEqual({ line: 2, column: 24 });
    expect(root.entries[0]?.keyLoc).toMatchObject({ line: 1, column: 1 });
  });

  it('keeps traversals, calls, templates, tuples and objects apart', () => {
    const root = body(
      [
        'locals {',
        '  a = data.aws_availability_zones.available.names[0]',
        '  b = element(data.aws_availability_zones.available.names, 1)',
        '  c = "${var.region}a"',
        '  d = ["x", 1, true, null]',
        '  e = { k = "v", "q" = 2 }',
        '  f = var.on ? "yes" : "no"',
        '  g = [for s in var.list : upper(s) if s != ""]',
        '  h = { for k, v in var.map : k => v... }',
        '  i = -1 + 2 * 3',
        '  j = provider::aws::arn_parse("arn:aws:iam::1:role/x")',
        '  k = aws_instance.web[*].id',
        '  l = (var.x)',
        '}',
      ].join('\n'),
    );
    const locals = path(root, 'locals')!;
    expect(child(locals, 'a')).toMatchObject({
      kind: 'expr',
      form: 'traversal',
      name: 'data.aws_availability_zones.available.names[0]',
    });
    expect(child(locals, 'b')).toMatchObject({ kind: 'expr', form: 'call', name: 'element' });
    expect(child(locals, 'c')).toMatchObject({ kind: 'expr', form: 'template' });
    expect(child(locals, 'd')).toMatchObject({
      kind: 'list',
      items: [{ value: 'x' }, { value: 1 }, { value: true }, { value: null }],
    });
    expect(stringValue(path(locals, 'e', 'k'))).toBe('v');
    expect(path(locals, 'e', 'q')).toMatchObject({ value: 2 });
    expect(child(locals, 'f')).toMatchObject({ kind: 'expr', form: 'other' });
    expect(child(locals, 'g')).toMatchObject({ kind: 'expr', form: 'other' });
    expect(child(locals, 'h')).toMatchObject({ kind: 'expr', form: 'other' });
    expect(child(locals, 'j')).toMatchObject({
      kind: 'expr',
      form: 'call',
      name: 'provider::aws::arn_parse',
    });
    expect(child(locals, 'k')).toMatchObject({
      kind: 'expr',
      form: 'traversal',
      name: 'aws_instance.web[*].id',
    });
    expect(child(locals, 'l')).toMatchObject({ kind: 'expr', form: 'traversal', name: 'var.x' });
  });

  it('reads heredocs, escapes and nested interpolations', () => {
    const root = body(
      [
        'a = <<-EOT',
        '    zone ${var.az}',
        '    EOT',
        'b = "tab\\t\\"q\\" \\u00e9"',
        'c = "$${literal}"',
        'd = "${lookup(var.m, "k", "${var.x}")}-x"',
        'e = <<EOF',
        'plain us-east-1a',
        'EOF',
      ].join('\n'),
    );
    expect(child(root, 'a')).toMatchObject({ kind: 'expr', form: 'template' });
    expect(stringValue(child(root, 'b'))).toBe('tab\t"q" é');
    expect(stringValue(child(root, 'c'))).toBe('${literal}');
    expect(child(root, 'd')).toMatchObject({
      kind: 'expr',
      form: 'template',
      children: [{ form: 'call', name: 'lookup' }, { value: '-x' }],
    });
    expect(stringValue(child(root, 'e'))).toBe('plain us-east-1a\n');
  });

  it('collects comments of all three styles with positions', () => {
    const { comments } = parseHcl('# one\na = 1 // two\n/* three\n */\nb = 2\n');
    expect(comments.map((c) => [c.text, c.loc.line])).toEqual([
      ['# one', 1],
      ['// two', 2],
      ['/* three\n */', 3],
    ]);
  });

  it('accepts one-line blocks, CRLF line endings and a BOM', () => {
    expect(path(body('\uFEFFvariable "x" { default = "a" }\r\n'), 'variable', 'x', 'default')).toMatchObject({
      value: 'a',
    });
    expect(path(body('a {\r\n  b = 1\r\n}\r\n'), 'a', 'b')).toMatchObject({ value: 1 });
  });

  it.each([
    ['resource "x" "y" {\n  a = 1\n', "Missing '}'", 3],
    ['a = "unterminated\n', 'Unterminated string', 1],
    ['a = 1 b = 2\n', 'Expected a newline', 1],
    ['a = <<EOT\nno end\n', 'Unterminated heredoc', 1],
    ['a = [1, 2\n', "Expected ']'", 2],
    ['}\n', "Unexpected '}'", 1],
    ['a = @\n', "Unexpected character '@'", 1],
    ['/* open', 'Unterminated /* comment', 1],
  ])('reports syntax errors with a line: %j', (text, message, line) => {
    try {
      parseHcl(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ParseError);
      expect((error as ParseError).message).toContain(message);
      expect((error as ParseError).line).toBe(line);
    }
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(() => parseHcl(`a = ${'['.repeat(5000)}`)).toThrow(ParseError);
    expect(() => parseHcl(`a = "${'${"'.repeat(2000)}`)).toThrow(ParseError);
  });
});

const VALID_TERRAFORM = [
  'provider "aws" {\n  region = "us-east-1"\n}\n',
  'resource "aws_subnet" "a" {\n  availability_zone = "us-east-1a" # c\n  tags = { Name = "x-${var.env}" }\n}\n',
  'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  azs = ["eu-west-1a", "eu-west-1b"]\n}\n',
  'locals {\n  az = data.aws_availability_zones.x.names[0]\n  l = [for z in var.z : "${z}a" if z != ""]\n}\n',
  'variable "x" {\n  default = <<-EOT\n    us-east-1a ${var.y}\n    EOT\n}\n',
];
const HCL_PIECES = [
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '"',
  '${',
  '%{',
  '<<EOT\n',
  'EOT',
  '\n',
  '=',
  ',',
  '.',
  '#',
  '//',
  '/*',
  '*/',
  '\\',
  '~',
  'for',
  'in',
  ':',
  '?',
  '...',
  'us-east-1a',
  'a',
  '0',
  ' ',
];

function expectParseOrParseError(text: string): void {
  try {
    parseHcl(text);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
  }
}

describe(`parseHcl: property tests (${FUZZ_RUNS} inputs each)`, () => {
  it('never throws anything but ParseError on random text', async () => {
    await assertFuzz(fc.string({ maxLength: 200 }), expectParseOrParseError);
  });

  it('never throws anything but ParseError on token soup', async () => {
    const soup = fc.array(fc.constantFrom(...HCL_PIECES), { maxLength: 60 }).map((parts) => parts.join(''));
    await assertFuzz(soup, expectParseOrParseError);
  });

  it('never throws anything but ParseError on mutated real files', async () => {
    const mutated = fc
      .tuple(fc.constantFrom(...VALID_TERRAFORM), fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 6 }))
      .map(([text, at, remove, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + remove);
      });
    await assertFuzz(mutated, expectParseOrParseError);
  });

  it('parses every unmutated real file', () => {
    for (const text of VALID_TERRAFORM) expect(() => parseHcl(text)).not.toThrow();
  });
});
