import '@testing-library/jest-dom/vitest';
import '../i18n';
import { cleanup, configure } from '@testing-library/react';
import i18n from 'i18next';
import { afterEach } from 'vitest';

// findBy* wait for lazy route chunks, which the first time are compiled on the fly.
configure({ asyncUtilTimeout: 5000 });

afterEach(async () => {
  cleanup();
  window.localStorage.clear();
  await i18n.changeLanguage('pt-BR');
});
