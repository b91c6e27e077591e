import type { RuleId } from './rules.js';
import {
  children,
  type Loc,
  type MapNode,
  type Node,
  numberValue,
  type ScalarNode,
  stringValue,
} from './tree.js';
import {
  idPrefixFor,
  isRegionMappedPerAccount,
  REGION_PATTERN,
  type ZoneName,
  type ZoneToken,
  zoneExists,
  zonesInText,
} from './zones.js';

/**
 * What every format analyzer shares: the findings of one file, the nodes already explained by a
 * specific rule (so the generic fallback never reports them twice), the region the file deploys
 * to, and the checks that apply to every AZ token wherever it appears.
 */
export interface RawFinding {
  ruleId: RuleId;
  loc: Loc;
  message: string;
  /** May contain ID_PLACEHOLDER, replaced by the resolved AZ ID (or `use1-az…`). */
  fix: string;
  zone?: ZoneToken;
  /** Decides the severity of `by-region` rules. */
  region?: string;
  /** cfn-lint checks ignored in the template or resource this finding is in. */
  cfnLintIgnores?: readonly string[];
  /** Found by the line scan of a file that did not parse, not by the format's rules. */
  lineScan?: true;
  /** How `fix` can rewrite it: rename the attribute to its AZ ID twin and put the ID as value. */
  rewrite?: Rewrite;
}

/** An HCL attribute with an AZ ID twin (`availability_zone` -> `availability_zone_id`). */
export interface Rewrite {
  attribute: string;
  idAttribute: string;
}

export const ID_PLACEHOLDER = '{AZ_ID}';
const GENERIC_PICK_FIX =
  'Pin zones by AZ ID where placement must match across accounts (shared subnets, peering); otherwise suppress with a reason';

/** A placement attribute and the fix it accepts. */
export interface Placement {
  rule: 'AZ001' | 'AZ002' | 'AZ003' | 'AZ007';
  /** Where the value sits, for the message: "availability_zone of aws_subnet.a". */
  where: string;
  fix: (zone: ZoneName) => string;
  cfnLintIgnores?: readonly string[];
  rewrite?: Rewrite;
}

