import { randomUUID } from 'node:crypto';
import { ApiError, HTTP_BAD_REQUEST, HTTP_CONFLICT, HTTP_NOT_FOUND } from '../errors.js';
import { parseJsonBody, restJson } from '../protocols/rest-json.js';
import type { RawRequest } from '../protocols/types.js';
import type { ExperimentTemplateSpec } from '../scenario.js';
import { alarmArn } from '../state/alarms.js';
import { type ExperimentRecord, type ExperimentStore, TERMINAL_STATUSES } from '../state/experiments.js';
import { alarmNameOf } from '../state/timelines.js';
import { jsonErrorTable, REST_THROTTLE_STATUS } from './errors.js';
import { paginate } from './paging.js';
import { matchRoute, queryParams, type Route } from './routes.js';
import {
  type CallContext,
  commonError,
  type IamRequirement,
  type ParsedCall,
  type ServiceModule,
} from './types.js';

const ROUTES: readonly Route[] = [
  { method: 'POST', path: '/experiments', operation: 'StartExperiment' },
  { method: 'GET', path: '/experiments', operation: 'ListExperiments' },
  { method: 'GET', path: '/experiments/{id}', operation: 'GetExperiment' },
  { method: 'DELETE', path: '/experiments/{id}', operation: 'StopExperiment' },
  {
    method: 'GET',
    path: '/experiments/{experimentId}/resolvedTargets',
    operation: 'ListExperimentResolvedTargets',
  },
  { method: 'GET', path: '/experimentTemplates', operation: 'ListExperimentTemplates' },
  { method: 'GET', path: '/experimentTemplates/{id}', operation: 'GetExperimentTemplate' },
  // FIS API reference, TagResource: `POST /tags/{resourceArn}`, body `{"tags": {...}}`, empty 200.
  { method: 'POST', path: '/tags/{resourceArn}', operation: 'TagResource' },
];

const PAGE_LIMITS = { defaultMax: 20, maxMax: 100 };
const STOP_CONDITION_SOURCE = 'aws:cloudwatch:alarm';
const DEFAULT_ROLE_NAME = 'fis-experiment-role';

const errors = jsonErrorTable({ status: REST_THROTTLE_STATUS, code: 'ThrottlingException' });

function validation(message: string): ApiError {
  return new ApiError(HTTP_BAD_REQUEST, 'ValidationException', message);
}

function notFound(message: string): ApiError {
  return new ApiError(HTTP_NOT_FOUND, 'ResourceNotFoundException', message);
}

type Template = ExperimentTemplateSpec & { createdAt: number };

const stopConditions = (template: ExperimentTemplateSpec, context: CallContext) => {
  const alarms = template.stopConditionAlarms ?? [];
  if (alarms.length === 0) return [{ source: 'none' }];
  return alarms.map((alarm) => ({
    source: STOP_CONDITION_SOURCE,
    value: alarm.startsWith('arn:') ? alarm : alarmArn(alarm, context.identity.accountId, context.region),
  }));
};

const roleArn = (template: ExperimentTemplateSpec, context: CallContext) =>
  template.roleArn ?? `arn:aws:iam::${context.identity.accountId}:role/${DEFAULT_ROLE_NAME}`;

const templateOut = (template: Template, context: CallContext) => ({
  id: template.id,
  arn: `arn:aws:fis:${context.region}:${context.identity.accountId}:experiment-template/${template.id}`,
  description: template.description ?? '',
  targets: template.targets ?? {},
  actions: template.actions ?? {},
  stopConditions: stopConditions(template, context),
  creationTime: new Date(template.createdAt),
  lastUpdateTime: new Date(template.createdAt),
  roleArn: roleArn(template, context),
  tags: template.tags ?? {},
  experimentOptions: {
    accountTargeting: 'single-account',
    emptyTargetResolutionMode: template.emptyTargetResolutionMode ?? 'fail',
  },
  targetAccountConfigurationsCount: 0,
});

const stateOut = (experiment: ExperimentRecord) => ({
  status: experiment.status,
  reason: experiment.reason,
  error: experiment.error,
});

const experimentOut = (experiment: ExperimentRecord, context: CallContext) => {
  const { template } = experiment;
  const actions = Object.fromEntries(
    Object.entries(template.actions ?? {}).map(([name, action]) => {
      const record = experiment.actions[name]!;
      const state = { status: record.status, reason: record.reason };
      const times = {
        startTime: record.startTime === undefined ? undefined : new Date(record.startTime),
        endTime: record.endTime === undefined ? undefined : new Date(record.endTime),
      };
      return [name, { ...action, state, ...times }];
    }),
  );
  return {
    id: experiment.id,
    arn: `arn:aws:fis:${experiment.region}:${experiment.accountId}:experiment/${experiment.id}`,
    experimentTemplateId: template.id,
    roleArn: roleArn(template, context),
    state: stateOut(experiment),
    targets: template.targets ?? {},
    actions,
    stopConditions: stopConditions(template, context),
    creationTime: new Date(experiment.createdAt),
    startTime: experiment.startTime === undefined ? undefined : new Date(experiment.startTime),
    endTime: experiment.endTime === undefined ? undefined : new Date(experiment.endTime),
    tags: experiment.tags,
    experimentOptions: {
      accountTargeting: 'single-account',
      emptyTargetResolutionMode: template.emptyTargetResolutionMode ?? 'fail',
      actionsMode: experiment.actionsMode,
    },
    targetAccountConfigurationsCount: 0,
  };
};

