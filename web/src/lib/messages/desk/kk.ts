/** The newsroom desk's strings in Kazakh. */
import type { deskEn } from "./en";

export const deskKk: Record<keyof typeof deskEn, string> = {
  claimantDraftNote: "Әлі сақталмады: тізімнен автор таңдаңыз немесе жаңасын жасаңыз.",
  claimantKindSaved: "Түрі сақталды.",
  saveKind: "Түрін сақтау",
  mergeClaimant: "Көшірмені осы авторға біріктіру",
  mergeDuplicate: "Біріктірілетін көшірме",
  mergeButton: "«{name}» авторына біріктіру",
  mergeConfirm: "«{dup}» авторын «{name}» авторына біріктіру керек пе? Оның тексерулері «{name}» авторына көшеді, ал «{dup}» жойылады.",
  merged: "Біріктірілді: {count} тексеру көшірілді.",
  mergeUnknown: "Тізімнен автор таңдаңыз.",
  showingOf: "{total} ішінен {shown} көрсетілген.",
  changesRequestedBanner: "Түзету сұралды",
  changesRequestedBy: "{name} {when} түзету сұрады:",
  readThread: "Талқылауда оқу",
  publishPreviewTitle: "Жарияламас бұрын: оқырмандар не көреді",
  publishQuestion: "№{id} «{quote}» мәлімдемесін жариялау керек пе?",
  confirmPublish: "№{id} мәлімдемені жариялау",
  crRating: "ClaimReview бағасы",
  crAuthor: "ClaimReview-тағы автор",
  crUrl: "Жария мекенжай",
  publishedNow: "Жарияланды.",
  viewPublicClaim: "Жария тексеруді ашу",
};
