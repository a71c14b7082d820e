import { normalizePhone } from '../../common/phone/phone';
import { DDDS, EMAIL_DOMAINS, FEMALE_NAMES, MALE_NAMES, SURNAMES } from './catalog';
import type { Random } from './random';

export interface DemoPerson {
  name: string;
  email: string | null;
  phone: { e164: string; key: string };
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.');
}

/**
 * Lead identities of one organization: Brazilian names, a mobile phone (always) and an email (about a third),
 * both unique within the organization, as the leads' unique indexes require.
 */
export class PersonFactory {
  private readonly phoneKeys = new Set<string>();
  private readonly emails = new Set<string>();

  constructor(private readonly random: Random) {}

  next(): DemoPerson {
    const { random } = this;
    const first = random.chance(0.5) ? random.pick(FEMALE_NAMES) : random.pick(MALE_NAMES);
    const last = random.pick(SURNAMES);
    const name = random.chance(0.35) ? `${first} ${random.pick(SURNAMES)} ${last}` : `${first} ${last}`;
    let email: string | null = null;
    if (random.chance(0.35)) {
      const base = `${slug(first)}.${slug(last)}`;
      email = `${base}@${random.pick(EMAIL_DOMAINS)}`;
      while (this.emails.has(email)) email = `${base}${random.int(1, 999)}@${random.pick(EMAIL_DOMAINS)}`;
      this.emails.add(email);
    }
    return { name, email, phone: this.newPhone() };
  }

  private newPhone(): { e164: string; key: string } {
    for (;;) {
      const phone = normalizePhone(`+55${this.random.pick(DDDS)}9${this.random.int(6, 9)}${this.random.digits(7)}`);
      if (phone && !this.phoneKeys.has(phone.key)) {
        this.phoneKeys.add(phone.key);
        return phone;
      }
    }
  }
}
