import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countReplacements, encodingFromStart, incompleteTail, isUtf8File } from '../../src/pipeline/ingest/encoding.ts';
import { tempDir } from '../helpers/temp.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('encodingFromStart', () => {
  it('reads BOMs', () => {
    expect(encodingFromStart(bytes(0xef, 0xbb, 0xbf, 0x61))).toBe('utf8');
    expect(encodingFromStart(bytes(0xff, 0xfe, 0x61, 0x00))).toBe('utf16le');
    expect(encodingFromStart(bytes(0xfe, 0xff, 0x00, 0x61))).toBe('utf16be');
  });

  it('tells UTF-16 without a BOM by its NUL bytes, and nothing else', () => {
    const text = 'id;comment\r\n1;Ça va\r\n';
    expect(encodingFromStart(Buffer.from(text, 'utf16le'))).toBe('utf16le');
    expect(encodingFromStart(Buffer.from(text, 'utf16le').swap16())).toBe('utf16be');
    expect(encodingFromStart(Buffer.from(text))).toBeNull();
    expect(encodingFromStart(bytes(0x5a, 0x6f, 0xeb, 0x0a))).toBeNull(); // "Zoë" in Windows-1252
    expect(encodingFromStart(bytes())).toBeNull();
  });
});

describe('incompleteTail', () => {
  it('finds a multi-byte character cut short at the end', () => {
    const emoji = Buffer.from('a👍'); // 61 F0 9F 91 8D
    expect(incompleteTail(emoji, 5)).toBe(5);
    expect(incompleteTail(emoji, 4)).toBe(1);
    expect(incompleteTail(emoji, 2)).toBe(1);
    expect(incompleteTail(emoji, 1)).toBe(1);
    expect(incompleteTail(Buffer.from('é'), 1)).toBe(0);
    expect(incompleteTail(Buffer.from('é'), 2)).toBe(2);
  });
});

describe('isUtf8File', () => {
  it('says no to a file ending in a Windows-1252 letter that looks like the start of a UTF-8 character', async () => {
    const dir = tempDir();
    const write = (name: string, content: Buffer) => (writeFileSync(join(dir, name), content), join(dir, name));
    expect(await isUtf8File(write('cafe.csv', Buffer.from([0x63, 0x61, 0x66, 0xe9])))).toBe(false);
    expect(await isUtf8File(write('ok.csv', Buffer.from('café 👍')))).toBe(true);
    expect(await isUtf8File(write('empty.csv', Buffer.alloc(0)))).toBe(true);
  });
});

describe('countReplacements', () => {
  it('counts U+FFFD', () => {
    expect(countReplacements('a\uFFFDb\uFFFD\uFFFD')).toBe(3);
    expect(countReplacements('Zoë')).toBe(0);
  });
});
