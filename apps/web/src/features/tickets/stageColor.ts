const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const FALLBACK = '#5b6975';

/** A stage color safe to put in a style (anything but a hex color falls back to grey). */
export function stageColor(color: string | null | undefined): string {
  return color && HEX_COLOR.test(color) ? color : FALLBACK;
}
