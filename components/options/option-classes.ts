/** The options page's layout, shared by its sections: the space after each, and its label (or heading). */
export const SECTION_CLASS = 'mb-8';
export const LABEL_CLASS = 'font-semibold block';
