/** The newsroom desk's strings in Russian. */
import type { deskEn } from "./en";

export const deskRu: Record<keyof typeof deskEn, string> = {
  claimantDraftNote: "Ещё не сохранено: выберите автора из списка или создайте нового.",
  claimantKindSaved: "Тип сохранён.",
  saveKind: "Сохранить тип",
  mergeClaimant: "Объединить дубликат с этим автором",
  mergeDuplicate: "Дубликат для объединения",
  mergeButton: "Объединить с «{name}»",
  mergeConfirm: "Объединить «{dup}» с «{name}»? Его проверки перейдут к «{name}», а «{dup}» будет удалён.",
  merged: "Объединено: перенесено проверок: {count}.",
  mergeUnknown: "Выберите автора из списка.",
  showingOf: "Показано {shown} из {total}.",
  changesRequestedBanner: "Запрошены правки",
  changesRequestedBy: "{name} запросил(а) правки {when}:",
  readThread: "Читать в обсуждении",
  publishPreviewTitle: "Перед публикацией: что увидят читатели",
  publishQuestion: "Опубликовать утверждение №{id} «{quote}»?",
  confirmPublish: "Опубликовать утверждение №{id}",
  crRating: "Оценка в ClaimReview",
  crAuthor: "Автор в ClaimReview",
  crUrl: "Публичный адрес",
  publishedNow: "Опубликовано.",
  viewPublicClaim: "Открыть публичную проверку",
};
