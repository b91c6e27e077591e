import { type Analysis, ID_PLACEHOLDER, type Placement } from './analysis.js';
import { pickFix, placementFor, terraformFix } from './placements.js';
import { asList, child, type MapNode, type Node, stringValue } from './tree.js';
import type { ZoneName } from './zones.js';

/**
 * Terraform rules over the `.tf.json` shape (which `.tf` files are parsed into): resources, data
 * sources, module inputs, variable defaults and tfvars. `terraform show -json` plans are mapped to
 * the same shape from their `configuration` section (what the author wrote), not from planned
 * values, which also hold every computed zone name of existing resources.
 */

/** Data sources whose name arguments have ID twins. */
const DATA_ID_ARGUMENTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  aws_availability_zone: { name: 'zone_id' },
  aws_availability_zones: { exclude_names: 'exclude_zone_ids' },
  aws_subnet: { availability_zone: 'availability_zone_id' },
};

/** EC2 Describe* filters that have an AZ ID twin, by data source. */
const ID_FILTERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  aws_availability_zones: { 'zone-name': 'zone-id' },
  aws_subnet: { 'availability-zone': 'availability-zone-id' },
  aws_subnets: { 'availability-zone': 'availability-zone-id' },
  aws_subnet_ids: { 'availability-zone': 'availability-zone-id' },
};

// Any attribute that names zones: availability_zone(s), preferred_availability_zones,
// availability_zone_name (EFS One Zone), secondary_availability_zone ...
const ZONE_ATTRIBUTE = /(^|_)availability_zones?(_name)?$/;
const VPC_MODULE_SOURCE = /terraform-aws-modules\/vpc\//;

/** A filter on a name-only field of a data source: the name must come from an ID. */
function filterFix(zone: ZoneName): string {
  return `This filter takes names only: resolve it from an AZ ID with data "aws_availability_zone" "zone" { zone_id = "${ID_PLACEHOLDER}" } and filter on data.aws_availability_zone.zone.name (the ID of ${zone.text} differs per account)`;
}

/** Maps of `key -> map`, whether written as HCL blocks, JSON objects or JSON arrays of objects. */
function maps(node: Node | undefined): MapNode[] {
  return asList(node).filter((n): n is MapNode => n.kind === 'map');
}

/** Every `type -> name -> body` of the top-level key (`resource`, `data`, `module` ...). */
function* labelled(root: MapNode, key: string, depth: 1 | 2): Generator<{ labels: string[]; body: MapNode }> {
  for (const e of root.entries) {
    if (e.key !== key) continue;
    for (const level1 of maps(e.value)) {
      for (const first of level1.entries) {
        if (depth === 1) {
          for (const body of maps(first.value)) yield { labels: [first.key], body };
          continue;
        }
        for (const level2 of maps(first.value)) {
          for (const second of level2.entries) {
            for (const body of maps(second.value)) yield { labels: [first.key, second.key], body };
          }
        }
      }
    }
  }
}

export function analyzeTerraform(root: Node, analysis: Analysis): void {
  if (root.kind !== 'map') return;
  for (const { labels, body } of labelled(root, 'resource', 2))
    resource(labels[0]!, labels[1]!, body, analysis);
  for (const { labels, body } of labelled(root, 'data', 2))
    dataSource(labels[0]!, labels[1]!, body, analysis);
  for (const { labels, body } of labelled(root, 'module', 1)) moduleCall(labels[0]!, body, analysis);
  for (const { labels, body } of labelled(root, 'variable', 1)) variable(labels[0]!, body, analysis);
}

function resource(type: string, name: string, body: MapNode, analysis: Analysis): void {
  zoneAttributes(body, `${type}.${name}`, analysis, (attribute) => {
    const pick = pickFix('terraform', type, attribute);
    const idAttribute = placementFor('terraform', type, attribute)?.idAttribute;
    if (idAttribute) {
      const rewrite = { attribute, idAttribute };
      return { rule: 'AZ001', fix: () => terraformFix(type, attribute, ''), pick, rewrite };
    }
    return { rule: 'AZ002', fix: (zone) => terraformFix(type, attribute, zone.text), pick };
  });
}

type AttributePlacement = Pick<Placement, 'rule' | 'fix' | 'rewrite'> & { pick?: string };

/** Walks a body and its nested blocks (placement, launch_template ...) for zone attributes. */
function zoneAttributes(
  body: MapNode,
  address: string,
  analysis: Analysis,
  placementFor: (attribute: string) => AttributePlacement,
): void {
  for (const e of body.entries) {
    if (ZONE_ATTRIBUTE.test(e.key)) {
      const { pick, ...placement } = placementFor(e.key);
      if (pick && analysis.accountDependentPick(e.value, undefined, pick)) continue;
      analysis.placementValue(e.value, { ...placement, where: `${e.key} of ${address}` });
    } else {
      for (const nested of maps(e.value)) zoneAttributes(nested, address, analysis, placementFor);
    }
  }
}

