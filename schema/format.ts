/**
 * Fill `{name}` placeholders in a UI string: the one formatter of the workspace, the public pages and
 * the public script. A placeholder with no value stays as it is, so that a missing value shows.
 */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (values[name] === undefined ? placeholder : String(values[name])));
}
