/**
 * The history note the server writes for each project it loads from data/ on its first start.
 * The API stores and returns it as it is (a note is free text, SERVER.md); this exact English is
 * also the stable marker the app recognises to show the note in its own language.
 */
export const SEED_HISTORY_NOTE = 'loaded from data/initiatives.csv on the first start';
