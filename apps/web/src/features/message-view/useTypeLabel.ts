import { useTranslation } from 'react-i18next';

const KNOWN = new Set([
  'text',
  'image',
  'audio',
  'voice',
  'video',
  'document',
  'sticker',
  'location',
  'contacts',
  'interactive',
  'button',
  'order',
  'system',
  'unsupported',
  'template',
]);

/** The name of a message type for people ("Imagem", "Localização"); an unknown one is just "Mensagem". */
export function useTypeLabel(): (type: string | null | undefined) => string {
  const { t } = useTranslation();
  return (type) => t(`chatMessage.types.${type && KNOWN.has(type) ? type : 'other'}` as 'chatMessage.types.other');
}
