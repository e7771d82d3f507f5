import type { ServiceModule } from './service-module.js';

/**
 * `<module>.notifications.ts`: the messages the module sends when its items change: which event
 * notifies whom, and the text of each message.
 *
 * @param module - the module
 * @example
 * write(`src/${module.name}/${module.name}.notifications.ts`, notificationsFile(module));
 */
export function notificationsFile(module: ServiceModule): string {
  const { pascal: type, camel } = module;
  const label = module.name.replaceAll('-', ' ');
  return `import { format } from '../lib/money.js';
import type { ${type}, ${type}Status } from './${module.name}.model.js';

export type Channel = 'email' | 'sms' | 'webhook';
export type Locale = 'en' | 'de' | 'fr';

export interface OutgoingMessage {
  channel: Channel;
  to: string;
  subject: string;
  body: string;
}

export interface Recipient {
  email: string | null;
  phone: string | null;
  webhookUrl: string | null;
  locale: Locale;
  optedOut: readonly Channel[];
}

const SUBJECTS: Record<Locale, Record<${type}Status, string>> = {
  en: { draft: 'Draft saved', pending: 'Received', active: 'In progress', completed: 'Completed', cancelled: 'Cancelled', failed: 'Needs attention' },
  de: { draft: 'Entwurf gespeichert', pending: 'Eingegangen', active: 'In Bearbeitung', completed: 'Abgeschlossen', cancelled: 'Storniert', failed: 'Aktion erforderlich' },
  fr: { draft: 'Brouillon enregistré', pending: 'Reçu', active: 'En cours', completed: 'Terminé', cancelled: 'Annulé', failed: 'Action requise' },
};

/** Statuses worth telling people about; drafts and intermediate steps are not. */
const NOTIFIED: ReadonlySet<${type}Status> = new Set(['pending', 'completed', 'cancelled', 'failed']);

export function should${type}Notify(from: ${type}Status, to: ${type}Status): boolean {
  return from !== to && NOTIFIED.has(to);
}

export function ${camel}Subject(${camel}: Pick<${type}, 'reference' | 'status'>, locale: Locale): string {
  return \`${label} \${${camel}.reference}: \${SUBJECTS[locale][${camel}.status]}\`;
}

export function ${camel}Body(${camel}: Pick<${type}, 'reference' | 'status' | 'amount' | 'dueAt'>, locale: Locale): string {
  const lines = [
    ${camel}Subject(${camel}, locale),
    '',
    \`Amount: \${format(${camel}.amount)}\`,
    \`Reference: \${${camel}.reference}\`,
  ];
  if (${camel}.dueAt !== null) lines.push(\`Due: \${${camel}.dueAt.toISOString().slice(0, 10)}\`);
  if (${camel}.status === 'failed') lines.push('', 'We could not process it. Please check the details and try again.');
  return lines.join('\\n');
}

export function ${camel}Notifications(${camel}: Pick<${type}, 'reference' | 'status' | 'amount' | 'dueAt'>, recipient: Recipient): OutgoingMessage[] {
  const subject = ${camel}Subject(${camel}, recipient.locale);
  const body = ${camel}Body(${camel}, recipient.locale);
  const notifications: OutgoingMessage[] = [];
  if (recipient.email !== null && !recipient.optedOut.includes('email')) notifications.push({ channel: 'email', to: recipient.email, subject, body });
  if (recipient.phone !== null && !recipient.optedOut.includes('sms') && ${camel}.status === 'failed') {
    notifications.push({ channel: 'sms', to: recipient.phone, subject, body: subject });
  }
  if (recipient.webhookUrl !== null && !recipient.optedOut.includes('webhook')) {
    notifications.push({ channel: 'webhook', to: recipient.webhookUrl, subject, body: JSON.stringify({ type: '${module.name}.' + ${camel}.status, reference: ${camel}.reference }) });
  }
  return notifications;
}

export function dedupe${type}Notifications(notifications: readonly OutgoingMessage[]): OutgoingMessage[] {
  const seen = new Set<string>();
  return notifications.filter((notification) => {
    const key = \`\${notification.channel}:\${notification.to}:\${notification.subject}\`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
`;
}