function dataSource(type: string, name: string, body: MapNode, analysis: Analysis): void {
  const address = `data.${type}.${name}`;
  for (const e of body.entries) {
    const twin = DATA_ID_ARGUMENTS[type]?.[e.key];
    if (twin) {
      analysis.placementValue(e.value, {
        rule: 'AZ001',
        where: `${e.key} of ${address}`,
        ...(e.key.endsWith('s') ? {} : { rewrite: { attribute: e.key, idAttribute: twin } }),
        fix: () =>
          `Use ${twin} = ${e.key.endsWith('s') ? `["${ID_PLACEHOLDER}"]` : `"${ID_PLACEHOLDER}"`} instead of ${e.key}`,
      });
    }
  }
  for (const filter of maps(child(body, 'filter'))) {
    const filterName = stringValue(child(filter, 'name'));
    if (!filterName) continue;
    const twin = ID_FILTERS[type]?.[filterName];
    analysis.placementValue(child(filter, 'values'), {
      rule: twin ? 'AZ001' : 'AZ002',
      where: `filter "${filterName}" of ${address}`,
      fix: twin ? () => `Filter by name = "${twin}" with values = ["${ID_PLACEHOLDER}"]` : filterFix,
    });
  }
}

function moduleCall(name: string, body: MapNode, analysis: Analysis): void {
  const source = stringValue(child(body, 'source')) ?? '';
  const acceptsIds = VPC_MODULE_SOURCE.test(source);
  for (const e of body.entries) {
    if (e.key === 'source' || e.key === 'version') continue;
    analysis.placementValue(e.value, {
      rule: 'AZ003',
      where: `input ${e.key} of module.${name}`,
      fix: acceptsIds
        ? () => `terraform-aws-modules/vpc accepts AZ IDs in ${e.key}: use "${ID_PLACEHOLDER}"`
        : () =>
            `Pass AZ IDs ("${ID_PLACEHOLDER}") and resolve names inside the module with data "aws_availability_zone" { zone_id = ... }`,
    });
  }
}

function variable(name: string, body: MapNode, analysis: Analysis): void {
  analysis.placementValue(child(body, 'default'), {
    rule: 'AZ003',
    where: `the default of variable "${name}"`,
    fix: () => `Default to AZ IDs ("${ID_PLACEHOLDER}"), or leave no default and set it per account`,
  });
}

/** tfvars and terragrunt inputs: top-level values are module inputs. */
export function analyzeVariableValues(root: Node, analysis: Analysis): void {
  if (root.kind !== 'map') return;
  const bodies = [root, ...maps(child(root, 'inputs'))];
  for (const body of bodies) {
    for (const e of body.entries) {
      analysis.placementValue(e.value, {
        rule: 'AZ003',
        where: `the value of ${e.key}`,
        fix: () => `Set AZ IDs ("${ID_PLACEHOLDER}") and resolve names where a resource needs them`,
      });
    }
  }
}

const PLAN_SECTIONS = ['configuration', 'planned_values', 'resource_changes', 'prior_state'];

/** `terraform show -json`: true when the document looks like a plan. */
export function isTerraformPlan(root: Node): boolean {
  return (
    root.kind === 'map' &&
    child(root, 'format_version') !== undefined &&
    PLAN_SECTIONS.some((section) => child(root, section) !== undefined)
  );
}

/**
 * Plans hold what the author wrote under `configuration` as `{constant_value: ...}` per
 * expression. Converting those back to the `.tf.json` shape lets the same rules run; positions
 * stay those of the plan file.
 */
export function analyzeTerraformPlan(root: Node, analysis: Analysis): void {
  const rootModule = child(child(root, 'configuration'), 'root_module');
  planModule(rootModule, analysis);
  const variables = child(root, 'variables');
  if (variables?.kind === 'map') {
    for (const e of variables.entries) {
      analysis.placementValue(child(e.value, 'value'), {
        rule: 'AZ003',
        where: `the value of variable "${e.key}"`,
        fix: () => `Set AZ IDs ("${ID_PLACEHOLDER}") and resolve names where a resource needs them`,
      });
    }
  }
}

function planModule(module: Node | undefined, analysis: Analysis, depth = 0): void {
  if (module?.kind !== 'map' || depth > 32) return;
  for (const item of asList(child(module, 'resources'))) {
    const type = stringValue(child(item, 'type'));
    const name = stringValue(child(item, 'name')) ?? '?';
    const body = constantValues(child(item, 'expressions'));
    if (!type || body?.kind !== 'map') continue;
    const mode = stringValue(child(item, 'mode'));
    if (mode === 'data') dataSource(type, name, body, analysis);
    else resource(type, name, body, analysis);
  }
  const calls = child(module, 'module_calls');
  if (calls?.kind !== 'map') return;
  for (const call of calls.entries) {
    const body = constantValues(child(call.value, 'expressions'));
    const source = child(call.value, 'source');
    if (body?.kind === 'map') {
      moduleCall(
        call.key,
        {
          ...body,
          entries: [
            ...(source ? [{ key: 'source', keyLoc: source.loc, value: source }] : []),
            ...body.entries,
          ],
        },
        analysis,
      );
    }
    planModule(child(call.value, 'module'), analysis, depth + 1);
  }
}

/** `{attr: {constant_value: v}, block: [{...}]}` -> `{attr: v, block: [{...}]}`; references dropped. */
function constantValues(node: Node | undefined): Node | undefined {
  if (!node) return undefined;
  if (node.kind === 'list') {
    return { ...node, items: node.items.map(constantValues).filter((n): n is Node => n !== undefined) };
  }
  if (node.kind !== 'map') return undefined;
  const constant = child(node, 'constant_value');
  if (constant) return constant;
  // `{references: [...]}`: an expression that is not a literal, nothing hard-coded to check.
  if (node.entries.length > 0 && node.entries.every((e) => e.key === 'references')) return undefined;
  const entries = node.entries
    .map((e) => ({ ...e, value: constantValues(e.value) }))
    .filter(
      (e): e is typeof e & { value: Node } =>
        e.value !== undefined && !(e.value.kind === 'map' && e.value.entries.length === 0),
    );
  return { ...node, entries };
}
