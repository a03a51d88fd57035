/**
 * A deterministic synthetic fact-check corpus for timing (never for accuracy): claims in English,
 * Russian and Kazakh built from templates, with numbers, places and people, so that the index has
 * realistic term and key distributions at 10,000 or 100,000 rows.
 */
const places = ["Almaty", "Astana", "Shymkent", "Karaganda", "Aktobe", "Taraz", "Pavlodar", "Oskemen", "Semey", "Atyrau", "Kostanay", "Kyzylorda", "Oral", "Petropavl", "Aktau", "Turkistan"];
const placesRu = ["Алматы", "Астане", "Шымкенте", "Караганде", "Актобе", "Таразе", "Павлодаре", "Усть-Каменогорске", "Семее", "Атырау", "Костанае", "Кызылорде", "Уральске", "Петропавловске", "Актау", "Туркестане"];
const people = ["Tokayev", "Smailov", "Bektenov", "Koshanov", "Ashimbayev", "Sagintayev", "Mamin", "Nazarbayev"];
const peopleRu = ["Токаев", "Смаилов", "Бектенов", "Кошанов", "Ашимбаев", "Сагинтаев", "Мамин", "Назарбаев"];
const en = [
  (n: number, p: string, w: string) => `${w} said ${n.toLocaleString("en-US")} new jobs were created in ${p} last year`,
  (n: number, p: string, w: string) => `${p} will build ${n} schools by 2030, according to ${w}`,
  (n: number, p: string) => `The population of ${p} grew by ${n} percent`,
  (n: number, p: string, w: string) => `${w} claimed that ${n.toLocaleString("en-US")} families in ${p} received housing`,
  (n: number, p: string) => `Air pollution in ${p} fell by ${n} percent after the gas conversion`,
  (n: number, p: string) => `${n.toLocaleString("en-US")} tonnes of grain were harvested in the ${p} region`,
];
const ru = [
  (n: number, p: string, w: string) => `${w} заявил, что в ${p} создано ${n} новых рабочих мест`,
  (n: number, p: string) => `В ${p} за год построили ${n} километров дорог`,
  (n: number, p: string, w: string) => `По словам ${w}, зарплаты в ${p} выросли на ${n} процентов`,
  (n: number, p: string) => `Тарифы на электроэнергию в ${p} повысят на ${n}%`,
  (n: number, p: string) => `В ${p} открыли ${n} новых детских садов`,
];
const kk = [
  (n: number, p: string) => `${p} қаласында ${n} жаңа мектеп салынды`,
  (n: number, p: string, w: string) => `${w} ${p} өңірінде ${n} мың жұмыс орны ашылды деді`,
  (n: number, p: string) => `${p} облысында жалақы ${n} пайызға өсті`,
];

/** A small deterministic PRNG (mulberry32), so every run builds the same corpus. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` corpus rows [id, claim, title]. */
export function syntheticCorpus(count: number, seed = 7): string[][] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const n = Math.floor(rand() * 990) + 10;
    const k = Math.floor(rand() * places.length);
    const w = Math.floor(rand() * people.length);
    const lang = rand();
    const claim = lang < 0.5 ? pick(en)(n * 10, places[k]!, people[w]!) : lang < 0.85 ? pick(ru)(n, placesRu[k]!, peopleRu[w]!) : pick(kk)(n, placesRu[k]!, peopleRu[w]!);
    rows.push([`s${i}`, claim, `Fact-check ${i}: ${places[k]}`]);
  }
  return rows;
}
