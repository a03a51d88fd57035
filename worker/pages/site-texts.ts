import type { UiLanguage } from "../../schema/enums";

/**
 * The fixed text of the methodology and corrections pages. The rating names on the methodology page
 * are not here: they are the labels admins set (worker/queries/ratings.ts); these say what each means.
 */
export const ratingMeanings: Record<UiLanguage, Record<string, string>> = {
  en: {
    true: "The claim is accurate and nothing significant is missing.",
    "mostly-true": "The claim is accurate but needs clarification or additional information.",
    "half-true": "The claim is partly accurate but leaves out important details or takes things out of context.",
    misleading: "The claim contains accurate elements but gives a wrong impression.",
    "mostly-false": "The claim contains an element of truth but ignores facts that would give a different impression.",
    false: "The claim is not accurate.",
    unverifiable: "The evidence available to us does not allow us to say whether the claim is accurate.",
  },
  ru: {
    true: "Утверждение точно, и в нём не упущено ничего существенного.",
    "mostly-true": "Утверждение точно, но требует уточнения или дополнительной информации.",
    "half-true": "Утверждение отчасти точно, но упускает важные детали или вырывает факты из контекста.",
    misleading: "Утверждение содержит точные элементы, но создаёт ложное впечатление.",
    "mostly-false": "В утверждении есть доля правды, но оно игнорирует факты, которые изменили бы впечатление.",
    false: "Утверждение неточно.",
    unverifiable: "Доступные нам данные не позволяют сказать, точно ли утверждение.",
  },
  kk: {
    true: "Мәлімдеме дәл, маңызды ештеңе қалып қоймаған.",
    "mostly-true": "Мәлімдеме дәл, бірақ нақтылауды немесе қосымша ақпаратты қажет етеді.",
    "half-true": "Мәлімдеме ішінара дәл, бірақ маңызды мәліметтерді қалдырады немесе контекстен үзіп алады.",
    misleading: "Мәлімдемеде дәл элементтер бар, бірақ ол жалған әсер қалдырады.",
    "mostly-false": "Мәлімдемеде шындық үлесі бар, бірақ басқа әсер беретін фактілерді елемейді.",
    false: "Мәлімдеме дәл емес.",
    unverifiable: "Қолымыздағы деректер мәлімдеменің дәл екенін айтуға мүмкіндік бермейді.",
  },
};

/** How a fact-check is made: paragraphs, in order. */
export const methodologySteps: Record<UiLanguage, readonly string[]> = {
  en: [
    "We choose claims that are checkable, that matter to the public, and that many people have seen or heard.",
    "A fact-checker finds the original source of each claim and asks the person or organisation who made it for their evidence.",
    "We look for the best available evidence: official data, documents, and independent experts. Every source is linked from the fact-check so that readers can check our work.",
    "A second person, an editor who did not write the fact-check, reviews it before it is published. Nobody approves or publishes their own work.",
    "Each fact-check ends with one rating from the scale below.",
  ],
  ru: [
    "Мы выбираем утверждения, которые можно проверить, которые важны для общества и которые видели или слышали многие.",
    "Фактчекер находит первоисточник утверждения и запрашивает доказательства у автора — человека или организации.",
    "Мы ищем лучшие доступные доказательства: официальные данные, документы, независимых экспертов. Каждый источник указан в проверке со ссылкой, чтобы читатели могли проверить нашу работу.",
    "Перед публикацией проверку просматривает второй человек — редактор, который её не писал. Никто не утверждает и не публикует собственную работу.",
    "Каждая проверка завершается одной оценкой по шкале ниже.",
  ],
  kk: [
    "Біз тексеруге болатын, қоғам үшін маңызды және көп адам көрген не естіген мәлімдемелерді таңдаймыз.",
    "Факт-чекер әр мәлімдеменің бастапқы көзін тауып, оны айтқан адамнан не ұйымнан дәлел сұрайды.",
    "Біз ең сенімді дәлелдерді іздейміз: ресми деректер, құжаттар, тәуелсіз сарапшылар. Оқырмандар жұмысымызды тексере алуы үшін әр дереккөзге сілтеме беріледі.",
    "Жарияланар алдында тексеруді оны жазбаған екінші адам — редактор қарайды. Ешкім өз жұмысын бекітпейді және жарияламайды.",
    "Әр тексеру төмендегі шкаладағы бір бағамен аяқталады.",
  ],
};

/** The corrections policy: paragraphs, in order. */
export const correctionsPolicy: Record<UiLanguage, readonly string[]> = {
  en: [
    "We correct our mistakes openly. Anyone can tell us about an error through the contact form.",
    "When a fact-check contains an error of fact, we correct it and add a note at the top of the fact-check that says what changed and when. The fact-check is then marked “Corrected”.",
    "When the rating itself changes, a second editor must approve the new rating; until then the earlier rating stays public. The fact-check's revision history shows the old and the new rating.",
    "When a fact-check cannot stand, we retract it: it stays online, marked “Retracted”, with the reason.",
    "When the article a fact-check is about changes after we published it, the fact-check says so until an editor has reviewed it.",
  ],
  ru: [
    "Мы открыто исправляем свои ошибки. Сообщить об ошибке можно через форму обратной связи.",
    "Если в проверке есть фактическая ошибка, мы исправляем её и добавляем в начало проверки примечание о том, что и когда изменилось. Проверка получает отметку «Исправлено».",
    "Если меняется сама оценка, новую оценку должен одобрить второй редактор; до тех пор публичной остаётся прежняя. История изменений проверки показывает старую и новую оценку.",
    "Если проверка не может оставаться в силе, мы её отзываем: она остаётся на сайте с отметкой «Отозвано» и указанием причины.",
    "Если статья, которой посвящена проверка, изменилась после публикации, проверка сообщает об этом, пока редактор её не пересмотрит.",
  ],
  kk: [
    "Біз қателерімізді ашық түзетеміз. Қате туралы байланыс формасы арқылы хабарлауға болады.",
    "Тексеруде фактілік қате болса, біз оны түзетіп, тексерудің басына не және қашан өзгергені туралы ескерту қосамыз. Тексеру «Түзетілді» деп белгіленеді.",
    "Баға өзгерсе, жаңа бағаны екінші редактор бекітуі керек; оған дейін бұрынғы баға жария болып қалады. Тексерудің өзгерістер тарихы ескі және жаңа бағаны көрсетеді.",
    "Тексеру күшінде қала алмаса, біз оны кері қайтарамыз: ол сайтта «Кері қайтарылды» белгісімен және себебімен қалады.",
    "Тексеру арналған мақала жарияланғаннан кейін өзгерсе, редактор қарап шыққанша тексеру бұл туралы хабарлайды.",
  ],
};
