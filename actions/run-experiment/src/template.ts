import {
  type ExperimentTemplate,
  type ExperimentTemplateSummary,
  type FisClient,
  GetExperimentTemplateCommand,
  ListExperimentTemplatesCommand,
} from '@aws-sdk/client-fis';
import { ConfigurationError, describeAwsError } from '../../../core/errors.js';
import type { Logger } from '../../../core/log.js';
import { collectPages } from '../../../core/paging.js';
import type { TemplateSelector } from './settings.js';

/** The largest page ListExperimentTemplates serves (API reference: maxResults 1-100). */
export const TEMPLATES_PAGE_SIZE = 100;
/** A safety cap on paging, should a service ever hand back a token forever. */
const MAX_LISTED_MATCHES = 10;

/** Finds the template the inputs name and reads it in full (targets, actions, stop conditions). */
export async function resolveTemplate(
  fis: FisClient,
  selector: TemplateSelector,
  log: Logger,
  signal?: AbortSignal,
): Promise<ExperimentTemplate> {
  const id =
    selector.kind === 'id' ? selector.id : await findTemplateIdByTags(fis, selector.tags, log, signal);
  try {
    const { experimentTemplate } = await fis.send(new GetExperimentTemplateCommand({ id }), {
      abortSignal: signal,
    });
    if (!experimentTemplate?.id) throw new Error(`GetExperimentTemplate returned no template for ${id}`);
    return experimentTemplate;
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') {
      throw new ConfigurationError(
        `Experiment template '${id}' was not found in this account and region: check experiment-template-id and region`,
      );
    }
    throw error;
  }
}

/** Every template summary, over all pages: ListExperimentTemplates has no tag filter. */
export function listAllTemplates(fis: FisClient, signal?: AbortSignal): Promise<ExperimentTemplateSummary[]> {
  return collectPages('ListExperimentTemplates', async (nextToken) => {
    const page = await fis.send(
      new ListExperimentTemplatesCommand({ maxResults: TEMPLATES_PAGE_SIZE, nextToken }),
      {
        abortSignal: signal,
      },
    );
    return { items: page.experimentTemplates, next: page.nextToken };
  });
}

export function matchesTags(template: ExperimentTemplateSummary, tags: Record<string, string>): boolean {
  return Object.entries(tags).every(([key, value]) => template.tags?.[key] === value);
}

export async function findTemplateIdByTags(
  fis: FisClient,
  tags: Record<string, string>,
  log: Logger,
  signal?: AbortSignal,
): Promise<string> {
  let templates: ExperimentTemplateSummary[];
  try {
    templates = await listAllTemplates(fis, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error(describeAwsError(error, 'Listing experiment templates'), { cause: error });
  }
  const wanted = formatTags(tags);
  const matches = templates.filter((template) => matchesTags(template, tags));
  log.info(`Found ${matches.length} of ${templates.length} experiment templates tagged ${wanted}`);
  if (matches.length === 1) return matches[0]!.id!;
  if (matches.length === 0) {
    throw new ConfigurationError(
      `No experiment template is tagged ${wanted} (searched ${templates.length} templates): check experiment-template-tags and region`,
    );
  }
  const listed = matches
    .slice(0, MAX_LISTED_MATCHES)
    .map((t) => `${t.id}${t.description ? ` (${t.description})` : ''}`)
    .join(', ');
  const more = matches.length > MAX_LISTED_MATCHES ? ` and ${matches.length - MAX_LISTED_MATCHES} more` : '';
  throw new ConfigurationError(
    `${matches.length} experiment templates are tagged ${wanted}: ${listed}${more}; add a tag to experiment-template-tags that tells them apart, or use experiment-template-id`,
  );
}

export function formatTags(tags: Record<string, string>): string {
  return Object.entries(tags)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
}

/** CloudWatch alarm ARNs of the template's stop conditions (source `aws:cloudwatch:alarm`). */
export function stopConditionAlarmArns(template: ExperimentTemplate): string[] {
  return (template.stopConditions ?? [])
    .filter((condition) => condition.source === 'aws:cloudwatch:alarm' && condition.value)
    .map((condition) => condition.value!);
}

/** `arn:aws:cloudwatch:REGION:ACCOUNT:alarm:NAME` -> NAME (DescribeAlarms takes names). */
export function alarmNameFromArn(arnOrName: string): string {
  const marker = ':alarm:';
  const index = arnOrName.indexOf(marker);
  return index < 0 ? arnOrName : arnOrName.slice(index + marker.length);
}