const findExperiment = (experiments: ExperimentStore, id: unknown): ExperimentRecord => {
  const experiment = experiments.get(String(id));
  if (!experiment) throw notFound(`Experiment ${String(id)} not found.`);
  return experiment;
};

const findTemplate = (experiments: ExperimentStore, id: unknown): Template => {
  const template = experiments.templates.get(String(id));
  if (!template) throw notFound(`Experiment template ${String(id)} not found.`);
  return template;
};

const startExperiment = (
  experiments: ExperimentStore,
  params: Record<string, unknown>,
  context: CallContext,
) => {
  if (typeof params.experimentTemplateId !== 'string') throw validation('experimentTemplateId is required.');
  const clientToken = typeof params.clientToken === 'string' ? params.clientToken : randomUUID();
  const existing = experiments.findByClientToken(clientToken);
  if (existing) {
    if (existing.template.id !== params.experimentTemplateId) {
      throw new ApiError(
        HTTP_CONFLICT,
        'ConflictException',
        'The client token was already used with different parameters.',
      );
    }
    return { experiment: experimentOut(existing, context) };
  }
  const options = (params.experimentOptions ?? {}) as { actionsMode?: unknown };
  const actionsMode = options.actionsMode ?? 'run-all';
  if (actionsMode !== 'run-all' && actionsMode !== 'skip-all') {
    throw validation(`Invalid actionsMode '${String(actionsMode)}': use run-all or skip-all.`);
  }
  const experiment = experiments.start({
    template: findTemplate(experiments, params.experimentTemplateId),
    clientToken,
    tags: (params.tags ?? {}) as Record<string, string>,
    actionsMode,
    accountId: context.identity.accountId,
    region: context.region,
    now: context.now,
    alarmArnOf: (name) => alarmArn(alarmNameOf(name), context.identity.accountId, context.region),
  });
  return { experiment: experimentOut(experiment, context) };
};

/**
 * FIS API reference, ListExperiments: `GET /experiments?experimentTemplateId=&maxResults=&nextToken=`;
 * experimentTemplateId "The ID of the experiment template", at most 64 characters, pattern
 * `[\S]+`; maxResults 1-100. The response holds ExperimentSummary objects (id, arn,
 * experimentTemplateId, state, creationTime, tags, experimentOptions) and nextToken. The order is
 * not documented: newest first here.
 */
const MAX_TEMPLATE_ID_LENGTH = 64;
const listExperiments = (
  experiments: ExperimentStore,
  params: Record<string, unknown>,
  context: CallContext,
) => {
  const templateId = params.experimentTemplateId;
  if (
    templateId !== undefined &&
    (typeof templateId !== 'string' ||
      templateId.length > MAX_TEMPLATE_ID_LENGTH ||
      !/^\S+$/.test(templateId))
  ) {
    throw validation(`Invalid experimentTemplateId '${String(templateId)}'.`);
  }
  const filtered = experiments.experiments
    .filter(
      (experiment) =>
        params.experimentTemplateId === undefined || experiment.template.id === params.experimentTemplateId,
    )
    .sort((a, b) => b.createdAt - a.createdAt);
  const page = paginate(filtered, params.nextToken, params.maxResults, PAGE_LIMITS);
  const summaries = page.items.map((experiment) => {
    const full = experimentOut(experiment, context);
    return {
      id: full.id,
      arn: full.arn,
      experimentTemplateId: full.experimentTemplateId,
      state: full.state,
      creationTime: full.creationTime,
      tags: full.tags,
      experimentOptions: full.experimentOptions,
    };
  });
  return { experiments: summaries, nextToken: page.nextToken };
};

const listTemplates = (
  experiments: ExperimentStore,
  params: Record<string, unknown>,
  context: CallContext,
) => {
  const all = [...experiments.templates.values()].sort((a, b) => a.id.localeCompare(b.id));
  const page = paginate(all, params.nextToken, params.maxResults, PAGE_LIMITS);
  const summaries = page.items.map((template) => {
    const { id, arn, description, creationTime, lastUpdateTime, tags } = templateOut(template, context);
    return { id, arn, description, creationTime, lastUpdateTime, tags };
  });
  return { experimentTemplates: summaries, nextToken: page.nextToken };
};

