// Texts the API sends to people: chosen by key from the catalogs (id.ts, en.ts) in the caller's language.
// Code speaks in Message objects (key + parameters); only the edge (exception filter, views) renders them.
import { EN } from './catalogs/en.js';
import { ID } from './catalogs/id.js';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type MessageKey = keyof typeof ID;

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { id: ID, en: EN };

/** A parameter is a value shown as is, or another message rendered in the same language. */
export type MessageParam = string | number | Message;

/** A text to render later, in whichever language the caller reads. */
export class Message {
  constructor(
    readonly key: MessageKey,
    readonly params: Readonly<Record<string, MessageParam>> = {},
  ) {}

  /** English, for logs and Error.message: what operators read. */
  toString(): string {
    return render(this, 'en');
  }
}

export const message = (key: MessageKey, params?: Record<string, MessageParam>): Message => new Message(key, params);

export const isMessageKey = (value: unknown): value is MessageKey => typeof value === 'string' && Object.hasOwn(ID, value);

/** `{name}` placeholders of a catalog text, in order of appearance. */
export const placeholdersOf = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

/** The text in `locale`, placeholders filled; a plain string (a reporter's own words) passes unchanged. */
export function render(text: Message | string, locale: Locale): string {
  if (typeof text === 'string') return text;
  return CATALOGS[locale][text.key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = text.params[name];
    if (value === undefined) return whole;
    return value instanceof Message ? render(value, locale) : String(value);
  });
}
