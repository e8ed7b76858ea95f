import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('CSV parser', () => {
  it('handles quoted commas, doubled quotes, line breaks and CRLF', () => {
    const rows = parseCsv('id,text\r\n1,"a, b"\r\n2,"say ""hi""\nthen go"\n3,plain\n');
    expect(rows).toEqual([
      { id: '1', text: 'a, b' },
      { id: '2', text: 'say "hi"\nthen go' },
      { id: '3', text: 'plain' },
    ]);
  });

  it('names an empty first header cell (a pandas index) and keeps empty fields', () => {
    expect(parseCsv(',count,tweet\n0,3,\n')).toEqual([{ _index: '0', count: '3', tweet: '' }]);
  });
});
