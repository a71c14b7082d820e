import type { AuthContext } from '../../common/auth/auth-context';
import type { Actor } from './ticket-events.repository';

export { type Actor, jsonOrNull } from './ticket-events.repository';

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'WhaTrack' };

export function actorOf(auth: AuthContext): Actor {
  return auth.principal === 'user'
    ? { type: 'user', id: auth.userId, name: auth.actorName }
    : { type: 'api_key', id: auth.apiKeyId, name: auth.actorName };
}
