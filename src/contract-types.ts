// Compile-time checks for the domains' contracts (src/*/contract.ts).

/** True when every key of `Domain` is named by `Schema`; otherwise `{ missing }` lists the keys left out. */
export type Covers<Domain, Schema> = [Exclude<keyof Domain, keyof Schema>] extends [never] ? true : { missing: Exclude<keyof Domain, keyof Schema> };

/**
 * Compiles only for `true`: `type _ = Assert<Covers<PublicComment, FromSchema<typeof schema>>>` fails
 * when a response schema leaves out a field the domain returns, which Fastify's serializer would drop.
 */
export type Assert<T extends true> = T;
