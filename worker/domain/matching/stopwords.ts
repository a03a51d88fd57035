/**
 * Words that carry no claim of their own, in English, Russian and Kazakh. Short lists on purpose:
 * BM25's IDF already discounts common words; these only keep the match query small and fast.
 */
export const stopwords: ReadonlySet<string> = new Set(
  [
    // English
    "a an the and or but if of to in on at by for with from as into about over than then that this these those it its is are was were be been being",
    "has have had do does did will would shall should can could may might must not no so such there their they them he she his her we our you your i me my",
    "who whom which what when where why how all any each every some more most other also just only very up out new said says",
    // Russian
    "и в во не что он она оно они на я с со как а то все всё так его ее её их но да ты к у же вы за бы по только мне было вот от меня о из ему",
    "теперь когда даже ну ли если уже или ни быть был была были будет него до вас нибудь опять уж вам ведь там потом себя ничего ей может",
    "тут где есть надо ней для мы тебя чем сам чтобы без будто чего раз тоже себе под ж тогда кто этот того потому этого какой совсем ним",
    "здесь этом один почти мой тем чтобы нее кажется сейчас куда зачем всех никогда можно при наконец два об другой хоть после над больше тот",
    "через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда",
    "конечно всю между это также году года",
    // Kazakh
    "және мен бен пен да де та те бұл сол осы ол олар біз сіз мен үшін туралы бойынша деді деп еді екен болды болып болса бар жоқ ма ме ба бе па пе",
    "қазір жылы жыл тағы әр барлық кейін дейін соң бірақ немесе яғни ғана",
  ]
    .join(" ")
    .split(" "),
);
