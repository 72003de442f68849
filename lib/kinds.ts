const KIND_LABELS: Record<string, string> = {
  country: 'Country',
  person: 'Person',
  organization: 'Organisation',
  deal: 'Deal',
};

/** Human label for an entity kind; kinds a dataset invents are shown capitalised. */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1);
}
