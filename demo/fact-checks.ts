import type { RatingKey } from "../schema/rating-scale";

/** A demo fact-check of our own writing, published through the real workflow when its article is present. */
export interface DemoFactCheck {
  /** Found by searching article texts for this exact quote. */
  quote: string;
  claimant: { name: string; kind: "person" | "organization" };
  ratingKey: RatingKey;
  explanation: string;
  sources: { url: string; title: string; publisher: string; publishedAt?: string; quote?: string }[];
}

export const demoFactChecks: DemoFactCheck[] = [
  {
    quote: "240 new electric buses will be on the streets by April",
    claimant: { name: "City Council", kind: "organization" },
    ratingKey: "half-true",
    explanation:
      "The procurement notice lists 240 buses, but only 120 are scheduled for delivery before April; the rest are due in the autumn.",
    sources: [
      { url: "https://example.org/procurement/buses-2024", title: "Bus procurement notice", publisher: "City procurement portal", publishedAt: "2023-12-01" },
      { url: "https://example.org/transport/delivery-schedule", title: "Delivery schedule", publisher: "City transport department" },
    ],
  },
  {
    quote: "бесплатное горячее питание получат более 2 миллионов школьников",
    claimant: { name: "Министерство просвещения", kind: "organization" },
    ratingKey: "mostly-true",
    explanation: "По данным статистического бюро, в начальных классах учатся 1,9 миллиона детей; с учётом пришкольных интернатов число превышает 2 миллиона.",
    sources: [{ url: "https://example.org/stat/schools-2024", title: "Численность учащихся", publisher: "Бюро национальной статистики" }],
  },
  {
    quote: "биыл 500 шақырым жергілікті жол күрделі жөндеуден өтеді",
    claimant: { name: "Облыс әкімдігі", kind: "organization" },
    ratingKey: "unverifiable",
    explanation: "Әкімдік жөнделетін жолдардың тізімін жарияламаған, сондықтан 500 шақырым деген санды тексеру мүмкін емес.",
    sources: [{ url: "https://example.org/akimat/roads", title: "Жол жөндеу жоспары", publisher: "Облыс әкімдігі" }],
  },
  {
    // Seed 002 (third-party text, imported from FACTLINE_SEEDS only): the party's own statistic.
    quote: "60,000 students who graduate from Kazakhstan’s schools go abroad every year",
    claimant: { name: "National Social Democratic Party", kind: "organization" },
    ratingKey: "unverifiable",
    explanation:
      "The party cites no source for 60,000. Official figures count Kazakh citizens studying abroad, not school leavers who emigrate each year, so the number cannot be checked as stated.",
    sources: [
      { url: "https://example.org/education/students-abroad", title: "Kazakh students abroad", publisher: "UNESCO Institute for Statistics (example link)" },
      { url: "https://osdp.kz/", title: "National Social Democratic Party", publisher: "osdp.kz" },
    ],
  },
];
