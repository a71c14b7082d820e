import '@testing-library/jest-dom/vitest';
import '../i18n';
import { cleanup } from '@testing-library/react';
import i18n from 'i18next';
import { afterEach } from 'vitest';

afterEach(async () => {
  cleanup();
  window.localStorage.clear();
  await i18n.changeLanguage('pt-BR');
});
