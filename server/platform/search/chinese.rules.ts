/**
 * How Chinese names are read for search and ordering (docs/regulations.md §2: search by name, pinyin and
 * initials; VIP guests listed by initial letter). Pure, no I/O; used by the customer archive and the
 * individual guests alike.
 *
 * - Traditional and variant characters fold to simplified (OpenCC's maintained tables), in the index and in
 *   the query alike, so 長沙 and 长沙 are one name.
 * - A polyphonic character has every reading indexed, unless something tells which one is meant: a word of
 *   pinyin-pro's dictionary (银行 hang, 厦门 xia), the surname at the head of a person's name (曾 zeng, 单 shan)
 *   or a surname before 氏 in a company's name (单氏 shan). The reading so chosen, or else pinyin-pro's, comes first.
 */
import { Converter } from 'opencc-js/t2cn';
import { pinyin, segment, OutputFormat } from 'pinyin-pro';

export type NameKind = 'person' | 'company';

const HAN = /\p{Script=Han}/u;
const HAN_G = /\p{Script=Han}/gu;
/** Reading combinations kept per name: a long name with many polyphonic characters stays bounded. */
export const MAX_READINGS = 16;

const fromTaiwan = Converter({ from: 'tw', to: 'cn' });
const fromHongKong = Converter({ from: 'hk', to: 'cn' });

/** NFKC, then traditional (Taiwan and Hong Kong variants included) to simplified. */
export function foldChinese(text: string): string {
  const n = text.normalize('NFKC');
  return HAN.test(n) ? fromHongKong(fromTaiwan(n)) : n;
}

/** 'lǘ' → 'lv', 'zēng' → 'zeng'. */
function toneless(s: string): string {
  if (/^[a-z]*$/.test(s)) return s;
  return s
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ü/g, 'v')
    .toLowerCase();
}

const readingsCache = new Map<string, string[]>();
/** Every reading of one character, tone marks dropped, its most common one first. */
function allReadings(ch: string): string[] {
  let r = readingsCache.get(ch);
  if (!r) {
    const list = pinyin(ch, { multiple: true, type: 'array', toneType: 'none', v: true }) as string[];
    r = [...new Set(list.map(toneless).filter((s) => /^[a-z]+$/.test(s)))];
    readingsCache.set(ch, r);
  }
  return r;
}

const surnameCache = new Map<string, string>();
function surnameReading(ch: string): string {
  let r = surnameCache.get(ch);
  if (r === undefined) {
    r = toneless((pinyin(ch, { mode: 'surname', toneType: 'none', type: 'array', v: true }) as string[])[0] ?? '');
    surnameCache.set(ch, r);
  }
  return r;
}

/**
 * The readings of each Han character of a name, in order: one entry per character, each a list of
 * toneless syllables with the preferred one first (a single one where the reading is certain).
 */
const recent = new Map<string, string[][]>();
export function characterReadings(text: string, kind: NameKind): string[][] {
  // The index and the sort key read the same name one after the other; contacts' names repeat.
  const key = `${kind}:${text}`;
  const hit = recent.get(key);
  if (hit) return hit;
  if (recent.size >= 10_000) recent.clear();
  const out = readCharacters(text, kind);
  recent.set(key, out);
  return out;
}

function readCharacters(text: string, kind: NameKind): string[][] {
  const han = (foldChinese(text).match(HAN_G) ?? []).join('');
  if (!han) return [];
  // Segments of pinyin-pro's dictionary: a character inside a word has the word's reading.
  const chars = [...han];
  const words = segment(han, { toneType: 'none', v: true, format: OutputFormat.AllArray }) as { origin: string; result: string }[][];
  const out: string[][] = [];
  for (const word of words) {
    for (const c of word) out.push(word.length > 1 ? [toneless(c.result)] : [...new Set([toneless(c.result), ...allReadings(c.origin)])].filter(Boolean));
  }
  if (kind === 'person') {
    // The head of a person's name is the surname, read as one (compound surnames 欧阳, 万俟 included).
    const sur = (pinyin(chars.slice(0, 2).join(''), { mode: 'surname', surname: 'head', toneType: 'none', type: 'array', v: true }) as string[]).map(toneless);
    out[0] = [sur[0]];
    if (chars.length > 2 && sur[1] && sur[1] !== out[1][0]) out[1] = [sur[1]];
  } else {
    // 单氏, 曾氏: a family's name inside a company's name.
    for (let i = 0; i + 1 < chars.length; i++) {
      if (chars[i + 1] === '氏') {
        out[i] = [surnameReading(chars[i])];
        out[i + 1] = ['shi'];
      }
    }
  }
  return out;
}

/**
 * Whole-name reading combinations, the preferred one first, then those departing from it at fewest
 * characters; at most MAX_READINGS.
 */
export function readingCombinations(perChar: string[][], cap = MAX_READINGS): string[][] {
  if (perChar.every((o) => o.length === 1)) return [perChar.map((o) => o[0])];
  let combos: { syl: string[]; off: number }[] = [{ syl: [], off: 0 }];
  for (const options of perChar) {
    const next: { syl: string[]; off: number }[] = [];
    for (const c of combos) options.forEach((o, k) => next.push({ syl: [...c.syl, o], off: c.off + (k ? 1 : 0) }));
    // Stable sort: among equal departures the earlier-built (preferred-first) order stays.
    next.sort((a, b) => a.off - b.off);
    combos = next.slice(0, cap * 4);
  }
  return combos.slice(0, cap).map((c) => c.syl);
}

/** Full pinyin and initials of every reading, from every syllable on: 华远 → huayuan, yuan, hy, y. */
export function readingTokens(text: string, kind: NameKind): string[] {
  const out = new Set<string>();
  for (const syl of readingCombinations(characterReadings(text, kind))) {
    for (let i = 0; i < syl.length; i++) {
      out.add(syl.slice(i).join(''));
      out.add(
        syl
          .slice(i)
          .map((s) => s[0])
          .join(''),
      );
    }
  }
  return [...out];
}

/**
 * The preferred reading of a whole name for ordering: Han characters as characterReadings prefers them,
 * letters and digits kept as they are. 曾晓明 → zeng xiao ming, 单县物流 → dan xian wu liu.
 */
export function preferredReading(text: string, kind: NameKind): string[] {
  const folded = foldChinese(text);
  const han = characterReadings(folded, kind).map((r) => r[0]);
  const out: string[] = [];
  let k = 0;
  for (const part of folded.match(/\p{Script=Han}|[^\p{Script=Han}]+/gu) ?? []) {
    if (HAN.test(part)) out.push(han[k++]);
    else out.push(...part.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  }
  return out.filter(Boolean);
}
