import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryKeys } from '../../api/query-keys';
import { createFakeFetch, json } from '../../test/fakeApi';
import { me, stages, ticketDetail, users } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

// jsdom lays nothing out: the chat gets a height of 100 px per message in a 300 px window, and a scroll position
// clamped like a browser's.
const MESSAGE_PX = 100;
const WINDOW_PX = 300;
const scrollTops = new WeakMap<Element, number>();
const originals = {
  scrollHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight'),
  clientHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight'),
  scrollTop: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop'),
};
const isChat = (element: Element) => element.classList.contains('chat');
const height = (element: Element) => element.querySelectorAll('li').length * MESSAGE_PX;

beforeAll(() => {
  Object.defineProperty(Element.prototype, 'scrollHeight', {
    configurable: true,
    get(this: Element) {
      return isChat(this) ? height(this) : 0;
    },
  });
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: Element) {
      return isChat(this) ? WINDOW_PX : 0;
    },
  });
  Object.defineProperty(Element.prototype, 'scrollTop', {
    configurable: true,
    get(this: Element) {
      return scrollTops.get(this) ?? 0;
    },
    set(this: Element, value: number) {
      scrollTops.set(this, Math.max(0, Math.min(value, height(this) - WINDOW_PX)));
    },
  });
});

afterAll(() => {
  for (const [name, descriptor] of Object.entries(originals)) {
    if (descriptor) Object.defineProperty(Element.prototype, name, descriptor);
  }
});

const message = (n: number) => ({
  id: `m${n}`,
  ticketId: 't1',
  direction: n % 2 ? 'in' : 'out',
  type: 'text',
  body: `Mensagem ${n}`,
  status: n % 2 ? null : 'read',
  sentAt: new Date(Date.UTC(2025, 0, 15, 13, n)).toISOString(),
});

function renderChat(count: number) {
  let messages = Array.from({ length: count }, (_, i) => message(i + 1));
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/tickets/t1': () => json(200, ticketDetail()),
    'GET /api/v1/conversations/c1/messages': () =>
      json(200, { items: [...messages].reverse(), total: messages.length, page: 1, pageSize: 50 }),
    'GET /api/v1/tickets/t1/notes': () => json(200, { items: [], total: 0, page: 1, pageSize: 100 }),
  });
  const { services } = renderApp('/dashboard/tickets/t1', { fetch, storedToken: 'token' });
  const receive = async (n: number) => {
    messages = [...messages, message(n)];
    await services.queryClient.invalidateQueries({ queryKey: queryKeys.messages('c1') });
    await screen.findByText(`Mensagem ${n}`);
  };
  return { receive };
}

const bottom = (chat: HTMLElement) => chat.scrollHeight - chat.clientHeight;

describe('the chat of a ticket', () => {
  it('is a focusable, labelled log that opens on the newest message', async () => {
    renderChat(10);

    const chat = await screen.findByRole('log', { name: 'Mensagens da conversa' });
    await within(chat).findByText('Mensagem 10');
    expect(chat).toHaveAttribute('tabindex', '0');
    expect(chat.scrollTop).toBe(700);
    expect(chat.scrollTop).toBe(bottom(chat));
  });

  it('stays pinned to the bottom while new messages arrive', async () => {
    const { receive } = renderChat(10);
    const chat = await screen.findByRole('log', { name: 'Mensagens da conversa' });
    await within(chat).findByText('Mensagem 10');

    await receive(11);
    expect(chat.scrollTop).toBe(800);
    expect(screen.queryByRole('button', { name: /Novas mensagens/ })).not.toBeInTheDocument();
  });

  it('keeps the place of an agent who scrolled up and offers a pill that jumps to the newest message', async () => {
    const { receive } = renderChat(10);
    const chat = await screen.findByRole('log', { name: 'Mensagens da conversa' });
    await within(chat).findByText('Mensagem 10');

    chat.scrollTop = 200;
    fireEvent.scroll(chat);
    expect(screen.queryByRole('button', { name: /Novas mensagens/ })).not.toBeInTheDocument();

    await receive(11);
    expect(chat.scrollTop).toBe(200);
    const pill = await screen.findByRole('button', { name: /Novas mensagens/ });

    await userEvent.click(pill);
    expect(chat.scrollTop).toBe(bottom(chat));
    expect(chat).toHaveFocus();
    await waitFor(() => expect(screen.queryByRole('button', { name: /Novas mensagens/ })).not.toBeInTheDocument());

    // Back at the bottom, it follows new messages again.
    await receive(12);
    expect(chat.scrollTop).toBe(900);
  });

  it('hides the pill when the agent scrolls back down by hand', async () => {
    const { receive } = renderChat(10);
    const chat = await screen.findByRole('log', { name: 'Mensagens da conversa' });
    await within(chat).findByText('Mensagem 10');
    chat.scrollTop = 0;
    fireEvent.scroll(chat);
    await receive(11);
    await screen.findByRole('button', { name: /Novas mensagens/ });

    chat.scrollTop = bottom(chat);
    fireEvent.scroll(chat);
    await waitFor(() => expect(screen.queryByRole('button', { name: /Novas mensagens/ })).not.toBeInTheDocument());
  });
});
