/** The wa.me link that opens a chat with the phone (digits only, country code included), or null without digits. */
export function whatsappLink(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits ? `https://wa.me/${digits}` : null;
}
