/** A tiny element builder: the workspace needs no framework, just less ceremony than createElement. */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Build an element. Attributes starting with "on" become listeners; `false`/null attributes are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (name === "value" && "value" in el) (el as HTMLInputElement).value = String(value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el as HTMLElement, children);
  return el;
}

/** Append children, skipping empty ones. */
export function append(el: HTMLElement, children: (Child | Child[])[]) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    // appendChild, not append: the Workers types merge an HTMLRewriter `append` into Element.
    el.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** Replace all of an element's children. */
export function replace(el: HTMLElement, ...children: (Child | Child[])[]) {
  el.textContent = "";
  append(el, children);
}

let nextId = 0;
/** A document-unique id for label/aria wiring. */
export const uid = (prefix = "f") => `${prefix}-${++nextId}`;

/** A labelled form field: label above the control, an error slot below it tied by aria-describedby. */
export function field<T extends { id: string; setAttribute(name: string, value: string): void }>(label: string, control: T, hint?: string) {
  const id = control.id || uid("ctl");
  control.id = id;
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : undefined;
  control.setAttribute("aria-describedby", [hintId, errorId].filter(Boolean).join(" "));
  const error = h("p", { class: "field-error", id: errorId, role: "alert", hidden: true });
  const wrap = h("div", { class: "field" }, h("label", { for: id }, label), hint ? h("p", { class: "hint", id: hintId }, hint) : null, control as unknown as Node, error);
  const setError = (message: string | null) => {
    showError(error, message);
    // Assistive technology announces the field as invalid while it has an error.
    if (message) control.setAttribute("aria-invalid", "true");
    else (control as unknown as Element).removeAttribute?.("aria-invalid");
  };
  return { wrap, control, error, setError };
}

/** Show or clear an error message element. */
export function showError(el: HTMLElement, message: string | null) {
  el.textContent = message ?? "";
  el.hidden = !message;
}

/** Format an ISO timestamp for people, in the UI language. */
export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return "";
  const d = new Date(iso.includes("T") || iso.length <= 10 ? iso : `${iso.replace(" ", "T")}Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang, { dateStyle: "medium", timeStyle: iso.length > 10 ? "short" : undefined });
}
