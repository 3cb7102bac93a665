import { en, type MessageKey, type Messages } from './en.js';

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Fills `{name}` placeholders of a catalogue template. A placeholder without a value stays
 * visible as `{name}` so a missing parameter shows up in the UI instead of silently vanishing.
 */
export function formatMessage(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

let catalogue: Messages = en;

/** Switches the catalogue (one per language); English is the default and the fallback. */
export function setCatalogue(messages: Messages): void {
  catalogue = messages;
}

/** The text of a message in the current language with its parameters filled in. */
export function t(key: MessageKey, params?: MessageParams): string {
  return formatMessage(catalogue[key] ?? en[key], params);
}
