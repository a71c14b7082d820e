import VCard from 'vcf';
import type { SharedContact } from '../../conversations/message-content.types';

/** The text of a vCard property (a structured one, such as N or ORG, joined). */
function text(property: VCard.Property | undefined): string | null {
  const value: unknown = property?.valueOf();
  const joined = Array.isArray(value) ? value.filter(Boolean).join(' ') : typeof value === 'string' ? value : '';
  return joined.replace(/;+$/, '').trim() || null;
}

/** ORG is the organization's name then its units, `;`-separated (RFC 6350 6.6.4). */
function organizationOf(org: string | null): string | null {
  const parts =
    org
      ?.split(/(?<!\\);/)
      .map((p) => p.trim())
      .filter(Boolean) ?? [];
  return parts.join(' - ') || null;
}

function all(card: VCard, key: string): VCard.Property[] {
  const found = card.get(key) as VCard.Property | VCard.Property[] | undefined;
  return found === undefined ? [] : Array.isArray(found) ? found : [found];
}

function param(property: VCard.Property, name: string): string | null {
  const value: unknown = (property as unknown as Record<string, unknown>)[name];
  return Array.isArray(value)
    ? value.filter((v) => typeof v === 'string').join(',') || null
    : typeof value === 'string'
      ? value
      : null;
}

/**
 * The contacts of a vCard (WhatsApp shares contacts as vCard 3.0: `item1.TEL;waid=5511…:+55 11 …` with the label in
 * `item1.X-ABLabel`). A vCard the library cannot read still gives its display name, so the contact is not lost.
 */
export function contactsOfVcard(vcard: string | null, displayName: string | null): SharedContact[] {
  let cards: VCard[] = [];
  if (vcard) {
    try {
      // The parser wants CRLF line ends; WhatsApp sends LF.
      cards = VCard.parse(vcard.replace(/\r?\n/g, '\r\n'));
    } catch {
      cards = [];
    }
  }
  if (cards.length === 0) {
    return displayName ? [{ name: displayName, phones: [], emails: [], organization: null }] : [];
  }
  return cards.map((card) => {
    const labels = new Map(all(card, 'xAbLabel').map((l) => [param(l, 'group'), text(l)]));
    return {
      name: text(all(card, 'fn')[0]) ?? text(all(card, 'n')[0]) ?? displayName ?? '',
      phones: all(card, 'tel').flatMap((tel) => {
        const phone = text(tel);
        if (!phone) return [];
        const group = param(tel, 'group');
        const type = (group ? labels.get(group) : null) ?? param(tel, 'type');
        return [{ phone, type: type ?? null, waId: param(tel, 'waid') }];
      }),
      emails: all(card, 'email').flatMap((e) => text(e) ?? []),
      organization: organizationOf(text(all(card, 'org')[0])),
    };
  });
}
