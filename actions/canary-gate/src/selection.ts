import type { Canary } from '@aws-sdk/client-synthetics';
import { invalidInput } from '../../../core/errors.js';
import type { Inputs } from '../../../core/inputs.js';

/**
 * `canary-tags`: select canaries by their tags (issue 14), as Checkly's CLI selects checks with
 * `--tags` ("a comma separated list of tags": a check runs only if it has all of them).
 *
 * - Several `Key=Value` pairs (one per line, or comma-separated) mean AND: a canary is selected
 *   when it carries every pair. A canary holds one value per key, so a key given twice can never
 *   match and is refused (as every Key=Value input refuses it).
 * - Keys and values compare exactly: AWS tags are case-sensitive.
 * - The tagged canaries are added to those `canaries` and `group` name (union): each input widens
 *   what is gated, none narrows another.
 * - A selector that matches no canary is a configuration error: gating nothing proves nothing.
 *
 * Where the tags come from: the Synthetics API reference's Canary structure has `Tags` ("The list
 * of key-value pairs that are associated with the canary"), returned by DescribeCanaries. The
 * DescribeCanaries request has only `MaxResults`, `NextToken` and `Names` (at most five): no tag
 * filter on the server, so the selector reads every page (resolve.ts) and matches here.
 */
export type TagSelector = Readonly<Record<string, string>>;

const INPUT = 'canary-tags';

/** The selector, or undefined when the input is empty (core's map() refuses a repeated key). */
export function readCanaryTags(inputs: Inputs): TagSelector | undefined {
  const tags = inputs.map(INPUT);
  return Object.keys(tags).length === 0 ? undefined : tags;
}

/** `Service=checkout, Env=prod`: the selector in one line, as the user can type it back. */
export function describeTagSelector(tags: TagSelector): string {
  return Object.entries(tags)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
}

export function carriesTags(canary: Canary, tags: TagSelector): boolean {
  const own = canary.Tags ?? {};
  return Object.entries(tags).every(([key, value]) => Object.hasOwn(own, key) && own[key] === value);
}

/** Names of the canaries carrying every tag; none is an error naming the input and its value. */
export function matchTags(all: readonly Canary[], tags: TagSelector, region: string): string[] {
  const names = all.filter((canary) => carriesTags(canary, tags)).map((canary) => canary.Name ?? '');
  if (names.length === 0) {
    const which = Object.keys(tags).length === 1 ? 'this tag' : 'all of these tags';
    throw invalidInput(
      INPUT,
      describeTagSelector(tags),
      `no canary of the ${all.length} in ${region} carries ${which} (tag keys and values are case-sensitive)`,
    );
  }
  return names;
}
