/**
 * The English templates of the app's own messages around an error raised by a library, the
 * worker or the browser (its text, English, is the value `{error}`): part of THE catalogue in
 * messages.ts. Chinese says what failed without quoting the English (web/i18n/problems-app-zh.ts).
 */
export const APP_MESSAGES = {
  app_layer_unreadable: 'left out: {error}',
  app_import_failed: '{error}',
} as const satisfies Record<string, string>;