// Keys whose value says which region a file deploys to (Terraform providers, eksctl metadata, ...).
const REGION_KEYS = new Set([
  'region',
  'Region',
  'aws_region',
  'awsRegion',
  'aws-region',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
]);
// Free text the generic fallback leaves alone.
const PROSE_KEYS = new Set(['description', 'Description', 'comment', 'Comment']);
const REGION_REFERENCE = /region/i;
const AZ_LIST_SOURCE = /^data\.aws_availability_zones\.[^.[]+\.(names|zone_ids)/;
const INDEXED_AZ_PICK = /^data\.aws_availability_zones\.[^.[]+\.(names|zone_ids)\[\d+\]$/;
const SINGLE_LETTER_SUFFIX = /^[a-z](?![a-z0-9])/;

export class Analysis {
  readonly findings: RawFinding[] = [];
  private readonly claimed = new Set<Node>();
  private readonly claimedKeys = new Set<string>();
  /** The one region the file deploys to, when it says so unambiguously. */
  readonly fileRegion: string | undefined;

  constructor(roots: readonly Node[]) {
    this.fileRegion = inferRegion(roots);
  }

  claim(node: Node): void {
    this.claimed.add(node);
  }

  isClaimed(node: Node): boolean {
    return this.claimed.has(node);
  }

  add(finding: RawFinding): void {
    this.findings.push(finding);
  }

  /**
   * Reports every AZ token in a value placed by `placement` (strings, lists, nested lists) and
   * claims the nodes. Returns true when it found at least one AZ name.
   */
  placementValue(node: Node | undefined, placement: Placement): boolean {
    if (!node) return false;
    let found = false;
    if (node.kind === 'list') {
      for (const item of node.items) found = this.placementValue(item, placement) || found;
      this.claim(node);
      return found;
    }
    if (node.kind !== 'scalar' || typeof node.value !== 'string') return false;
    this.claim(node);
    for (const { zone, loc } of tokensOf(node)) {
      if (this.invalidZone(zone, loc, placement.cfnLintIgnores)) continue;
      if (zone.kind !== 'name') continue;
      found = true;
      this.add({
        ruleId: placement.rule,
        loc,
        zone,
        region: zone.region,
        message: `Hard-coded AZ name '${zone.text}' in ${placement.where}: ${regionNote(zone)}`,
        fix: placement.fix(zone),
        ...(placement.cfnLintIgnores ? { cfnLintIgnores: placement.cfnLintIgnores } : {}),
        // Only a lone scalar value can be renamed to the (single-valued) ID attribute.
        ...(placement.rewrite && node.value === zone.text ? { rewrite: placement.rewrite } : {}),
      });
    }
    return found;
  }

  /** AZ005/AZ006 for any token; true when the token was reported as invalid. */
  invalidZone(zone: ZoneToken, loc: Loc, cfnLintIgnores?: readonly string[]): boolean {
    const extra = cfnLintIgnores ? { cfnLintIgnores } : {};
    if (zoneExists(zone) === false) {
      const kind = zone.kind === 'name' ? 'AZ name' : 'AZ ID';
      this.add({
        ruleId: 'AZ006',
        loc,
        zone,
        ...(zone.region ? { region: zone.region } : {}),
        message: `${kind} '${zone.text}' does not exist in ${zone.region}`,
        fix: `Use a zone that exists in ${zone.region}: aws ec2 describe-availability-zones --region ${zone.region}`,
        ...extra,
      });
      return true;
    }
    if (zone.kind === 'id' && zone.region && this.fileRegion && zone.region !== this.fileRegion) {
      this.add({
        ruleId: 'AZ005',
        loc,
        zone,
        region: this.fileRegion,
        message: `AZ ID '${zone.text}' is in ${zone.region}, but this file deploys to ${this.fileRegion}`,
        fix: `Use an AZ ID of ${this.fileRegion} (${idPrefixFor(this.fileRegion) ?? 'its prefix'}-azN)`,
        ...extra,
      });
      return true;
    }
    return false;
  }

  /**
   * The fallback for every format: AZ tokens in any value or key not explained by a specific
   * rule, index-based picks (HCL traversals, CloudFormation Fn::Select over Fn::GetAZs) and
   * region-derived names, anywhere in the tree.
   */
  genericWalk(root: Node, cfnLintIgnores?: readonly string[]): void {
    const stack: { node: Node; prose: boolean }[] = [{ node: root, prose: false }];
    while (stack.length > 0) {
      const { node, prose } = stack.pop()!;
      if (prose) continue;
      this.accountDependentPick(node, cfnLintIgnores);
      if (node.kind === 'map') this.mapKeys(node, cfnLintIgnores);
      if (node.kind === 'list') this.nameList(node, cfnLintIgnores);
      if (node.kind === 'scalar' && !this.isClaimed(node)) this.looseScalar(node, 'AZ007', cfnLintIgnores);
      if (node.kind === 'map') {
        for (const e of node.entries) stack.push({ node: e.value, prose: PROSE_KEYS.has(e.key) });
      } else {
        for (const c of children(node)) stack.push({ node: c, prose: false });
      }
    }
  }

  private mapKeys(node: MapNode, cfnLintIgnores?: readonly string[]): void {
    for (const e of node.entries) {
      const zones = zonesInText(e.key);
      const key = `${e.keyLoc.line}:${e.keyLoc.column}`;
      if (zones.length !== 1 || zones[0]!.zone.text !== e.key || this.claimedKeys.has(key)) continue;
      this.claimedKeys.add(key);
      const zone = zones[0]!.zone;
      if (this.invalidZone(zone, e.keyLoc, cfnLintIgnores) || zone.kind !== 'name') continue;
      this.add({
        ruleId: 'AZ007',
        loc: e.keyLoc,
        zone,
        region: zone.region,
        message: `Hard-coded AZ name '${zone.text}' used as a key: ${regionNote(zone)}`,
        fix: 'Key the entry by AZ ID, or by a neutral name with the zone resolved per account',
        ...(cfnLintIgnores ? { cfnLintIgnores } : {}),
      });
    }
  }

  /** A list made only of AZ names outside known attributes: a name list (AZ003). */
  private nameList(node: Node & { kind: 'list' }, cfnLintIgnores?: readonly string[]): void {
    if (this.isClaimed(node) || node.items.length === 0) return;
    const allNames = node.items.every((item) => {
      const text = stringValue(item);
      const tokens = text === undefined ? [] : zonesInText(text);
      return tokens.length === 1 && tokens[0]!.zone.kind === 'name' && tokens[0]!.zone.text === text;
    });
    if (!allNames) return;
    for (const item of node.items)
      if (item.kind === 'scalar') this.looseScalar(item, 'AZ003', cfnLintIgnores);
  }

  looseScalar(node: ScalarNode, rule: 'AZ003' | 'AZ007', cfnLintIgnores?: readonly string[]): void {
    this.placementValue(node, {
      rule,
      where: rule === 'AZ003' ? 'a list of AZ names' : 'a value',
      fix: (zone) =>
        rule === 'AZ003'
          ? `List AZ IDs instead (${ID_PLACEHOLDER} for ${zone.text}) and resolve names where a resource needs them`
          : `Use the AZ ID (${ID_PLACEHOLDER}) or derive the name from it at deploy time`,
      ...(cfnLintIgnores ? { cfnLintIgnores } : {}),
    });
  }

  /**
   * AZ004: `names[0]`, `element(names, 0)`, `slice(names, ...)`, `Fn::Select` over `Fn::GetAZs`,
   * `${region}a`. `fix` is given where the attribute is known (placements.ts); true when reported.
   */
  accountDependentPick(node: Node, cfnLintIgnores?: readonly string[], fix = GENERIC_PICK_FIX): boolean {
    const description = describeAccountDependentPick(node);
    if (!description || this.isClaimed(node)) return false;
    this.claim(node);
    this.add({
      ruleId: 'AZ004',
      loc: node.loc,
      message: `${description}: the zone behind a name depends on the account, so this picks a different physical zone in each account`,
      fix,
      ...(cfnLintIgnores ? { cfnLintIgnores } : {}),
    });
    return true;
  }
}

/** Says what kind of account-dependent pick a node is, or undefined. */
export function describeAccountDependentPick(node: Node): string | undefined {
  if (node.kind === 'expr') {
    if (node.form === 'traversal' && node.name && INDEXED_AZ_PICK.test(node.name)) {
      return `Index-based AZ pick ${node.name}`;
    }
    if (node.form === 'call' && (node.name === 'element' || node.name === 'slice')) {
      const [list, index] = node.children;
      const fromAzs = list?.kind === 'expr' && list.name !== undefined && AZ_LIST_SOURCE.test(list.name);
      if (fromAzs && (node.name === 'slice' || numberValue(index) !== undefined)) {
        return `Index-based AZ pick ${node.text.replace(/\s+/g, ' ')}`;
      }
    }
    if (node.form === 'template' && regionThenLetter(node.children)) {
      return `AZ name built from the region (${node.text})`;
    }
    return undefined;
  }
  if (node.kind !== 'map' || node.entries.length !== 1) return undefined;
  const only = node.entries[0]!;
  if (only.key === 'Fn::Select') return cfnSelectOverGetAzs(only.value);
  if (only.key === 'Fn::Sub') return cfnSubRegionLetter(only.value);
  if (only.key === 'Fn::Join') return cfnJoinRegionLetter(only.value);
  return undefined;
}

function regionThenLetter(parts: readonly Node[]): boolean {
  for (let i = 0; i + 1 < parts.length; i += 1) {
    const current = parts[i]!;
    const nextText = stringValue(parts[i + 1]);
    const isRegion = current.kind === 'expr' && REGION_REFERENCE.test(current.text);
    if (isRegion && nextText !== undefined && SINGLE_LETTER_SUFFIX.test(nextText)) return true;
  }
  return false;
}

function cfnSelectOverGetAzs(value: Node): string | undefined {
  if (value.kind !== 'list') return undefined;
  const [index, list] = value.items;
  const overGetAzs = list?.kind === 'map' && list.entries.some((e) => e.key === 'Fn::GetAZs');
  if (!overGetAzs) return undefined;
  return `Index-based AZ pick Fn::Select [${numberValue(index) ?? '?'}, Fn::GetAZs]`;
}

function cfnSubRegionLetter(value: Node): string | undefined {
  const text = stringValue(value) ?? (value.kind === 'list' ? stringValue(value.items[0]) : undefined);
  if (text && /\$\{AWS::Region\}[a-z](?![a-z0-9])/.test(text))
    return `AZ name built from the region (${text})`;
  return undefined;
}

function cfnJoinRegionLetter(value: Node): string | undefined {
  if (value.kind !== 'list') return undefined;
  const parts = value.items[1];
  if (parts?.kind !== 'list') return undefined;
  for (let i = 0; i + 1 < parts.items.length; i += 1) {
    const ref = parts.items[i]!;
    const isRegion = ref.kind === 'map' && stringValue(ref.entries[0]?.value) === 'AWS::Region';
    const next = stringValue(parts.items[i + 1]);
    if (isRegion && next !== undefined && SINGLE_LETTER_SUFFIX.test(next))
      return 'AZ name built from the region (Fn::Join)';
  }
  return undefined;
}

/** Each AZ token of a string scalar with its exact location. */
export function tokensOf(node: ScalarNode): { zone: ZoneToken; loc: Loc }[] {
  if (typeof node.value !== 'string') return [];
  return zonesInText(node.value).map(({ zone, offset }) => ({
    zone,
    loc: node.contentStart
      ? {
          line: node.contentStart.line,
          column: node.contentStart.column + offset,
          endLine: node.contentStart.line,
          endColumn: node.contentStart.column + offset + zone.text.length,
        }
      : node.loc,
  }));
}

export function regionNote(zone: ZoneToken): string {
  if (zone.kind === 'name' && zone.zoneType !== 'availability-zone') {
    return `${zone.zoneType === 'local-zone' ? 'Local Zone' : 'Wavelength Zone'} names are account-scoped labels; the zone ID is stable`;
  }
  return zone.region && isRegionMappedPerAccount(zone.region)
    ? `${zone.region} maps AZ names to physical zones per account, so this is a different zone in another account`
    : `${zone.region ?? 'this region'} maps names uniformly today, but only AZ IDs are guaranteed stable across accounts`;
}

/** The region a file deploys to: explicit region settings first, then the regions of its AZ names. */
function inferRegion(roots: readonly Node[]): string | undefined {
  const explicit = new Set<string>();
  const fromNames = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'map') {
      for (const e of node.entries) {
        const value = stringValue(e.value);
        if (value && REGION_KEYS.has(e.key) && REGION_PATTERN.test(value)) explicit.add(value);
      }
    }
    if (node.kind === 'scalar' && typeof node.value === 'string' && node.value.length < 512) {
      for (const { zone } of zonesInText(node.value)) if (zone.kind === 'name') fromNames.add(zone.region);
    }
    stack.push(...children(node));
  }
  const hints = explicit.size > 0 ? explicit : fromNames;
  return hints.size === 1 ? [...hints][0] : undefined;
}
