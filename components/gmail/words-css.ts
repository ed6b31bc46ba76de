/**
 * The CSS each root that shows words needs (./Words.tsx says why words are drawn, not text). Its
 * own file, without JSX: chips and row chips draw words without Preact, and importing it from
 * Words.tsx would bring Preact's JSX runtime into the content script every Gmail tab loads.
 */
export const WORDS_CSS = '[data-words]::after{content:attr(data-words)}';
