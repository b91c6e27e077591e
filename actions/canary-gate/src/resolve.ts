import type { Canary, SyntheticsClient } from '@aws-sdk/client-synthetics';
import picomatch from 'picomatch';
import { ConfigurationError } from '../../../core/errors.js';
import type { Logger } from '../../../core/log.js';
import { matchTags, type TagSelector } from './selection.js';
import { describeCanariesByName, listAllCanaries, listGroupCanaries, toCanaryInfo } from './synthetics.js';
import type { CanaryInfo } from './types.js';

/**
 * Which canaries the gate watches: names (looked up five per DescribeCanaries call), glob
 * patterns (matched over every page of DescribeCanaries, once) and a Synthetics group
 * (ListGroupResources), and tags (selection.ts, matched over the same full list). A pattern or a tag
 * selector that matches nothing, a name that does not exist and an empty group are configuration
 * errors: a gate that silently watches fewer canaries proves less. The selectors add up (union).
 */
export interface CanarySelection {
  names: readonly string[];
  patterns: readonly string[];
  group?: string;
  tags?: TagSelector;
}

export interface ResolveDeps {
  synthetics: SyntheticsClient;
  log: Logger;
  region: string;
  signal?: AbortSignal;
}

const NOT_FOUND = 'ResourceNotFoundException';

async function groupMembers(deps: ResolveDeps, group: string): Promise<string[]> {
  try {
    const members = await listGroupCanaries(deps.synthetics, group, deps.signal);
    if (members.length === 0) {
      throw new ConfigurationError(`Synthetics group '${group}' has no canaries in ${deps.region}`);
    }
    deps.log.info(`Group ${group}: ${members.join(', ')}`);
    return members;
  } catch (error) {
    if ((error as { name?: string }).name === NOT_FOUND) {
      throw new ConfigurationError(
        `Synthetics group '${group}' was not found in ${deps.region}: check the group name and the region`,
      );
    }
    throw error;
  }
}

function matchPatterns(all: readonly Canary[], patterns: readonly string[], region: string): string[] {
  const matched: string[] = [];
  for (const pattern of patterns) {
    const isMatch = picomatch(pattern);
    const names = all.map((canary) => canary.Name ?? '').filter((name) => isMatch(name));
    if (names.length === 0) {
      throw new ConfigurationError(
        `Invalid canaries '${pattern}': the pattern matches none of the ${all.length} canaries in ${region}`,
      );
    }
    matched.push(...names);
  }
  return matched;
}

export async function resolveCanaries(deps: ResolveDeps, selection: CanarySelection): Promise<CanaryInfo[]> {
  const wanted = [...selection.names];
  if (selection.group !== undefined) wanted.push(...(await groupMembers(deps, selection.group)));
  let known: Canary[];
  if (selection.patterns.length > 0 || selection.tags !== undefined) {
    // Patterns and tags need the whole list anyway: names are then found in it at no extra cost.
    known = await listAllCanaries(deps.synthetics, deps.signal);
    wanted.push(...matchPatterns(known, selection.patterns, deps.region));
    if (selection.tags !== undefined) wanted.push(...matchTags(known, selection.tags, deps.region));
  } else {
    known = await describeCanariesByName(deps.synthetics, [...new Set(wanted)], deps.signal);
  }
  const byName = new Map(known.map((canary) => [canary.Name ?? '', canary]));
  const unique = [...new Set(wanted)].sort();
  const missing = unique.filter((name) => !byName.has(name));
  if (missing.length > 0) {
    throw new ConfigurationError(
      `Canary not found in ${deps.region}: ${missing.join(', ')} (check the names and the region)`,
    );
  }
  return unique.map((name) => toCanaryInfo(byName.get(name)!));
}
