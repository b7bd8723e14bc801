/**
 * Answers remembered per dashboard origin and session token (who may see billing, which
 * tenants a person has): a new sign-in never reads the last person's, and a sign-out forgets
 * everything of that origin at once.
 */
export class PerSession<V> {
  readonly #values = new Map<string, V>();

  #key(origin: string, token: string): string {
    return `${origin}\n${token}`;
  }

  get(origin: string, token: string): V | undefined {
    return this.#values.get(this.#key(origin, token));
  }

  set(origin: string, token: string, value: V): void {
    this.#values.set(this.#key(origin, token), value);
  }

  /** Drops the value, only if it is still `value` (a newer one may have replaced it). */
  deleteIf(origin: string, token: string, value: V): void {
    if (this.get(origin, token) === value) this.#values.delete(this.#key(origin, token));
  }

  forget(origin: string): void {
    for (const key of this.#values.keys()) if (key.startsWith(`${origin}\n`)) this.#values.delete(key);
  }
}
