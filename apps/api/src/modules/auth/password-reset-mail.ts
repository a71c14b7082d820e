import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import type { OutgoingMail } from '../../common/mail/mailer';
import type { UserRow } from '../users/users.repository';

/** The reset e-mail, in the product's language. */
export function passwordResetMail(user: Pick<UserRow, 'name' | 'email'>, url: string, expiresAt: Date): OutgoingMail {
  return {
    to: user.email,
    subject: 'Redefinição de senha do WhaTrack',
    text: [
      `Olá, ${user.name}.`,
      '',
      'Foi gerado um link para você definir uma nova senha no WhaTrack:',
      url,
      '',
      `O link funciona uma única vez, até ${format(expiresAt, 'dd/MM/yyyy HH:mm', { in: tz('America/Sao_Paulo') })} (horário de Brasília).`,
      'Se você não pediu a redefinição, ignore este e-mail e avise o responsável pela sua conta.',
    ].join('\n'),
  };
}
