// Words of failure, matched as whole words: `not` is not in `note`, nor `bad` in `badge`.
const FAILURE_WORDS = new Set([
  'error', 'errors', 'fail', 'fails', 'failed', 'failure', 'invalid', 'not', 'missing', 'unknown', 'denied', 'forbidden',
  'unauthorized', 'unauthorised', 'cannot', "can't", 'unable', 'expired', 'required', 'wrong', 'bad',
]);
// The parts of a token: split at separators and camelCase humps (`NOT_FOUND`, `invalidToken`, `user-not-found`).
const TOKEN_PARTS = /[\s_\-.:/,;!?()[\]{}"]+|(?<=\p{Ll})(?=\p{Lu})/u;
// CSS written as a string (styled-components, inline styles): declarations and functional values.
const CSS = /(?:^|[\s;{])-?[a-z][a-z-]*\s*:\s*[^;:]+;|\b(?:calc|var|min|max|clamp|rgba?|hsla?|url|translate[XYZ]?|rotate|scale)\(/u;
const WORD = /^\p{L}/u;

function hasTwoWords(text: string): boolean {
  let words = 0;
  for (const part of text.split(/\s+/u)) if (WORD.test(part) && ++words === 2) return true;
  return false;
}

/**
 * Whether a string written in the code reads like a message or an error code rather than a value
 * of a string union: two or more words (`'User not found'`), or a token that names a failure in
 * several parts or with a capital (`'NOT_FOUND'`, `'invalidToken'`, `'Forbidden'`). One-word tokens
 * (`'auto'`, `'pending'`, an icon name such as `'error'`), `''` and CSS (`'margin: 0;'`,
 * `'calc(100% - 8px)'`, `'8px 0'`) are values.
 *
 * @param text - the string's value
 * @example
 * isMessageLike('User not found'); // true
 * isMessageLike('auto'); // false
 */
export function isMessageLike(text: string): boolean {
  if (CSS.test(text)) return false;
  if (hasTwoWords(text)) return true;
  const parts = text.split(TOKEN_PARTS).filter(Boolean);
  if (!parts.some((part) => FAILURE_WORDS.has(part.toLowerCase()))) return false;
  return parts.length > 1 || /^\p{Lu}/u.test(text);
}

/**
 * Whether a string literal type reads like a message: types list tokens (`'retry'`, `'NOT_FOUND'`)
 * as discriminants, so only written prose is one.
 *
 * @param text - the literal type's value
 * @example
 * isMessageLikeType('retry'); // false
 */
export function isMessageLikeType(text: string): boolean {
  return !CSS.test(text) && hasTwoWords(text);
}
