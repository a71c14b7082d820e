import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';

export interface NormalizedPhone {
  /** E.164 as given (keeps or lacks the Brazilian ninth digit as the input did), e.g. +5511999998888. */
  e164: string;
  /**
   * Matching key: E.164 with the Brazilian mobile ninth digit removed, so +55 11 9 8888-7777 and
   * +55 11 8888-7777 (as WhatsApp ids often arrive) are one person.
   */
  key: string;
}

const DEFAULT_COUNTRY = 'BR';

function parse(input: string): PhoneNumber | undefined {
  const trimmed = input.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (!digits) return undefined;
  if (trimmed.startsWith('+')) return parsePhoneNumberFromString(`+${digits}`);
  if (trimmed.startsWith('00')) return parsePhoneNumberFromString(`+${digits.slice(2)}`);
  // Digits-only Brazilian numbers often arrive with the country code but no plus (WhatsApp ids: 5511999998888).
  if (digits.startsWith('55') && (digits.length === 12 || digits.length === 13)) {
    return parsePhoneNumberFromString(`+${digits}`);
  }
  return parsePhoneNumberFromString(trimmed, DEFAULT_COUNTRY);
}

/** Brazilian mobile written without the ninth digit (area code + 8 digits starting 6-9): a valid legacy form. */
function isLegacyBrazilianMobile(phone: PhoneNumber): boolean {
  return phone.countryCallingCode === '55' && /^[1-9]{2}[6-9]\d{7}$/.test(phone.nationalNumber);
}

export function brazilianMatchKey(e164: string): string {
  const match = /^\+55([1-9]{2})9(\d{8})$/.exec(e164);
  return match ? `+55${match[1]}${match[2]}` : e164;
}

/** Normalizes a phone to E.164 (default country BR) with its matching key; null when it is not a phone number. */
export function normalizePhone(input: string): NormalizedPhone | null {
  const phone = parse(input);
  if (!phone) return null;
  if (!phone.isValid() && !isLegacyBrazilianMobile(phone)) return null;
  const e164 = phone.number;
  return { e164, key: brazilianMatchKey(e164) };
}

/** Only the digits of a phone-like search term (for partial matching). */
export function phoneDigits(input: string): string {
  return input.replace(/\D/g, '');
}
