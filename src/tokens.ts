/** A run of a label's text; `glyph` runs stand for characters that are invisible or ambiguous. */
export interface LabelPart {
  text: string;
  glyph: boolean;
}

const NAMED: Record<string, [glyph: string, name: string]> = {
  '\n': ['↵', 'newline'],
  '\r': ['␍', 'carriage return'],
  '\t': ['⇥', 'tab'],
  '\u00a0': ['⍽', 'no-break space'],
  '\u0120': ['␣', 'space marker Ġ'],
  '\u2581': ['␣', 'space marker ▁'],
  '\u010a': ['↵', 'newline marker Ċ'],
  '\u200b': ['▯', 'zero-width space'],
  '\u200c': ['▯', 'zero-width non-joiner'],
  '\u200d': ['▯', 'zero-width joiner'],
  '\ufeff': ['▯', 'byte order mark'],
};

function special(char: string, edge: boolean): [glyph: string, name: string] | null {
  if (char === ' ') return edge ? ['␣', 'space'] : null;
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  if (code < 0x20) return [String.fromCharCode(0x2400 + code), `control U+${code.toString(16).padStart(4, '0')}`];
  if (code === 0x7f) return ['␡', 'delete'];
  return null;
}

function scan(token: string, visit: (char: string, glyph: [string, string] | null) => void): void {
  const chars = [...token];
  const firstSolid = chars.findIndex((c) => c !== ' ');
  const lastSolid = chars.length - 1 - [...chars].reverse().findIndex((c) => c !== ' ');
  chars.forEach((char, i) => visit(char, special(char, firstSolid < 0 || i < firstSolid || i > lastSolid)));
}

/**
 * A token split into plain text and visible glyphs: leading/trailing spaces
 * become `␣`, `\n` `↵`, `\t` `⇥`, control characters their control pictures,
 * the subword markers `Ġ`/`▁` `␣`, and the empty token `∅`.
 */
export function tokenParts(token: string): LabelPart[] {
  if (token === '') return [{ text: '∅', glyph: true }];
  const parts: LabelPart[] = [];
  scan(token, (char, glyph) => {
    const text = glyph ? glyph[0] : char;
    const last = parts[parts.length - 1];
    if (last && last.glyph === !!glyph) last.text += text;
    else parts.push({ text, glyph: !!glyph });
  });
  return parts;
}

/** The token as it looks in the grid, glyphs included. */
export function visibleToken(token: string): string {
  return tokenParts(token).map((p) => p.text).join('');
}

/**
 * A token read aloud without quoting it: the text itself, or, when it holds invisible
 * characters, the text with those characters named (`' the'` → `space the`).
 */
export function spokenWords(token: string): string {
  if (token === '') return 'empty token';
  const words: string[] = [];
  let plain = '';
  let hasGlyph = false;
  scan(token, (char, glyph) => {
    if (!glyph) {
      plain += char;
      return;
    }
    hasGlyph = true;
    if (plain.trim()) words.push(plain.trim());
    plain = '';
    words.push(glyph[1]);
  });
  if (!hasGlyph) return token;
  if (plain.trim()) words.push(plain.trim());
  return words.join(' ');
}

/**
 * What a screen reader says for a token: the text itself, or, when it holds
 * invisible characters, those characters named plus the exact text quoted.
 */
export function spokenToken(token: string): string {
  const words = spokenWords(token);
  return words === token ? token : `${words} (${JSON.stringify(token)})`;
}
