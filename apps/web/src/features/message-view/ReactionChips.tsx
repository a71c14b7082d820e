import type { Message } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';

/** The reactions to a message (the lead's and the business's), as small emoji chips under it. */
export function ReactionChips({ reactions }: { reactions: Message['reactions'] }) {
  const { t } = useTranslation();
  if (reactions.length === 0) return null;
  return (
    <ul className="chat-reactions" aria-label={t('chatMessage.reactions')}>
      {reactions.map((reaction) => (
        <li
          key={`${reaction.direction}-${reaction.emoji}`}
          className="chat-reaction"
          title={t(`chatMessage.reactionBy.${reaction.direction}`, { emoji: reaction.emoji })}
        >
          <span aria-hidden="true">{reaction.emoji}</span>
          <span className="visually-hidden">
            {t(`chatMessage.reactionBy.${reaction.direction}`, { emoji: reaction.emoji })}
          </span>
        </li>
      ))}
    </ul>
  );
}
