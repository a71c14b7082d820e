const PLACEHOLDER = /\{\{\s*(\d+)\s*\}\}/g;

/** A template's text with its {{1}}, {{2}}… replaced by the values typed so far (an empty one keeps its placeholder). */
export function fillTemplate(text: string, values: readonly string[]): string {
  return text.replace(PLACEHOLDER, (placeholder, number: string) => {
    const value = values[Number(number) - 1]?.trim();
    return value ? value : placeholder;
  });
}