const resolvedTargets = (experiments: ExperimentStore, params: Record<string, unknown>) => {
  const experiment = findExperiment(experiments, params.experimentId);
  const matching = experiment.resolvedTargets.filter(
    (target) => params.targetName === undefined || target.targetName === params.targetName,
  );
  const page = paginate(matching, params.nextToken, params.maxResults, PAGE_LIMITS);
  return { resolvedTargets: page.items, nextToken: page.nextToken };
};

/** Tags an experiment (the only resource the gates tag); a new value for a key replaces the old. */
const tagResource = (experiments: ExperimentStore, params: Record<string, unknown>) => {
  const arn = String(params.resourceArn);
  const id = /:experiment\/([^/]+)$/.exec(arn)?.[1];
  const experiment = id === undefined ? undefined : experiments.get(id);
  if (!experiment) throw notFound(`Resource ${arn} not found.`);
  const tags = (params.tags ?? {}) as Record<string, string>;
  if (typeof tags !== 'object' || Object.keys(tags).length === 0) throw validation('tags is required.');
  experiment.tags = { ...experiment.tags, ...tags };
  return {};
};

/**
 * As in AWS: StartExperiment is authorised on the template and on the experiment it creates, and
 * with tags it also needs fis:TagResource on that new experiment.
 */
function iamRequirement(call: ParsedCall, context: CallContext): IamRequirement {
  const base = `arn:aws:fis:${context.region}:${context.identity.accountId}`;
  const id = call.params.id ?? call.params.experimentId;
  const resource =
    call.operation === 'TagResource'
      ? String(call.params.resourceArn)
      : call.operation === 'StartExperiment'
        ? `${base}:experiment-template/${String(call.params.experimentTemplateId)}`
        : call.operation === 'GetExperimentTemplate'
          ? `${base}:experiment-template/${String(id)}`
          : id === undefined
            ? '*'
            : `${base}:experiment/${String(id)}`;
  const tagged =
    call.operation === 'StartExperiment' && Object.keys((call.params.tags ?? {}) as object).length > 0;
  if (call.operation !== 'StartExperiment') return { actions: [`fis:${call.operation}`], resource };
  const newExperiment = `${base}:experiment/*`;
  return {
    actions: ['fis:StartExperiment', ...(tagged ? ['fis:TagResource'] : [])],
    resource,
    resourcesByAction: {
      'fis:StartExperiment': [resource, newExperiment],
      'fis:TagResource': [newExperiment],
    },
  };
}

/**
 * What the FIS API reference leaves unstated, made selectable so the gates are tested against each
 * plausible behaviour rather than the one their authors assumed:
 *
 * - `stopEnded`: StopExperiment on an experiment that has already ended. The API reference
 *   (https://docs.aws.amazon.com/fis/latest/APIReference/API_StopExperiment.html: "Stops the
 *   specified experiment", errors ResourceNotFoundException and ValidationException) says nothing
 *   about an ended one: answered with the experiment as it is (`return-experiment`, the default)
 *   or refused with a ValidationException (`validation-error`).
 */
export interface FisBehaviour {
  stopEnded?: 'return-experiment' | 'validation-error';
}

function stop(experiments: ExperimentStore, behaviour: FisBehaviour, id: unknown, context: CallContext) {
  const experiment = findExperiment(experiments, id);
  if (behaviour.stopEnded === 'validation-error' && TERMINAL_STATUSES.includes(experiment.status)) {
    throw validation(`Experiment ${experiment.id} has already ended (${experiment.status}).`);
  }
  experiments.stop(experiment, context.now);
  return { experiment: experimentOut(experiment, context) };
}

export function createFisService(experiments: ExperimentStore, behaviour: FisBehaviour = {}): ServiceModule {
  return {
    signingName: 'fis',
    iamPrefix: 'fis',
    protocol: restJson,
    errors,
    claims: (request) => /^\/(experiments|experimentTemplates)(\/|$|\?)/.test(request.path),
    parse(request: RawRequest): ParsedCall {
      const match = matchRoute(ROUTES, request);
      if (!match) throw commonError(errors, 'unknown-operation');
      return {
        operation: match.operation,
        params: { ...queryParams(request), ...parseJsonBody(request.body), ...match.labels },
      };
    },
    iam: iamRequirement,
    handle(call, context) {
      const { params } = call;
      switch (call.operation) {
        case 'StartExperiment':
          return startExperiment(experiments, params, context);
        case 'GetExperiment':
          return { experiment: experimentOut(findExperiment(experiments, params.id), context) };
        case 'StopExperiment':
          return stop(experiments, behaviour, params.id, context);
        case 'ListExperiments':
          return listExperiments(experiments, params, context);
        case 'ListExperimentResolvedTargets':
          return resolvedTargets(experiments, params);
        case 'ListExperimentTemplates':
          return listTemplates(experiments, params, context);
        case 'TagResource':
          return tagResource(experiments, params);
        case 'GetExperimentTemplate':
          return { experimentTemplate: templateOut(findTemplate(experiments, params.id), context) };
        default:
          throw commonError(errors, 'unknown-operation');
      }
    },
  };
}
