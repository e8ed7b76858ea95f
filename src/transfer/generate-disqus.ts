import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export interface GeneratedDisqus {
  bytes: number;
  threads: number;
  posts: number;
  /** Posts whose parent comes later in the file. */
  forwardReplies: number;
  /** Posts whose parent is never in the file. */
  orphans: number;
}

const WORDS = ['river', 'council', 'budget', 'école', 'Straße', 'naïve', 'water', 'bridge', 'vote', 'mayor', 'rain', 'tram', 'school', '東京', 'café', 'levels'];

/**
 * Writes a Disqus export of about `targetBytes` to `file`, streaming (nothing is held but the current
 * post), for the memory test. Replies are computed from post numbers, not remembered: post `i` answers
 * `i - threads` (same thread), a few answer `i + threads` (their parent comes later), some name a
 * parent that never appears.
 */
export async function generateDisqusExport(file: string, targetBytes: number, threads = 2_000): Promise<GeneratedDisqus> {
  const out = createWriteStream(file, { highWaterMark: 1024 * 1024 });
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n');
  await write('  <category dsq:id="1">\n    <forum>bench</forum>\n    <title>General</title>\n    <isDefault>true</isDefault>\n  </category>\n');
  for (let t = 0; t < threads; t++) {
    await write(`  <thread dsq:id="t${t}">
    <id>${t} https://old.example.org/?p=${t}</id>
    <forum>bench</forum>
    <category dsq:id="1" />
    <link>https://old.example.org/${2010 + (t % 10)}/05/story-number-${t}/</link>
    <title>Story number ${t} about the ${WORDS[t % WORDS.length]}</title>
    <createdAt>2015-01-01T00:00:00Z</createdAt>
    <isClosed>${t % 7 === 0}</isClosed>
    <isDeleted>false</isDeleted>
  </thread>\n`);
  }
  // Posts until the target size, then exactly so many that every forward parent exists.
  let posts = 0;
  let forwardReplies = 0;
  let orphans = 0;
  const forward = (i: number) => i % 50 === 7;
  for (let i = 0; bytes < targetBytes; i++) {
    posts += 1;
    let parent: string | null = null;
    if (forward(i)) {
      parent = `p${i + threads}`;
      forwardReplies += 1;
    } else if (i % 997 === 5) {
      parent = `missing-${i}`;
      orphans += 1;
    } else if (i >= threads && i % 3 !== 0 && !forward(i - threads)) {
      parent = `p${i - threads}`;
    }
    await write(post(i, i % threads, parent));
  }
  // The forward parents of the last posts: present, so only the deliberate orphans lack a parent.
  for (let i = posts; i < posts + threads; i++) await write(post(i, i % threads, null));
  posts += threads;
  await write('</disqus>\n');
  out.end();
  await once(out, 'finish');
  return { bytes, threads, posts, forwardReplies, orphans };
}

function post(i: number, thread: number, parent: string | null): string {
  const author = i % 20_000;
  const registered = author % 3 !== 0;
  const word = (n: number) => WORDS[(i + n) % WORDS.length];
  const minutes = Math.floor(i / 7);
  const date = new Date(Date.UTC(2016, 0, 1) + minutes * 60_000).toISOString().replace('.000', '');
  // One to four paragraphs (about 1 kB a post with the markup around it, like real exports).
  const paragraphs = [
    `<p>Comment ${i} on the <b>${word(1)}</b> and the <i>${word(2)}</i>: I read the report about the ${word(3)} and the ${word(4)} twice, and I still think the numbers for the ${word(5)} do not add up &amp; somebody should ask.</p>`,
    `<p>See <a href="http://disq.us/url?url=https%3A%2F%2Fexample.org%2F${word(6)}%3AabcdefghijABCDEFGHIJ1234&amp;cuid=1" rel="nofollow">the source</a> — and a second paragraph with a<br>line break, “quotes” and ${word(7)}.</p>`,
    `<blockquote>The ${word(8)} was never the problem; the ${word(9)} was, said the mayor.</blockquote><p>Quoting that because it matters for the ${word(10)} vote next month, and for everyone who takes the ${word(11)} to work.</p>`,
    `<p>Last point: the ${word(12)} figures on page ${i % 40} contradict the ${word(13)} chart. Either the chart or the table is wrong, and readers deserve to know which one.</p>`,
  ].slice(0, 1 + (i % 4));
  return `  <post dsq:id="p${i}">
    <id />
    <message><![CDATA[${paragraphs.join('')}]]></message>
    <createdAt>${date}</createdAt>
    <isDeleted>${i % 101 === 3}</isDeleted>
    <isSpam>${i % 211 === 9}</isSpam>
    <author>
      ${registered && author % 2 === 0 ? `<email>reader${author}@example.net</email>\n      ` : ''}<name>Reader number ${author}</name>
      <isAnonymous>${!registered}</isAnonymous>
      ${registered ? `<username>reader_${author}</username>` : ''}
    </author>
    <ipAddress>192.0.2.${i % 250}</ipAddress>
    <thread dsq:id="t${thread}" />
${parent ? `    <parent dsq:id="${parent}" />\n` : ''}  </post>\n`;
}
