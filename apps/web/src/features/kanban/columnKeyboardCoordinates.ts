import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

const STEP = 40;

/**
 * Keyboard dragging for the board: left/right jump to the center of the previous/next column, up/down move a
 * little (the default getter moves 25 px per key, which takes a dozen presses to reach the next column).
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  const { x, y } = currentCoordinates;
  switch (event.code) {
    case 'ArrowUp':
      event.preventDefault();
      return { x, y: y - STEP };
    case 'ArrowDown':
      event.preventDefault();
      return { x, y: y + STEP };
    case 'ArrowLeft':
    case 'ArrowRight': {
      event.preventDefault();
      const rects = [...context.droppableRects.values()].sort((a, b) => a.left - b.left);
      const forward = event.code === 'ArrowRight';
      const target = forward
        ? rects.find((rect) => rect.left > x)
        : [...rects].reverse().find((rect) => rect.left + rect.width < x);
      if (!target) return undefined;
      const width = context.collisionRect?.width ?? 0;
      return {
        x: target.left + (target.width - width) / 2,
        y: Math.max(target.top + STEP, Math.min(y, target.bottom - STEP)),
      };
    }
    default:
      return undefined;
  }
};
