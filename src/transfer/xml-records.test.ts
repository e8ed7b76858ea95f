import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { childText, readXmlRecords, XmlFormatError, type XmlRecord } from './xml-records.js';

/** The document as a stream of tiny chunks, so characters and tags are split across reads. */
function chunked(text: string, size = 3): Readable {
  const bytes = Buffer.from(text);
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
  return Readable.from(parts);
}

async function collect(text: string, records: string[], options: { maxRecordChars?: number } = {}): Promise<XmlRecord[]> {
  const all: XmlRecord[] = [];
  for await (const batch of readXmlRecords(chunked(text), { records, ...options })) all.push(...batch);
  return all;
}

describe('readXmlRecords', () => {
  it('yields records with their text, CDATA, attributes and opening line, across split multi-byte characters', async () => {
    const records = await collect('<root>\n<ignored>x</ignored>\n<r id="1">\n  <name>Zoë 🌊 &amp; co</name>\n  <body><![CDATA[<p>raw <b>html</b></p>]]></body>\n</r>\n<r id="2"><name>two</name></r>\n</root>', ['root/r']);
    expect(records.map((record) => [record.line, record.node.attrs.id, childText(record.node, 'name'), childText(record.node, 'body')])).toEqual([
      [3, '1', 'Zoë 🌊 & co', '<p>raw <b>html</b></p>'],
      [7, '2', 'two', ''],
    ]);
  });

  it('hands an outer record over early when a nested one starts, then the nested ones', async () => {
    const records = await collect('<rss><channel><item><id>9</id><c><n>1</n></c><c><n>2</n></c><late>x</late></item><item><id>10</id></item></channel></rss>', ['rss/channel/item', 'rss/channel/item/c']);
    expect(records.map((record) => [record.path, record.partial, record.node.children.map((node) => `${node.name}=${node.text}`).join(',')])).toEqual([
      ['rss/channel/item', true, 'id=9'],
      ['rss/channel/item/c', false, 'n=1'],
      ['rss/channel/item/c', false, 'n=2'],
      ['rss/channel/item', false, 'id=10'],
    ]);
  });

  it('marks a record with an undefined entity or too much text, and goes on', async () => {
    const records = await collect('<d><p><m>a &nbsp; b</m></p><p><m>0123456789</m></p><p><m>ok</m></p></d>', ['d/p'], { maxRecordChars: 5 });
    expect(records.map((record) => record.problem ?? 'fine')).toEqual([
      expect.stringMatching(/^XML error: undefined entity/),
      'the element is larger than 5 characters',
      'fine',
    ]);
  });

  it('stops at a structural error or a truncated file, with the line, after the records before it', async () => {
    const seen: string[] = [];
    const read = async (text: string) => {
      try {
        for await (const batch of readXmlRecords(Readable.from([text]), { records: ['d/p'] })) seen.push(...batch.map((record) => childText(record.node, 'm')));
      } catch (error) {
        return error as XmlFormatError;
      }
      throw new Error('expected an error');
    };
    const broken = await read('<d>\n<p><m>kept</m></p>\n<p><m>x</n></p>\n</d>');
    expect(broken).toBeInstanceOf(XmlFormatError);
    expect(broken.line).toBe(3);
    expect(seen).toEqual(['kept']);
    const truncated = await read('<d>\n<p><m>kept too</m></p>\n<p><m>cut off');
    expect(truncated.message).toMatch(/^line 3, column \d+: the file ends before <m> is closed: it is truncated or incomplete$/);
    expect(seen).toEqual(['kept', 'kept too']);
    expect((await read('')).message).toMatch(/document must contain a root element/);
  });
});
