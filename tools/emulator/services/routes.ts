import type { RawRequest } from '../protocols/types.js';

/** A REST operation: method plus path template with `{label}` segments. */
export interface Route {
  method: string;
  path: string;
  operation: string;
}

export interface RouteMatch {
  operation: string;
  labels: Record<string, string>;
}

function matchPath(template: string, path: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = path.split('?')[0]!.split('/');
  if (want.length !== got.length) return undefined;
  const labels: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const actual = got[index]!;
    if (segment.startsWith('{') && segment.endsWith('}')) {
      if (actual === '') return undefined;
      labels[segment.slice(1, -1)] = decodeURIComponent(actual);
    } else if (segment !== actual) {
      return undefined;
    }
  }
  return labels;
}

export function matchRoute(routes: readonly Route[], request: RawRequest): RouteMatch | undefined {
  for (const route of routes) {
    if (route.method !== request.method) continue;
    const labels = matchPath(route.path, request.path);
    if (labels) return { operation: route.operation, labels };
  }
  return undefined;
}

/** Query parameters as a plain object (first value wins), for recording and handlers. */
export function queryParams(request: RawRequest): Record<string, string> {
  return Object.fromEntries(request.query);
}
