import { HttpStatus } from '@nestjs/common';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger';
import { problemResponse } from './api-problem-responses';
import { NOT_RATE_LIMITED } from './rate-limits';
import { TEXT_PATTERN } from './request-shape';

type Schema = SchemaObject | ReferenceObject;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Writes into the OpenAPI document what the request pipeline does for every operation, here
 * rather than on each route, so that no route can be left out:
 * - AccessGuard: an operation that needs a bearer token can answer 401 and 403;
 * - RateLimitGuard: any operation can answer 429, except those marked `x-rate-limited: false`;
 * - the body parser and ValidationPipe: an operation with a body can answer 400 and 413, and
 *   one with query parameters 400; a body may be left out when none of its fields is required
 *   (it is then taken as `{}`); and a body may have no properties its DTO does not declare;
 * - request-shape.ts: no text in a body or a query holds a control character.
 * Problems particular to a route (404, 409, 422, 503) are documented on the route.
 */
export function describeRequestPipeline(document: OpenAPIObject): OpenAPIObject {
  const requestSchemas = new Set<SchemaObject>();
  for (const operation of operationsOf(document)) {
    const requestBody = operation.requestBody as { required?: boolean; content: object };
    const bodySchema = requestBody
      ? (Object.values(requestBody.content)[0] as { schema: Schema }).schema
      : undefined;
    const queries = (operation.parameters ?? []).filter(
      (parameter): parameter is ParameterObject => 'in' in parameter && parameter.in === 'query',
    );

    if (bodySchema) {
      collectSchemas(document, bodySchema, requestSchemas);
      requestBody.required = (resolve(document, bodySchema).required ?? []).length > 0;
    }
    for (const query of queries)
      if (query.schema) collectSchemas(document, query.schema, requestSchemas);

    const problems: HttpStatus[] = [];
    if (bodySchema || queries.length > 0) problems.push(HttpStatus.BAD_REQUEST);
    if (needsToken(document, operation))
      problems.push(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    if (bodySchema) problems.push(HttpStatus.PAYLOAD_TOO_LARGE);
    if (isRateLimited(operation)) problems.push(HttpStatus.TOO_MANY_REQUESTS);
    for (const status of problems) operation.responses[status] ??= problemResponse(status);
    operation.responses = sortedByStatus(operation.responses);
  }
  requestSchemas.forEach(describeRequestSchema);
  return document;
}

function sortedByStatus<T extends object>(responses: T): T {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b))) as T;
}

/**
 * The methods the API answers on a path, as the document lists them (with HEAD wherever GET is,
 * as Express serves it): how a request for a known path with another method is told to be a 405
 * rather than a 404.
 */
export function methodsByPath(document: OpenAPIObject): (path: string) => string[] {
  const routes = Object.entries(document.paths).map(([template, item]) => {
    const methods = METHODS.filter((method) => item[method]).map((method) => method.toUpperCase());
    return {
      // A path parameter stands for one segment, or part of one: `/calendar/{token}.ics`.
      path: new RegExp(
        `^${template
          .split(/\{[^}]+\}/)
          .map(escapeRegExp)
          .join('[^/]+')}$`,
      ),
      methods: methods.includes('GET') ? [...methods, 'HEAD'] : methods,
    };
  });
  return (path) =>
    routes.filter((route) => route.path.test(path)).flatMap((route) => route.methods);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function* operationsOf(document: OpenAPIObject): Generator<OperationObject> {
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) if (path[method]) yield path[method];
  }
}

function isRateLimited(operation: OperationObject): boolean {
  const extensions: Record<string, unknown> = { ...operation };
  return extensions[NOT_RATE_LIMITED.extension] !== NOT_RATE_LIMITED.value;
}

function needsToken(document: OpenAPIObject, operation: OperationObject): boolean {
  return (operation.security ?? document.security ?? []).length > 0;
}

/** What a request schema accepts, as the pipeline checks it. */
function describeRequestSchema(schema: SchemaObject): void {
  if (schema.type === 'object' && schema.properties && schema.additionalProperties === undefined) {
    // forbidNonWhitelisted: a property the DTO does not declare is a 400.
    schema.additionalProperties = false;
  }
  if (schema.type === 'string' && !schema.pattern && !schema.enum && !schema.format) {
    schema.pattern = TEXT_PATTERN;
  }
}

/** Every schema a request schema is made of, following references into the components. */
function collectSchemas(document: OpenAPIObject, schema: Schema, found: Set<SchemaObject>): void {
  const resolved = resolve(document, schema);
  if (found.has(resolved)) return;
  found.add(resolved);
  const parts = [
    ...Object.values(resolved.properties ?? {}),
    ...(resolved.items ? [resolved.items] : []),
    ...(resolved.allOf ?? []),
    ...(resolved.anyOf ?? []),
    ...(resolved.oneOf ?? []),
  ];
  for (const part of parts) collectSchemas(document, part, found);
}

function resolve(document: OpenAPIObject, schema: Schema): SchemaObject {
  if (!('$ref' in schema)) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return document.components?.schemas?.[name] as SchemaObject;
}
