import { parseArgs } from 'node:util';

/**
 * `npm run bench [-- --only NAME]`: runs every benchmark in bench/ in turn. Each prints a table
 * of medians and ratios to its in-run baseline and appends it to bench/RESULTS.md.
 */
const BENCHMARKS: Record<string, () => Promise<{ run: () => unknown }>> = {
  'cold-start': () => import('./cold-start.bench.js'),
  'branch-policy': () => import('./branch-policy.bench.js'),
  'az-check': () => import('./az-check.bench.js'),
  'run-experiment': () => import('./run-experiment.bench.js'),
  'canary-gate': () => import('./canary-gate.bench.js'),
};

const { values } = parseArgs({ options: { only: { type: 'string', multiple: true } } });
const selected = values.only ?? Object.keys(BENCHMARKS);
for (const name of selected) {
  const load = BENCHMARKS[name];
  if (!load) {
    console.error(`Unknown benchmark '${name}': use one of ${Object.keys(BENCHMARKS).join(', ')}`);
    process.exit(2);
  }
  console.log(`== ${name}`);
  await (await load()).run();
}
