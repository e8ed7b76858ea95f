import { AjvCompiler } from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type Compilers = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

interface RouteSchema {
  schema: unknown;
  httpPart?: string;
}

type Factory = (externalSchemas: unknown, options: unknown) => (route: RouteSchema) => unknown;

/**
 * One of Fastify's own compilers (Ajv for input, fast-json-stringify for responses), remembering each
 * compiled schema for the life of the process, keyed by its content. A process that builds the app once
 * (the site) gains nothing and loses nothing; one that builds it hundreds of times (a test worker, an app
 * per test) compiles each of the routes' few hundred schemas once instead of every time. A compiled
 * function depends only on the schema and the compiler's options, never on the route that uses it.
 */
function rememberingByContent(factory: Factory): Factory {
  const compiled = new Map<string, unknown>();
  return (externalSchemas, options) => {
    const compile = factory(externalSchemas, options);
    const scope = JSON.stringify([externalSchemas, options]);
    return (route) => {
      const key = `${scope}${JSON.stringify(route.schema)}`;
      if (!compiled.has(key)) compiled.set(key, compile(route));
      return compiled.get(key);
    };
  };
}

/**
 * Header names arrive lower-cased. Fastify lower-cases a headers schema's names itself, but only for its
 * default compilers, so these do it for the shape header schemas take: top-level names and `required`.
 */
function lowerCaseHeaderNames(route: RouteSchema): RouteSchema {
  const schema = route.schema as { properties?: Record<string, unknown>; required?: string[] } | null;
  if (route.httpPart !== 'headers' || typeof schema !== 'object' || schema === null) return route;
  const properties = schema.properties && Object.fromEntries(Object.entries(schema.properties).map(([name, value]) => [name.toLowerCase(), value]));
  return { ...route, schema: { ...schema, ...(properties ? { properties } : {}), ...(schema.required ? { required: schema.required.map((name) => name.toLowerCase()) } : {}) } };
}

const validators = rememberingByContent(AjvCompiler() as unknown as Factory);

export const schemaCompilers = {
  buildValidator: (externalSchemas: unknown, options: unknown) => {
    const compile = validators(externalSchemas, options);
    return (route: RouteSchema) => compile(lowerCaseHeaderNames(route));
  },
  buildSerializer: rememberingByContent(SerializerSelector() as unknown as Factory),
} as unknown as Compilers;
