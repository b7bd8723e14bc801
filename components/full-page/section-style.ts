/** Classes the full page's sections share, so every section title and card looks the same. */

export const SECTION_TITLE = 'text-base font-semibold text-gray-800 dark:text-gray-100 mb-3';

export const SECTION_CARD = 'bg-white dark:bg-gray-900/40 rounded-lg border border-gray-200 dark:border-gray-700 p-4 print:border-0 print:p-0';
