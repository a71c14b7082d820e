import { ApiError } from '@whatrack/api-client';
import i18n from 'i18next';
import { API_ERROR_CODE_LIST } from '@whatrack/shared';
import { describe, expect, it } from 'vitest';
import { lockSeconds, translatedErrorText } from './translatedErrorText';

const t = i18n.getFixedT('pt-BR');

function failure(statusCode: number, code: string, message: string): ApiError {
  return new ApiError({ statusCode, error: 'Error', code, message });
}

describe('translatedErrorText', () => {
  it('says how long a locked sign-in waits, in seconds and then in minutes', () => {
    const locked = (seconds: number) =>
      failure(429, 'login_locked', `Too many sign-in attempts for this e-mail: try again in ${seconds} s`);
    expect(translatedErrorText(locked(42), t)).toBe(
      'Muitas tentativas de acesso com este e-mail. Tente novamente em 42 s.',
    );
    expect(translatedErrorText(locked(900), t)).toBe(
      'Muitas tentativas de acesso com este e-mail. Tente novamente em 15 min.',
    );
  });

  it('keeps the lock message generic when the wait is not in the message', () => {
    expect(translatedErrorText(failure(429, 'login_locked', 'Locked'), t)).toBe(
      'Muitas tentativas de acesso com este e-mail. Aguarde alguns minutos e tente novamente.',
    );
    expect(lockSeconds('try again in 0 s')).toBeNull();
  });

  it('translates the busy and timeout answers', () => {
    expect(translatedErrorText(failure(503, 'server_busy', 'The server is busy'), t)).toBe(
      'O servidor está ocupado com outras buscas e relatórios. Tente de novo em instantes.',
    );
    expect(translatedErrorText(failure(503, 'statement_timeout', 'The request took too long'), t)).toBe(
      'A busca demorou demais. Restrinja os filtros ou tente de novo em instantes.',
    );
  });

  it('translates permission, credential and sign-up answers', () => {
    expect(translatedErrorText(failure(403, 'forbidden', 'Forbidden resource'), t)).toMatch(/não tem permissão/);
    expect(translatedErrorText(failure(403, 'insufficient_scope', 'lacks the scope'), t)).toMatch(/chave de API/);
    expect(translatedErrorText(failure(401, 'invalid_credentials', 'Invalid email or password'), t)).toBe(
      'E-mail ou senha incorretos.',
    );
    expect(translatedErrorText(failure(409, 'email_unavailable', 'sign in with it instead'), t)).toMatch(
      /já pertence a uma conta/,
    );
  });

  it('says network failures in the UI language', () => {
    expect(translatedErrorText(ApiError.from(new TypeError('Failed to fetch')), t)).toMatch(/falar com o servidor/);
  });

  it('says each invalid field and its problem, with the field named in the UI language', () => {
    const invalid = new ApiError({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid_input',
      message: 'lead.phone must be a valid phone number; lead.name must be shorter than or equal to 120 characters',
      details: [
        { field: 'lead.phone', code: 'invalid_phone', message: 'lead.phone must be a valid phone number' },
        {
          field: 'lead.name',
          code: 'max_length',
          message: 'lead.name must be shorter than or equal to 120 characters',
        },
        { field: 'lead.nickname', code: 'some_new_rule', message: 'nickname is odd' },
      ],
    });
    expect(translatedErrorText(invalid, t)).toBe(
      'Telefone: número de telefone inválido. Informe o DDD e o número, por exemplo (11) 91234-5678. ' +
        'Nome: texto longo demais. lead.nickname: valor inválido.',
    );
  });

  it('translates every code of the API catalogue, in both languages, and leaves a newer code to its message', () => {
    const en = i18n.getFixedT('en');
    for (const code of API_ERROR_CODE_LIST) {
      const error = failure(400, code, 'English text from the API');
      for (const translate of [t, en]) {
        const text = translatedErrorText(error, translate);
        expect(text).toBeTruthy();
        expect(text).not.toContain('errors.codes');
      }
      expect(translatedErrorText(error, t)).not.toBe(translatedErrorText(error, en));
    }
    expect(translatedErrorText(failure(409, 'code_from_a_newer_server', 'The API says why'), t)).toBeNull();
  });

  it('has an English text for every translated code', () => {
    const en = i18n.getFixedT('en');
    expect(translatedErrorText(failure(503, 'server_busy', 'busy'), en)).toBe(
      'The server is busy with other searches and reports. Try again shortly.',
    );
  });
});
