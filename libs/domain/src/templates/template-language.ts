/** The languages a template (canned response) can be written in; the agent panel speaks the same two. */
export const TEMPLATE_LANGUAGES = ['pl', 'en'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];
