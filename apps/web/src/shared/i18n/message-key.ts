import type { MessageSchema } from './pl';

type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every translation key there is, e.g. 'login.errors.invalidCredentials'. */
export type MessageKey = KeysOf<MessageSchema>;
