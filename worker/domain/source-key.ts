/**
 * One key for the many spellings of an article's URL: no scheme, no "www.", no trailing slash, no
 * fragment, host in lower case. The widget on a publisher's page finds its fact-checks by it.
 */
export function sourceKey(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    return `${u.hostname.toLowerCase().replace(/^www\./, "")}${u.pathname.replace(/\/+$/, "")}${u.search}`;
  } catch {
    return null;
  }
}
