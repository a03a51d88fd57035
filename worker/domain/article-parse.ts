import type { articleFormats } from "../../schema/inputs";
import { detectLanguage } from "./language";

/** What the importer learns from a raw article file. */
export interface ParsedArticle {
  title: string | null;
  publishedAt: string | null;
  publisher: string | null;
  sourceUrl: string | null;
  language: string;
  paragraphs: string[];
}

const months: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6,
  july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6,
  июля: 7, августа: 8, сентября: 9, октября: 10, ноября: 11, декабря: 12,
  қаңтар: 1, ақпан: 2, наурыз: 3, сәуір: 4, мамыр: 5, маусым: 6,
  шілде: 7, тамыз: 8, қыркүйек: 9, қазан: 10, қараша: 11, желтоқсан: 12,
};

const isoDate = (y: number, m: number, d: number) =>
  m >= 1 && m <= 12 && d >= 1 && d <= 31 ? `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` : null;

/** "February 23, 2023", "23 февраля 2023", "23.02.2023" or "2023-02-23" alone on a line, as an ISO date. */
export function parseDateLine(line: string): string | null {
  const s = line.trim().replace(/\s+(г\.?|ж\.?|жыл(ы)?)$/u, "");
  let m = /^(\p{L}+)\s+(\d{1,2}),?\s+(\d{4})$/u.exec(s);
  if (m && months[m[1].toLowerCase()]) return isoDate(+m[3], months[m[1].toLowerCase()], +m[2]);
  m = /^(\d{1,2})\s+(\p{L}+),?\s+(\d{4})$/u.exec(s);
  if (m && months[m[2].toLowerCase()]) return isoDate(+m[3], months[m[2].toLowerCase()], +m[1]);
  m = /^(\d{4})\s+(?:жылғы\s+)?(\d{1,2})\s+(\p{L}+)$/u.exec(s);
  if (m && months[m[3].toLowerCase()]) return isoDate(+m[1], months[m[3].toLowerCase()], +m[2]);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return isoDate(+m[3], +m[2], +m[1]);
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  return null;
}

/** "Source: www.inform.kz" (or Источник / Дереккөз / Read more at) as a publisher and a URL. */
export function parseSourceLine(line: string): { publisher: string; sourceUrl: string | null } | null {
  const m = /^(?:source|источник|дереккөз|read more at)\s*:\s*(\S+)\s*$/iu.exec(line.trim());
  if (!m) return null;
  return sourceFromReference(m[1]);
}

function sourceFromReference(ref: string): { publisher: string; sourceUrl: string | null } | null {
  const url = /^https?:\/\//i.test(ref) ? ref : `https://${ref}`;
  try {
    const parsed = new URL(url);
    if (!parsed.hostname.includes(".")) return null;
    return { publisher: parsed.hostname.replace(/^www\./, ""), sourceUrl: parsed.href };
  } catch {
    return null;
  }
}

/** Russian wire copy names its source inline: "…, передает zakon.kz." */
const inlineSource = /(?:передает|сообщает|хабарлайды)\s+((?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+)/iu;

const looksLikeTitle = (line: string, rest: number) => rest > 0 && line.length <= 200 && !/[.!?;:,]$/.test(line);

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", laquo: "«", raquo: "»", mdash: "—", ndash: "–", rsquo: "’", lsquo: "‘", ldquo: "“", rdquo: "”", hellip: "…" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[ref.toLowerCase()] ?? whole;
  });
}

/** Lines of an HTML page's readable text: scripts and styles dropped, block ends become line breaks. `findTitle`: the h1 (or title) is the title, not text. */
function htmlToLines(html: string, findTitle: boolean): { lines: string[]; title: string | null } {
  const titleMatch = findTitle ? (/<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html) ?? /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)) : null;
  const strip = (s: string) => decodeEntities(s.replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim();
  const page = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  // As the stealth-edit watch reads pages (worker/scheduled/readable-text.ts): an <article>, when there is one, is the text.
  const body = (/<article\b[^>]*>([\s\S]*)<\/article>/i.exec(page)?.[1] ?? page)
    .replace(/<(script|style|noscript|template|head|nav|footer|aside|form)\b[\s\S]*?<\/\1>/gi, "")
    .replace(/<h1\b[\s\S]*?<\/h1>/i, (h1) => (findTitle ? "" : h1))
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|h[1-6]|li|blockquote|section|article|tr)>/gi, "\n");
  const lines = body.split("\n").map(strip).filter(Boolean);
  return { lines, title: titleMatch ? strip(titleMatch[1]) || null : null };
}

