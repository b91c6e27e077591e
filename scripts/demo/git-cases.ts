import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pullRequestEvent } from '../../tools/harness/events.js';
import type { Sandbox } from '../../tools/harness/git-sandbox.js';
import type { DemoCase } from './types.js';

/**
 * The git side of the demo: a scratch repository with a bare origin, pull requests pushed to it,
 * and checkouts made the way actions/checkout makes them (depth 1 at GitHub's synthetic
 * refs/pull/N/merge commit), so the gates must fetch the history they need themselves.
 */
const NETWORK_TF = `# Shared VPC for the checkout service.
resource "aws_vpc" "checkout" {
  cidr_block = "10.20.0.0/16"
}
`;

const HARD_CODED_SUBNET = `
resource "aws_subnet" "checkout_a" {
  vpc_id            = aws_vpc.checkout.id
  cidr_block        = "10.20.1.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_ebs_volume" "ledger" {
  availability_zone = "us-east-1b"
  size              = 100
}
`;

const ZONE_ID_SUBNET = `
resource "aws_subnet" "checkout_a" {
  vpc_id               = aws_vpc.checkout.id
  cidr_block           = "10.20.1.0/24"
  availability_zone_id = "use1-az4"
}
`;

function commitFile(sandbox: Sandbox, path: string, content: string, subject: string): void {
  writeFileSync(join(sandbox.workDir, path), content);
  sandbox.git(['add', '--', path]);
  sandbox.git(['commit', '--quiet', '-m', subject]);
}

function openPullRequest(sandbox: Sandbox, number: number, head: string): DemoCase['event'] & object {
  sandbox.push(`${head}:refs/heads/${head}`);
  sandbox.syntheticMerge(number, 'main', head);
  return pullRequestEvent({
    base: 'main',
    baseSha: sandbox.sha('main'),
    head,
    headSha: sandbox.sha(head),
    number,
  });
}

/** The git cases, in a scratch repository the caller owns (and removes when the demo ends). */
export function gitCases(sandbox: Sandbox): DemoCase[] {
  commitFile(sandbox, 'network.tf', NETWORK_TF, 'Add the checkout VPC');
  sandbox.git(['branch', '-M', 'main']);
  sandbox.push('main');

  sandbox.switch('feature/zone-ids', true);
  commitFile(sandbox, 'subnets.tf', NETWORK_TF + ZONE_ID_SUBNET, 'Add the checkout subnet by AZ ID');

  sandbox.switch('main');
  sandbox.switch('feature/hard-coded-az', true);
  commitFile(
    sandbox,
    'subnets.tf',
    NETWORK_TF + HARD_CODED_SUBNET,
    'Add the checkout subnet and ledger volume',
  );
  sandbox.switch('main');
  sandbox.commit('Bump provider versions');
  sandbox.push('main');
  sandbox.switch('feature/hard-coded-az');
  sandbox.merge('main');
  sandbox.commit('fixup! Add the checkout subnet and ledger volume');
  const tangledPr = openPullRequest(sandbox, 102, 'feature/hard-coded-az');
  // The other branch forked before main moved: its author rebases it, as the policy asks.
  sandbox.switch('feature/zone-ids');
  sandbox.git(['rebase', '--quiet', 'main']);
  const currentPr = openPullRequest(sandbox, 101, 'feature/zone-ids');

  // One checkout per step, as each job gets its own: steps that run at once must not deepen
  // the same shallow clone together.
  const checkout = (number: number) => sandbox.shallowCheckout(`refs/pull/${number}/merge`);
  return [
    {
      action: 'branch-policy',
      title: 'rebased, linear pull request',
      expected: 'pass',
      inputs: {},
      event: currentPr,
      workspace: checkout(101),
    },
    {
      action: 'branch-policy',
      title: 'pull request with a back-merge from main and a fixup! commit',
      expected: 'fail',
      inputs: {},
      event: tangledPr,
      workspace: checkout(102),
    },
    {
      action: 'az-check',
      title: 'Terraform change that uses AZ IDs',
      expected: 'pass',
      inputs: {},
      event: currentPr,
      workspace: checkout(101),
    },
    {
      action: 'az-check',
      title: 'Terraform change with hard-coded AZ names',
      expected: 'fail',
      inputs: {},
      event: tangledPr,
      workspace: checkout(102),
    },
  ];
}
