type Attrs = Record<string, string | boolean | number | undefined | ((event: Event) => void)>;
type Child = Node | string | number | null | undefined | false;

/** Creates an element with attributes (`on…` keys become listeners) and children. */
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/** Appends children, skipping empty ones and turning text into text nodes. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A labelled form field wrapping the given control. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h("label", { class: "field" }, h("span", {}, label), control, hint ? h("small", {}, hint) : null);
}

/** A `<select>` of the given option values (shown as given unless labels are passed). */
export function select(name: string, values: string[], labels?: string[]): HTMLSelectElement {
  const el = h("select", { name }) as HTMLSelectElement;
  values.forEach((value, i) => el.appendChild(h("option", { value }, labels?.[i] ?? value)));
  return el;
}

/** A text `<input>`. */
export function input(name: string, attrs: Attrs = {}): HTMLInputElement {
  return h("input", { name, autocomplete: "off", spellcheck: "false", ...attrs }) as HTMLInputElement;
}

/** A definition list of label/value rows. */
export function facts(rows: Array<[string, Child]>): HTMLElement {
  return h("dl", { class: "facts" }, ...rows.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}
