/** obscenity's `TransformerSet`: one code point in, one out or none (dropped). */
export interface Transformers {
  applyTo(char: number): number | undefined;
  resetAll(): void;
}

/**
 * obscenity's `applyTransformers` without its iterator and string concatenation per character: the
 * transformed text and, per UTF-16 unit of it, where in the input it came from.
 */
export function transform(input: string, transformers: Transformers): [number[], string] {
  const toOriginal: number[] = [];
  const units: number[] = [];
  for (let i = 0; i < input.length; ) {
    const position = i;
    let char = input.charCodeAt(i++);
    if (isHighSurrogate(char) && i < input.length && isLowSurrogate(input.charCodeAt(i))) {
      char = (char - 0xd800) * 0x400 + (input.charCodeAt(i++) - 0xdc00) + 0x10000;
    }
    const out = transformers.applyTo(char);
    if (out === undefined) continue;
    if (out > 0xffff) {
      units.push(0xd800 + ((out - 0x10000) >> 10), 0xdc00 + ((out - 0x10000) & 0x3ff));
      toOriginal.push(position, position);
    } else {
      units.push(out);
      toOriginal.push(position);
    }
  }
  transformers.resetAll();
  let text = '';
  for (let i = 0; i < units.length; i += 4096) text += String.fromCharCode(...units.slice(i, i + 4096));
  return [toOriginal, text];
}

/** The inclusive end in the input of a match ending at transformed unit `end`, a surrogate pair kept whole. */
export function originalEnd(input: string, toOriginal: number[], end: number): number {
  const at = toOriginal[end];
  return at < input.length - 1 && isHighSurrogate(input.charCodeAt(at)) && isLowSurrogate(input.charCodeAt(at + 1)) ? at + 1 : at;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
