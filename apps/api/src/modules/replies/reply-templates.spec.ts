import { renderTemplate } from './reply-templates';

describe('renderTemplate', () => {
  it('fills the body’s numbered placeholders in order and keeps the header above', () => {
    const template = {
      name: 'pedido',
      headerText: 'Pedido confirmado',
      body: 'Olá {{1}}, seu pedido {{2}} sai {{1}}!',
    };
    expect(renderTemplate(template, ['Ana', '#42'])).toBe('Pedido confirmado\nOlá Ana, seu pedido #42 sai Ana!');
  });

  it('leaves a placeholder without a value visible and falls back to the name without text', () => {
    expect(renderTemplate({ name: 'x', headerText: null, body: 'Oi {{1}} {{2}}' }, ['Bia'])).toBe('Oi Bia {{2}}');
    expect(renderTemplate({ name: 'so_midia', headerText: null, body: null }, [])).toBe('so_midia');
  });
});
