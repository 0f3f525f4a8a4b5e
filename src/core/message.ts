/** Fills `{{name}}` placeholders; an unfilled placeholder is a bug and throws (caught as internal-error). */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    if (!(name in data)) throw new Error(`message placeholder {{${name}}} has no data`);
    return String(data[name]);
  });
}
