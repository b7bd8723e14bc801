/**
 * The cookie store each of our full pages speaks for, by tab id: the store of the dashboard tab
 * (or the popup over it) that opened it, so "Abrir painel completo" from a container's modal
 * shows that container's person (lib/background/page-stores.ts). Only stores other than the
 * normal one are kept; in storage.session, as tab ids mean nothing once the browser closes.
 */
import { z } from 'zod/mini';
import { defineStoredItem } from '@/lib/storage/stored-item';

export const pageStoresItem = defineStoredItem('session:pageStores', {
  schema: z.record(z.string(), z.string()),
  fallback: {},
});
