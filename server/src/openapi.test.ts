/**
 * The OpenAPI document (/api/docs/json) describes every operation completely: a success response, a
 * response schema for every status, the path parameters, and a request body for every write that takes one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../test/app';

interface Operation {
  parameters?: { in: string; name: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
type OpenApi = { paths: Record<string, Record<string, Operation>> };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** Writes that take no input at all. */
// actions that take nothing but the resource in the path
const NO_BODY = new Set([
  'post /api/v1/auth/logout',
  'post /api/v1/people/{id}/record-pdf',
  'post /api/v1/jobs/{id}/cancel',
  'post /api/v1/eligibility/store/rebuild',
  'post /api/v1/audit/chain/verify',
  'post /api/v1/users/{id}/unlock',
  'post /api/v1/me/sessions/end-others',
]);

/** What is missing from the document, one line per problem (empty when complete). */
export function openApiProblems(doc: OpenApi): string[] {
  const problems: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const name = `${method} ${path}`;
      const responses = op.responses ?? {};
      const statuses = Object.keys(responses);
      if (!statuses.some((s) => s.startsWith('2'))) problems.push(`${name}: no success response`);
      for (const status of statuses) {
        if (status === '204') continue; // no content, nothing to describe
        const content = Object.values(responses[status]?.content ?? {});
        if (content.length === 0 || content.some((c) => !c.schema)) {
          problems.push(`${name}: response ${status} has no schema`);
        }
      }
      for (const [, param] of path.matchAll(/\{(\w+)\}/g)) {
        if (!op.parameters?.some((p) => p.in === 'path' && p.name === param && p.schema)) {
          problems.push(`${name}: path parameter "${param}" has no schema`);
        }
      }
      if (['post', 'put', 'patch'].includes(method) && !NO_BODY.has(name)) {
        const body = Object.values(op.requestBody?.content ?? {});
        if (body.length === 0 || body.some((c) => !c.schema))
          problems.push(`${name}: request body has no schema`);
      }
    }
  }
  return problems;
}

describe('the OpenAPI document', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await buildTestApp('pglite');
  });

  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.database.close();
  });

  it('describes every operation with a response schema for every status, its parameters and its body', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as OpenApi;
    expect(Object.keys(doc.paths).length).toBeGreaterThan(10);
    expect(openApiProblems(doc)).toEqual([]);
  });

  it('notices an operation without a response schema, a path parameter or a body', () => {
    const doc: OpenApi = {
      paths: {
        '/api/v1/things/{id}': {
          get: {
            parameters: [{ in: 'path', name: 'id', schema: { type: 'string' } }],
            responses: { 200: {} },
          },
          patch: { responses: { 200: { content: { 'application/json': { schema: {} } } } } },
          delete: { parameters: [{ in: 'path', name: 'id', schema: {} }], responses: {} },
        },
      },
    };
    expect(openApiProblems(doc)).toEqual([
      'get /api/v1/things/{id}: response 200 has no schema',
      'patch /api/v1/things/{id}: path parameter "id" has no schema',
      'patch /api/v1/things/{id}: request body has no schema',
      'delete /api/v1/things/{id}: no success response',
    ]);
  });
});
