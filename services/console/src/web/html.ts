/** Markup that is already safe (built by `h`); everything else is escaped. */
export class Raw {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export function esc(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const part = (v: unknown): string =>
  v instanceof Raw
    ? v.html
    : Array.isArray(v)
      ? v.map(part).join('')
      : v === undefined || v === null || v === false
        ? ''
        : esc(v);

/** Tagged template: interpolations are escaped unless they are Raw (or arrays of Raw). */
export function h(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += part(v) + strings[i + 1]!;
  });
  return new Raw(out);
}
