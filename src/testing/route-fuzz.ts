/**
 * Hostile requests generated from a route's own schema: every path parameter, every query property
 * the schema knows plus the usual paging names, every body property as JSON and as a form, each
 * given values that have broken servers before. Deterministic and bounded: the same list every run.
 */

export interface JsonSchemaLike {
  type?: string | string[];
  properties?: Record<string, JsonSchemaLike>;
  required?: string[];
  enum?: readonly unknown[];
  anyOf?: JsonSchemaLike[];
  minimum?: number;
}

export interface RouteUnderTest {
  method: string;
  url: string;
  schema?: { params?: unknown; querystring?: unknown; body?: unknown };
}

/** A valid request to bend: one hostile value at a time replaces one of its parts. */
export interface BaseRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, unknown> | null;
}

export interface FuzzCase {
  label: string;
  method: string;
  url: string;
  /** Raw payload text (already encoded) and its content type, when there is a body. */
  payload?: string;
  contentType?: 'application/json' | 'application/x-www-form-urlencoded';
}

/** A value as it travels in a URL or a form: one or more `key=value` pieces, already encoded. */
interface WireValue {
  label: string;
  pieces: (key: string) => string;
}

const plain = (label: string, value: string): WireValue => ({ label, pieces: (key) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}` });
const raw = (label: string, encoded: string): WireValue => ({ label, pieces: (key) => `${encodeURIComponent(key)}=${encoded}` });

/**
 * Each list starts with the values that have broken this app or its libraries before (Ajv turns
 * `1e309` and `Infinity` into Infinity; JSON's `"\\ud800"` is a lone surrogate; PostgreSQL refuses
 * NUL). Every field gets those; of the rest it gets one, chosen by a hash of route and field, so
 * the run stays a few thousand requests while every value is still sent to many fields.
 */
interface Catalogue<T> {
  core: T[];
  rest: T[];
}

const QUERY_VALUES: Catalogue<WireValue> = {
  core: [plain('1e309', '1e309'), plain('NUL', '\u0000'), raw('lone surrogate (CESU-8)', '%ED%A0%80'),
    { label: 'repeated', pieces: (key) => `${encodeURIComponent(key)}=1&${encodeURIComponent(key)}=2` }],
  rest: [
    plain('Infinity', 'Infinity'), plain('-Infinity', '-Infinity'), plain('-1e309', '-1e309'), plain('NaN', 'NaN'), plain('-1', '-1'),
    plain('0', '0'), plain('1.5', '1.5'), plain('2^53+1', '9007199254740993'), plain('empty', ''), plain('long', 'x'.repeat(5000)),
    plain('CRLF', '\r\n'), raw('overlong slash', '%C0%AF'), raw('broken escape', '%E0%A4%A'), raw('bare percent', '%'),
    plain('space', ' '), plain('__proto__', '__proto__'), plain('path traversal', '../../../etc/passwd'),
    plain('markup', '<script>alert(1)</script>'), plain('scheme-relative', '//evil.example'), plain('slash tab slash', '/\t/evil.example'), plain('slash newline', '/\n/x'), plain('unicode', '\u202e\u00e9\u4e2d\ud83d\ude00'),
    { label: 'bracket object', pieces: (key) => `${encodeURIComponent(key)}[a]=1` },
    { label: 'bracket array', pieces: (key) => `${encodeURIComponent(key)}[]=1` },
  ],
};

/** Form fields: fewer, as most form routes share their parsing and rules with a JSON twin. */
const FORM_VALUES: Catalogue<WireValue> = { core: QUERY_VALUES.core.slice(0, 2), rest: [...QUERY_VALUES.core.slice(2), ...QUERY_VALUES.rest] };

/** Whole extra pieces, not tied to one field. */
const EXTRA_PIECES: WireValue[] = [
  { label: 'prototype keys', pieces: () => '__proto__=1&__proto__[polluted]=1&constructor[prototype][polluted]=1&toString=1&hasOwnProperty=1' },
];

/** Paging names many routes read: where the schema does not name them, all of them at once. */
export const PAGING_KEYS = ['page', 'pageSize', 'limit', 'cursor', 'next'];

/** JSON values as raw text (1e309 parses to Infinity; `\\ud800` to a lone surrogate). */
const JSON_VALUES: Catalogue<[string, string]> = {
  core: [['1e309', '1e309'], ['lone high surrogate', '"x\\ud800y"'], ['array', '[1,"a",null]']],
  rest: [
    ['NUL', '"\\u0000"'], ['__proto__ object', '{"__proto__":{"polluted":1}}'],
    ['-1e309', '-1e309'], ['-1', '-1'], ['0', '0'], ['1.5', '1.5'], ['a number', '12345'], ['"Infinity"', '"Infinity"'],
    ['a numeric string', '"12"'], ['empty string', '""'], ['true', 'true'], ['null', 'null'], ['long string', JSON.stringify('x'.repeat(60_000))],
    ['CRLF', '"\\r\\n"'], ['lone low surrogate', '"\\udfff"'], ['empty array', '[]'], ['nested object', '{"a":{"b":{"c":[1]}}}'],
    ['{"toString":1}', '{"toString":1}'], ['constructor object', '{"constructor":{"prototype":{"polluted":1}}}'],
  ],
};

/** Bodies that are not an object: the one JSON parser answers them all, so each route gets two. */
const WHOLE_JSON_BODIES: Catalogue<[string, string]> = {
  core: [['__proto__ body', '{"__proto__":{"isAdmin":true}}']],
  rest: [['array body', '[]'], ['malformed body', '{"a":'], ['deep body', `${'['.repeat(5000)}${']'.repeat(5000)}`], ['string body', '"text"'], ['number body', '1e309'], ['null body', 'null'], ['empty body', ''],
    ['constructor body', '{"constructor":{"prototype":{"isAdmin":true}}}']],
};

const PARAM_VALUES: Catalogue<WireValue> = {
  core: [plain('long', 'x'.repeat(5000)), raw('broken escape', '%E0%A4%A'), plain('NUL', '\u0000')],
  rest: [
    raw('lone surrogate (CESU-8)', '%ED%A0%80'),
    ...['Infinity', '1e309', '-1', '', ' ', '\r\n', '..', '__proto__', 'constructor', '<b>x</b>'].map((value) => plain(JSON.stringify(value), value)),
    raw('bare percent', '%'), raw('encoded slash', 'a%2Fb'),
  ],
};

function hash(text: string): number {
  let value = 2166136261;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 16777619);
  return value >>> 0;
}

/** The core values and one of the rest, the same one every run for this route and field. */
function pick<T>(catalogue: Catalogue<T>, seed: string): T[] {
  return [...catalogue.core, catalogue.rest[hash(seed) % catalogue.rest.length]];
}

export function propertiesOf(schema: unknown): string[] {
  const properties = (schema as JsonSchemaLike | undefined)?.properties;
  return properties ? Object.keys(properties).filter((key) => key !== '_csrf') : [];
}

function encodeRecord(record: Record<string, string>, without?: string): string[] {
  return Object.entries(record).filter(([key]) => key !== without).map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
}

function pathWith(url: string, params: Record<string, string>, hostile?: { name: string; encoded: string }): string {
  return url.replace(/:([A-Za-z]+)/g, (_match, name: string) => (hostile?.name === name ? hostile.encoded : encodeURIComponent(params[name] ?? 'x')));
}

function withQuery(path: string, pieces: string[]): string {
  return pieces.length ? `${path}?${pieces.join('&')}` : path;
}

function formBody(body: Record<string, unknown>, without?: string): string[] {
  return Object.entries(body).filter(([key]) => key !== without).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((item) => `${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`));
}

const MARKER = '"__fuzz_marker__"';

/** Every hostile case for one route, given a valid request for it. */
export function fuzzCases(route: RouteUnderTest, base: BaseRequest): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const { method } = route;
  const path = pathWith(route.url, base.params);
  const baseQuery = encodeRecord(base.query);
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const jsonBase = base.body ? JSON.stringify(base.body) : undefined;
  const add = (label: string, url: string, payload?: { text: string; type: FuzzCase['contentType'] }) =>
    cases.push({ label, method, url, ...(payload ? { payload: payload.text, contentType: payload.type } : {}) });
  const withBase = (label: string, url: string) => add(label, url, hasBody && jsonBase ? { text: jsonBase, type: 'application/json' } : undefined);

  const seed = (slot: string) => `${method} ${route.url} ${slot}`;
  for (const name of [...route.url.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1])) {
    for (const value of pick(PARAM_VALUES, seed(`param ${name}`))) {
      const encoded = value.pieces('k').slice(2);
      withBase(`param ${name}=${value.label}`, withQuery(pathWith(route.url, base.params, { name, encoded }), baseQuery));
    }
  }

  const known = propertiesOf(route.schema?.querystring);
  for (const key of known) {
    for (const value of pick(QUERY_VALUES, seed(`query ${key}`))) withBase(`query ${key}=${value.label}`, withQuery(path, [...encodeRecord(base.query, key), value.pieces(key)]));
  }
  const paging = PAGING_KEYS.filter((key) => !known.includes(key));
  if (!hasBody) {
    for (const value of ['1e309', '-1']) withBase(`query ${paging.join(',')}=${value}`, withQuery(path, [...baseQuery, ...paging.map((key) => `${key}=${value}`)]));
  }
  for (const value of EXTRA_PIECES) withBase(`query ${value.label}`, withQuery(path, [...baseQuery, value.pieces('')]));

  if (!hasBody) return cases;
  const url = withQuery(path, baseQuery);
  const bodyKeys = [...new Set([...propertiesOf(route.schema?.body), ...Object.keys(base.body ?? {})])];
  for (const key of bodyKeys) {
    const template = JSON.stringify({ ...(base.body ?? {}), [key]: '__fuzz_marker__' });
    for (const [label, value] of pick(JSON_VALUES, seed(`json ${key}`))) add(`json ${key}=${label}`, url, { text: template.replace(MARKER, () => value), type: 'application/json' });
    for (const value of pick(FORM_VALUES, seed(`form ${key}`))) {
      add(`form ${key}=${value.label}`, url, { text: [...formBody(base.body ?? {}, key), value.pieces(key)].join('&'), type: 'application/x-www-form-urlencoded' });
    }
  }
  for (const [label, text] of pick(WHOLE_JSON_BODIES, seed('whole body'))) add(`json ${label}`, url, { text, type: 'application/json' });
  for (const value of EXTRA_PIECES) add(`form ${value.label}`, url, { text: [...formBody(base.body ?? {}), value.pieces('')].join('&'), type: 'application/x-www-form-urlencoded' });
  return cases;
}
