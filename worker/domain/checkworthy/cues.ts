/**
 * Word lists for the check-worthiness signals, in English, Russian and Kazakh. A trailing "*"
 * accepts any ending (Russian and Kazakh inflect); every entry matches whole words only.
 */

/** The words of a sentence, lower-cased; a hyphenated word also yields its parts ("third-largest" → "largest"). */
export function cueWords(sentence: string): string[] {
  const out: string[] = [];
  const lower = sentence.toLowerCase();
  // exec over one shared pattern (matchAll would copy it for every sentence); a finished exec loop leaves lastIndex 0.
  wordPattern.lastIndex = 0;
  for (let m = wordPattern.exec(lower); m !== null; m = wordPattern.exec(lower)) {
    out.push(m[0]);
    if (m[0].includes("-")) out.push(...m[0].split("-"));
  }
  return out;
}
const wordPattern = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

// Every cue's phrases live in one index, each entry carrying the bits of the cues it belongs to, so a
// sentence is read once for all of them: whole words by hash, stems by their first three letters,
// phrases of two or three words only where a phrase can begin. No regular expressions: scoring a
// 10,000-word article must stay far under 100 ms.
const wordBits = new Map<string, number>();
const stemBits = new Map<string, { stem: string; bits: number }[]>();
const phraseBits = new Map<string, number>();
const phraseStarts = new Set<string>();
let cueCount = 0;

/** A set of phrases ("a|b c|stem*", whole words only; "*" accepts any ending): its bit in `matchCues`. */
function cue(phrases: string): number {
  const bit = 1 << cueCount++;
  for (const p of phrases.split("|").map((x) => x.trim()).filter(Boolean)) {
    const stem = p.endsWith("*");
    const body = stem ? p.slice(0, -1) : p;
    if (body.includes(" ")) {
      phraseBits.set(body, (phraseBits.get(body) ?? 0) | bit);
      phraseStarts.add(body.split(" ")[0]);
    } else if (stem) {
      const key = body.slice(0, 3);
      stemBits.set(key, [...(stemBits.get(key) ?? []), { stem: body, bits: bit }]);
    } else wordBits.set(body, (wordBits.get(body) ?? 0) | bit);
  }
  return bit;
}

/** The bits of every cue that occurs in `words` (lower-cased, in order, as cueWords gives them). */
export function matchCues(words: readonly string[]): number {
  let bits = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    bits |= wordBits.get(w) ?? 0;
    const stems = stemBits.get(w.slice(0, 3));
    if (stems) for (const s of stems) if (w.startsWith(s.stem)) bits |= s.bits;
    if (phraseStarts.has(w) && i + 1 < words.length) {
      const two = `${w} ${words[i + 1]}`;
      bits |= phraseBits.get(two) ?? 0;
      if (i + 2 < words.length) bits |= phraseBits.get(`${two} ${words[i + 2]}`) ?? 0;
    }
  }
  return bits;
}

/** Comparisons, superlatives and change over time: "more than", "the largest", "вырос", "ең жоғары". */
export const comparison = cue(
  "more than|less than|fewer than|higher than|lower than|as much as|twice|doubled|tripled|halved|largest|biggest|highest|lowest|" +
    "smallest|fastest|most|least|best|worst|record|rose|risen|rise|grew|grown|increased|fell|fallen|dropped|declined|decreased|" +
    "compared|exceeded|exceeds|outnumber*|only|" +
    "больше|меньше|более|менее|выше|ниже|чем|самы*|наибольш*|наименьш*|крупнейш*|вырос*|выросл*|снизил*|сократил*|увеличил*|" +
    "уменьшил*|превысил*|превышает|вдвое|втрое|рекорд*|лишь|только|последнее место|первое место|десятку|" +
    "ең|астам|артық|кем|өсті|артты|төмендеді|азайды|қысқарды|есе|салыстырғанда|жоғары|төмен|ғана|ірі",
);

/** Time frames: "since 2019", "every year", "за последние пять лет", "жыл сайын". */
export const timeFrame = cue(
  "since|every year|each year|per year|a year|annually|last year|this year|next year|in the past|over the past|years ago|" +
    "a decade|by the end of|so far|between|in a row|" +
    "ежегодно|каждый год|в год|за год|в прошлом году|в этом году|за последние|с начала|до конца года|с сентября|лет назад|" +
    "подряд|впервые|к концу|" +
    "жыл сайын|соңғы|бері|өткен жылы|өткен жылмен|биыл|дейін|жылдан|жылы|жылғы",
);

/** Attributions and reports: "according to", "said", "по данным", "отметил", "деді". */
export const attribution = cue(
  "according to|said|says|say|claimed|claims|claim|stated|states|reported|reports|told|noted|announced|argued|found|" +
    "show|shows|showed|estimated|estimates|quoting|data|statistics|figures|audit|survey|" +
    "по данным|по словам|по информации|по оценкам|согласно|как отметил*|как сообщил*|как заявил*|сообщил*|заявил*|отметил*|" +
    "утвержда*|подчеркнул*|передает|передаёт|жалуются|статистик*|данные|" +
    "деді|айтты|мәліметінше|дерегінше|деректерге|хабарлауынша|айтуынша|мәлімдеді|мәлімдеуінше|атап өтті|сәйкес|деп",
);

/** Opinions, hopes and exhortations: "I think", "на наш взгляд", "ойымша". */
export const opinion = cue(
  "think|believe|believes|in my opinion|in our opinion|we hope|let us|hope|should|must|deserve|deserves|proud|" +
    "считаю|считаем|считает|на наш взгляд|по мнению|по нашему мнению|думаю|надеемся|надеются|уверены|уверен|должны|должна|" +
    "пусть|благодарим|благодарны|" +
    "ойымша|ойлаймын|керек|тиіс|үміттенеміз|тілейміз|сенеміз|шақырамыз",
);

/** The speaker as the subject: "we", "I", "мы", "я", "біз" (plans and pledges; "our country" alone is not one). */
export const firstPerson = cue("i|we|мы|я|біз|бізге|мен өзім");

/** Reports of events rather than facts: meetings, visits, ceremonies, schedules. */
export const eventReport = cue(
  "met|meet|meets|visited|visit|visiting|toured|took place|was held|will be held|will hold|ceremony|thanked|arrived|" +
    "welcomed|presented|attended|gathered|" +
    "встретил*|посетил*|состоялось|состоялась|прошла|прошёл|пройдёт|пройдет|церемони*|провела|провёл|встреча|встречи|" +
    "кездесу*|кездесті|өтті|өтеді|таныстырды|жиналды|салтанат*",
);

/** Captions, bylines, links and calls to subscribe: page furniture, never a claim. */
export const boilerplate = cue(
  "photo|photo credit|source|read more|share|follow us|subscribe|sign up|click|" +
    "фото|источник|подробнее|читайте|подписывайтесь|" +
    "сурет|суретті|толығырақ|дереккөз",
);

/** A web address or a bare domain (tested on the sentence itself). */
export const webAddress = /(?:https?:\/\/|www\.)\S+|\b[\w-]+\.(?:kz|com|org|ru|net)\b/iu;

/** Month names, for dates written in words ("March 1", "19 марта", "3 наурыз"). */
export const monthName = cue(
  "january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|" +
    "январ*|феврал*|март*|апрел*|мая|июн*|июл*|август*|сентябр*|октябр*|ноябр*|декабр*|" +
    "қаңтар*|ақпан*|наурыз*|сәуір*|мамыр*|маусым*|шілде*|тамыз*|қыркүйек*|қазан*|қараша*|желтоқсан*",
);
