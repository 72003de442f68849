/**
 * A kind's name for display when nothing better is known: a kind a dataset
 * invents ("law", "court-case") is shown as the dataset spells it,
 * capitalised, with hyphens as spaces. Kinds Crossread knows have translated
 * names (components/kinds.ts).
 */
export function kindLabel(kind: string): string {
  const words = kind.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
