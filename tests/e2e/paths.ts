import { fileURLToPath } from 'node:url';

export const ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
