/**
 * Who declared each name in a registry (capabilities, record types, settings, messages). The same owner
 * may declare again (several apps in one process); another owner may not take the name.
 */
export function createOwnership(kind: string, initial: Iterable<string> = [], initialOwner = 'platform') {
  const owners = new Map<string, string>([...initial].map((name) => [name, initialOwner]));
  return {
    /** Records `owner` for `name`; true when the name is new. */
    claim(name: string, owner: string): boolean {
      const existing = owners.get(name);
      if (existing && existing !== owner) throw new Error(`${kind} ${name} of ${owner} is already declared by ${existing}`);
      owners.set(name, owner);
      return !existing;
    },
    has: (name: string) => owners.has(name),
    names: () => [...owners.keys()],
  };
}
