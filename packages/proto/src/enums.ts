/**
 * Proto enum values carry a type prefix (CATEGORY_DEBT) because proto3 enum values
 * share their package's scope; JSON and people use the bare name (DEBT).
 */
export function enumName(values: Record<string, number>, prefix: string, value: number): string {
  for (const [name, v] of Object.entries(values)) {
    if (v === value) return name.startsWith(prefix) ? name.slice(prefix.length) : name;
  }
  return 'UNSPECIFIED';
}

/** The numeric value for a bare name, or undefined when the name is unknown or UNSPECIFIED. */
export function enumValue(values: Record<string, number>, prefix: string, name: string): number | undefined {
  if (name === 'UNSPECIFIED') return undefined;
  const v = values[prefix + name];
  return typeof v === 'number' && v !== 0 ? v : undefined;
}
