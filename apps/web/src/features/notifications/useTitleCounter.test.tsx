import { render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useTitleCounter } from './useTitleCounter';

function Page({ title, count }: { title: string; count: number }) {
  useTitleCounter(count);
  return <title>{title}</title>;
}

describe('useTitleCounter', () => {
  it('prefixes the page title with the count, keeps it when the page changes its title, and removes it at 0', async () => {
    const view = render(<Page title="Tickets · WhaTrack Tickets" count={3} />);
    await waitFor(() => expect(document.title).toBe('(3) Tickets · WhaTrack Tickets'));

    view.rerender(<Page title="Kanban · WhaTrack Tickets" count={3} />);
    await waitFor(() => expect(document.title).toBe('(3) Kanban · WhaTrack Tickets'));

    view.rerender(<Page title="Kanban · WhaTrack Tickets" count={0} />);
    await waitFor(() => expect(document.title).toBe('Kanban · WhaTrack Tickets'));
  });

  it('takes the counter away when it unmounts', async () => {
    const view = render(<Page title="Relatórios · WhaTrack Tickets" count={1} />);
    await waitFor(() => expect(document.title).toBe('(1) Relatórios · WhaTrack Tickets'));
    view.unmount();
    expect(document.title).not.toMatch(/^\(\d+\)/);
  });
});
