/** A request that carries nothing but, from a form, its CSRF token. */
export const emptyBody = { type: 'object', properties: { _csrf: { type: 'string' } }, additionalProperties: false } as const;

const base64url = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength, pattern: '^[A-Za-z0-9_-]+$' }) as const;

/**
 * The JSON @simplewebauthn/browser sends back from navigator.credentials (create or get), bounded
 * before the library parses it: base64url fields of sane sizes, nothing of the wrong type.
 */
export function passkeyBody(kind: 'registration' | 'authentication') {
  const response = kind === 'registration'
    ? {
        type: 'object',
        required: ['clientDataJSON', 'attestationObject'],
        properties: {
          clientDataJSON: base64url(4096),
          attestationObject: base64url(16_384),
          authenticatorData: base64url(16_384),
          publicKey: base64url(4096),
          publicKeyAlgorithm: { type: 'integer', minimum: -65536, maximum: 65536 },
          transports: { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 20 } },
        },
      }
    : {
        type: 'object',
        required: ['clientDataJSON', 'authenticatorData', 'signature'],
        properties: {
          clientDataJSON: base64url(4096),
          authenticatorData: base64url(16_384),
          signature: base64url(2048),
          userHandle: { type: 'string', maxLength: 1024, pattern: '^[A-Za-z0-9_-]*$' },
        },
      };
  return {
    type: 'object',
    required: ['id', 'rawId', 'type', 'response'],
    properties: {
      id: base64url(1400),
      rawId: base64url(1400),
      type: { type: 'string', const: 'public-key' },
      authenticatorAttachment: { type: 'string', maxLength: 30 },
      clientExtensionResults: { type: 'object', maxProperties: 20 },
      response,
    },
  } as const;
}
