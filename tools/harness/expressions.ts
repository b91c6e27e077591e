import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import {
  isBasicExpression,
  isBoolean,
  isNumber,
  isString,
  NoOperationTraceWriter,
} from '@actions/workflow-parser';
import {
  type ActionTemplate,
  convertActionTemplate,
  parseAction,
} from '@actions/workflow-parser/actions/index';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';

/**
 * What the GitHub runner does with an action's inputs before it starts the step, done with GitHub's
 * own libraries: action.yml read by `@actions/workflow-parser`'s action parser, `${{ }}` evaluated
 * by `@actions/expressions`. Every declared input reaches the step (its `with:` value, else its
 * evaluated default, else empty), as `INPUT_` + the name upper-cased with spaces as `_`.
 */
export type ExpressionContexts = Record<string, unknown>;

const actionTemplates = new Map<string, ActionTemplate>();

/** action.yml of `actions/<action>`, parsed and validated as GitHub parses it. */
export function actionTemplate(repoRoot: string, action: string): ActionTemplate {
  const cached = actionTemplates.get(action);
  if (cached) return cached;
  const name = join('actions', action, 'action.yml');
  const parsed = parseAction(
    { name, content: readFileSync(join(repoRoot, name), 'utf8') },
    new NoOperationTraceWriter(),
  );
  const errors = parsed.context.errors.getErrors();
  if (errors.length > 0 || !parsed.value) {
    throw new Error(`${name} is not valid action metadata: ${errors.map((e) => e.message).join('; ')}`);
  }
  const template = convertActionTemplate(parsed.context, parsed.value);
  actionTemplates.set(action, template);
  return template;
}

/** Plain JSON turned into the expression library's data, as the runner builds its contexts. */
function toExpressionData(contexts: ExpressionContexts): data.Dictionary {
  return JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
}

/** One expression (without `${{ }}`), evaluated against the given contexts. */
export function evaluateExpression(expression: string, contexts: ExpressionContexts): data.ExpressionData {
  const lexed = new Lexer(expression).lex();
  const tree = new Parser(lexed.tokens, Object.keys(contexts), []).parse();
  return new Evaluator(tree, toExpressionData(contexts)).evaluate();
}

/** A template token (a literal, or `${{ }}` possibly inside text) as the string the step receives. */
export function evaluateToken(token: TemplateToken, contexts: ExpressionContexts): string {
  if (isString(token)) return token.value;
  if (isBasicExpression(token)) return evaluateExpression(token.expression, contexts).coerceString();
  if (isNumber(token) || isBoolean(token)) return String(token.value);
  return '';
}

/**
 * The `INPUT_*` variables of a step: `given` (already evaluated `with:` values) over each input's
 * evaluated default. Names the action does not declare throw: the runner would only warn and the
 * action would never read them, so a test or example that passes one is wrong.
 */
export function stepInputs(
  template: ActionTemplate,
  given: Record<string, string>,
  contexts: ExpressionContexts,
): Record<string, string> {
  const declared = template.inputs ?? [];
  const unknown = Object.keys(given).filter((name) => !declared.some((input) => input.id === name));
  if (unknown.length > 0) {
    throw new Error(
      `Unexpected input(s) ${unknown.map((n) => `'${n}'`).join(', ')}, valid inputs are [${declared.map((i) => `'${i.id}'`).join(', ')}]`,
    );
  }
  const env: Record<string, string> = {};
  for (const input of declared) {
    const value = given[input.id] ?? (input.default ? evaluateToken(input.default, contexts) : '');
    env[inputVariable(input.id)] = value;
  }
  return env;
}

/** The runner's variable name for an input: spaces to `_`, upper case, dashes kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
