/**
 * A deliberately small IAM evaluator: identity policies only, Action/NotAction and Resource
 * wildcards, explicit Deny wins, and no match means implicit deny. Conditions are not evaluated.
 */
export interface IamStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
}

export interface IamPolicy {
  Version?: string;
  Statement: IamStatement[] | IamStatement;
}

export type IamDecision = 'allow' | 'explicit-deny' | 'implicit-deny';

/** IAM wildcards: `*` any run of characters, `?` one; action names compare case-insensitively. */
function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, ignoreCase ? 'i' : '').test(value);
}

function asList(value: string | string[] | undefined): string[] | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value : [value];
}

function statementMatches(statement: IamStatement, action: string, resource: string): boolean {
  const actions = asList(statement.Action);
  const notActions = asList(statement.NotAction);
  const actionOk = actions
    ? actions.some((pattern) => wildcardMatch(pattern, action, true))
    : notActions !== undefined && !notActions.some((pattern) => wildcardMatch(pattern, action, true));
  const resources = asList(statement.Resource) ?? ['*'];
  return actionOk && resources.some((pattern) => wildcardMatch(pattern, resource, false));
}

export function evaluatePolicy(policy: IamPolicy, action: string, resource: string): IamDecision {
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  const matching = statements.filter((statement) => statementMatches(statement, action, resource));
  if (matching.some((statement) => statement.Effect === 'Deny')) return 'explicit-deny';
  return matching.some((statement) => statement.Effect === 'Allow') ? 'allow' : 'implicit-deny';
}

/** AWS's wording for a refusal; the reason clause names why, as recent AWS messages do. */
export function accessDeniedMessage(
  principalArn: string,
  action: string,
  resource: string,
  decision: IamDecision,
) {
  const because =
    decision === 'explicit-deny'
      ? `with an explicit deny in an identity-based policy`
      : `because no identity-based policy allows the ${action} action`;
  return `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource} ${because}`;
}
