/** The about page's sections, in this order on the page (no zod here: the workspace bundle imports it). */
export const aboutSections = ["organisation", "funding", "team"] as const;
export type AboutSection = (typeof aboutSections)[number];