/** Markdown to plain lines: headings, emphasis and links keep only their text. `findTitle`: a leading heading is the title, not text. */
function markdownToLines(md: string, findTitle: boolean): { lines: string[]; title: string | null } {
  let title: string | null = null;
  const lines: string[] = [];
  for (const raw of md.split(/\r?\n/)) {
    let line = raw.trim();
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading && findTitle && title === null && lines.length === 0) {
      title = heading[1].trim();
      continue;
    }
    if (heading) line = heading[1];
    line = line
      .replace(/^[-*+]\s+/, "")
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      .replace(/(\*\*|__)(.+?)\1/g, "$2")
      .replace(/(^|[^\w*])[*_]([^*_]+)[*_](?=[^\w*]|$)/g, "$1$2")
      .replace(/`([^`]+)`/g, "$1")
      .trim();
    if (line && !/^([-*_])\1{2,}$/.test(line)) lines.push(line);
  }
  return { lines, title };
}

/** Which metadata to look for in the text. A line is taken out of the body only when it is detected. */
export interface Detect {
  title: boolean;
  date: boolean;
  source: boolean;
}

const detectAll: Detect = { title: true, date: true, source: true };
const detectNothing: Detect = { title: false, date: false, source: false };

/**
 * Parse a raw article (plain text, Markdown or HTML): title, date, source, language and body paragraphs.
 * `detect` says what to look for; what the caller gave is not looked for, so its lines stay in the body.
 */
export function parseArticle(raw: string, format: (typeof articleFormats)[number] = "text", detect: Detect = detectAll): ParsedArticle {
  const cleaned = raw.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
  const extracted =
    format === "html"
      ? htmlToLines(cleaned, detect.title)
      : format === "markdown"
        ? markdownToLines(cleaned, detect.title)
        : { lines: cleaned.split("\n").map((l) => l.trim()).filter(Boolean), title: null };
  const lines = extracted.lines.map((l) => l.normalize("NFC"));
  let title = extracted.title;
  let publishedAt: string | null = null;
  let source: { publisher: string; sourceUrl: string | null } | null = null;

  if (detect.title && title === null && lines.length > 0 && looksLikeTitle(lines[0], lines.length - 1) && !parseDateLine(lines[0])) {
    title = lines.shift()!;
  }
  // The date line sits near the top, before the first paragraph.
  for (let i = 0; i < (detect.date ? Math.min(3, lines.length) : 0); i++) {
    const date = parseDateLine(lines[i]);
    if (date) {
      publishedAt = date;
      lines.splice(i, 1);
      break;
    }
  }
  // The source line closes the piece.
  for (let i = lines.length - 1; detect.source && i >= Math.max(0, lines.length - 3); i--) {
    const found = parseSourceLine(lines[i]);
    if (found) {
      source = found;
      lines.splice(i, 1);
      break;
    }
  }
  if (!source && detect.source) {
    const inline = lines.slice(0, 3).join(" ").match(inlineSource);
    if (inline) source = sourceFromReference(inline[1]);
  }
  const language = detectLanguage([title ?? "", ...lines].join(" "));
  return {
    title,
    publishedAt,
    publisher: source?.publisher ?? null,
    sourceUrl: source?.sourceUrl ?? null,
    language,
    paragraphs: lines,
  };
}

/** The paragraphs of a new revision's text: stored as sent, with nothing detected or taken out. */
export function revisionParagraphs(raw: string, format: (typeof articleFormats)[number] = "text"): string[] {
  return parseArticle(raw, format, detectNothing).paragraphs;
}

/** A title for an article that has none: its first sentence, cut at a word boundary. */
export function fallbackTitle(paragraphs: readonly string[]): string {
  const first = (paragraphs[0] ?? "").split(/(?<=[.!?])\s/u)[0];
  if (first.length <= 120) return first;
  const cut = first.slice(0, 120);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 60 ? cut.lastIndexOf(" ") : 120)}…`;
}

/** "By Jane Doe", "Автор: Иван Петров", "Авторы: …" or "Авторы …" alone on a line: the author's name. */
export function parseBylineLine(line: string): string | null {
  const m = /^(?:by|автор(?:ы)?|авторлар|авторы)\s*:?\s+(\p{Lu}[\p{L}\p{M}.'’\- ]{1,99})$/iu.exec(line.trim());
  return m ? m[1].trim() : null;
}

/** The details the importer would detect (outlet, original URL, date) and a byline near the top: the import form prefills them. */
export interface DetectedDetails {
  publisher: string | null;
  sourceUrl: string | null;
  publishedAt: string | null;
  author: string | null;
}

/** What the import detects in a raw article, for the workspace's form to show before the import (browser-safe, pure). */
export function detectArticleDetails(raw: string, format: (typeof articleFormats)[number] = "text"): DetectedDetails {
  const parsed = parseArticle(raw, format);
  const author = parsed.paragraphs.slice(0, 3).map(parseBylineLine).find((name) => name !== null) ?? null;
  return { publisher: parsed.publisher, sourceUrl: parsed.sourceUrl, publishedAt: parsed.publishedAt, author };
}
