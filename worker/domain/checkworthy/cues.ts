/**
 * Word lists for the check-worthiness signals, in English, Russian and Kazakh. A trailing "*"
 * accepts any ending (Russian and Kazakh inflect); every entry matches whole words only.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One case-insensitive pattern matching any of the phrases as whole words. */
function cue(phrases: string): RegExp {
  const alternatives = phrases
    .split("|")
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (p.endsWith("*") ? `${escape(p.slice(0, -1))}[\\p{L}-]*` : escape(p)));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "iu");
}

/** Comparisons, superlatives and change over time: "more than", "the largest", "вырос", "ең жоғары". */
export const comparison = cue(
  "more than|less than|fewer than|higher than|lower than|as much as|twice|doubled|tripled|halved|largest|biggest|highest|lowest|" +
    "smallest|fastest|most|least|best|worst|record|rose|risen|rise|grew|grown|increased|fell|fallen|dropped|declined|decreased|" +
    "compared|exceeded|exceeds|outnumber*|*-largest|*-biggest|second-*|only|" +
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

/** A web address or a bare domain. */
export const webAddress = /(?:https?:\/\/|www\.)\S+|\b[\w-]+\.(?:kz|com|org|ru|net)\b/iu;

/** Month names, for dates written in words ("March 1", "19 марта", "3 наурыз"). */
export const monthName = cue(
  "january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|" +
    "январ*|феврал*|март*|апрел*|мая|июн*|июл*|август*|сентябр*|октябр*|ноябр*|декабр*|" +
    "қаңтар*|ақпан*|наурыз*|сәуір*|мамыр*|маусым*|шілде*|тамыз*|қыркүйек*|қазан*|қараша*|желтоқсан*",
);
