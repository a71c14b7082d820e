// Provider-shaped webhook bodies. The spec types them as any object, so valid ones come from here: a Cloud API
// message (signed at send time, so a mutated body still passes the signature and reaches storage and the worker)
// and an Evolution messages.upsert.

export function cloudMessageBody(ctx) {
  const { rng } = ctx;
  const waId = `55119${rng.digits(8)}`;
  const type = rng.pick(['text', 'text', 'image', 'location', 'interactive', 'reaction', 'button', 'contacts']);
  const message = {
    from: waId,
    id: `wamid.fuzz.${ctx.unique()}`,
    timestamp: String(1767268800 + rng.int(0, 9e6)),
    type,
  };
  if (type === 'text') message.text = { body: `Olá ${rng.hex(4)}` };
  if (type === 'image') message.image = { caption: 'foto', mime_type: 'image/jpeg', id: rng.digits(10) };
  if (type === 'location') message.location = { latitude: -23.5, longitude: -46.6, name: 'Loja' };
  if (type === 'interactive') message.interactive = { type: 'button_reply', button_reply: { id: 'b1', title: 'Sim' } };
  if (type === 'reaction') message.reaction = { message_id: 'wamid.x', emoji: '👍' };
  if (type === 'button') message.button = { text: 'Quero', payload: 'p' };
  if (type === 'contacts') message.contacts = [{ name: { formatted_name: 'Ana' }, phones: [{ phone: '+5511' }] }];
  if (rng.chance(0.3)) {
    message.referral = {
      source_url: 'https://fb.me/abc',
      source_id: rng.digits(15),
      source_type: 'ad',
      headline: 'Promo',
      ctwa_clid: `ARA${rng.hex(20)}`,
    };
  }
  const value = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '5511940001234', phone_number_id: ctx.cloudPhoneNumberId },
    contacts: [{ profile: { name: `Lead ${rng.hex(3)}` }, wa_id: waId }],
    messages: [message],
  };
  if (rng.chance(0.2)) value.statuses = [{ id: 'wamid.fuzz.1', status: 'read', timestamp: '1767268800' }];
  return { object: 'whatsapp_business_account', entry: [{ id: 'WABA', changes: [{ field: 'messages', value }] }] };
}

const CLOUD = ['entry', 0, 'changes', 0, 'value'];
export const CLOUD_FIELDS = [
  ['object'],
  ['entry'],
  ['entry', 0, 'changes'],
  [...CLOUD.slice(0, 4), 'field'],
  CLOUD,
  [...CLOUD, 'metadata'],
  [...CLOUD, 'metadata', 'phone_number_id'],
  [...CLOUD, 'contacts'],
  [...CLOUD, 'contacts', 0, 'wa_id'],
  [...CLOUD, 'contacts', 0, 'profile', 'name'],
  [...CLOUD, 'messages'],
  [...CLOUD, 'messages', 0],
  [...CLOUD, 'messages', 0, 'from'],
  [...CLOUD, 'messages', 0, 'id'],
  [...CLOUD, 'messages', 0, 'timestamp'],
  [...CLOUD, 'messages', 0, 'type'],
  [...CLOUD, 'messages', 0, 'text'],
  [...CLOUD, 'messages', 0, 'text', 'body'],
  [...CLOUD, 'messages', 0, 'referral'],
  [...CLOUD, 'messages', 0, 'referral', 'ctwa_clid'],
  [...CLOUD, 'messages', 0, 'referral', 'source_url'],
  [...CLOUD, 'messages', 0, 'referral', 'headline'],
  [...CLOUD, 'statuses'],
];

export function evolutionMessageBody(ctx) {
  const { rng } = ctx;
  const phone = `55119${rng.digits(8)}`;
  const fromMe = rng.chance(0.2);
  const data = {
    key: { remoteJid: `${phone}@s.whatsapp.net`, fromMe, id: `3EB0${rng.hex(16).toUpperCase()}` },
    pushName: `Lead ${rng.hex(3)}`,
    message: rng.chance(0.5) ? { conversation: `Oi ${rng.hex(4)}` } : { extendedTextMessage: { text: 'Quero saber' } },
    messageType: rng.chance(0.5) ? 'conversation' : undefined,
    messageTimestamp: 1767268800 + rng.int(0, 9e6),
  };
  if (rng.chance(0.3)) {
    data.contextInfo = {
      externalAdReply: {
        ctwaClid: `ARA${rng.hex(20)}`,
        sourceId: rng.digits(15),
        sourceUrl: 'https://fb.me/x',
        title: 'Ad',
      },
    };
  }
  return { event: rng.pick(['messages.upsert', 'MESSAGES_UPSERT']), instance: 'fuzz-evo', data };
}

export const EVOLUTION_FIELDS = [
  ['event'],
  ['data'],
  ['data', 'key'],
  ['data', 'key', 'remoteJid'],
  ['data', 'key', 'remoteJidAlt'],
  ['data', 'key', 'id'],
  ['data', 'key', 'fromMe'],
  ['data', 'pushName'],
  ['data', 'message'],
  ['data', 'message', 'conversation'],
  ['data', 'messageType'],
  ['data', 'messageTimestamp'],
  ['data', 'contextInfo', 'externalAdReply', 'ctwaClid'],
  ['data', 'contextInfo', 'externalAdReply', 'sourceUrl'],
];
