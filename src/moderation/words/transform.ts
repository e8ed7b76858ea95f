/** obscenity's `TransformerSet`: one code point in, one out or none (dropped). */
export interface Transformers {
  applyTo(char: number): number | undefined;
  resetAll(): void;
}

/**
 * obscenity's `applyTransformers` without its iterator and string concatenation per character: the
 * transformed text and, per UTF-16 unit of it, where in the input it came from. Runs of characters that
 * come out as they went in are copied as slices.
 */
export function transform(input: string, transformers: Transformers): [Int32Array, string] {
  // At most two units out per unit in (a BMP character read as an astral one).
  const toOriginal = new Int32Array(2 * input.length);
  let length = 0;
  let text = '';
  // Start of the current run of input copied as it is, or -1.
  let verbatim = -1;
  for (let i = 0; i < input.length; ) {
    const position = i;
    let char = input.charCodeAt(i++);
    if (isHighSurrogate(char) && i < input.length && isLowSurrogate(input.charCodeAt(i))) {
      char = (char - 0xd800) * 0x400 + (input.charCodeAt(i++) - 0xdc00) + 0x10000;
    }
    const out = transformers.applyTo(char);
    if (out === char) {
      if (verbatim < 0) verbatim = position;
      for (let k = position; k < i; k++) toOriginal[length++] = position;
      continue;
    }
    if (verbatim >= 0) {
      text += input.slice(verbatim, position);
      verbatim = -1;
    }
    if (out === undefined) continue;
    text += String.fromCodePoint(out);
    toOriginal[length++] = position;
    if (out > 0xffff) toOriginal[length++] = position;
  }
  transformers.resetAll();
  if (verbatim >= 0) text += input.slice(verbatim);
  return [toOriginal.subarray(0, length), text];
}

/** The inclusive end in the input of a match ending at transformed unit `end`, a surrogate pair kept whole. */
export function originalEnd(input: string, toOriginal: ArrayLike<number>, end: number): number {
  const at = toOriginal[end];
  return at < input.length - 1 && isHighSurrogate(input.charCodeAt(at)) && isLowSurrogate(input.charCodeAt(at + 1)) ? at + 1 : at;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
