/**
 * Decodes a text file the way Chinese users produce them: UTF-8 (with or without BOM), or GB18030/GBK — what
 * Excel on a Chinese Windows writes when it saves "CSV". Invalid UTF-8 is taken as GB18030.
 */
export const decodeTextFile = (bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } => {
  const withoutBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(withoutBom), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
};
