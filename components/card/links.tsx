import type { ComponentChildren } from 'preact';
import type { OutletRef } from '../../lib/card/entity-card';

/** A link out of the page: https only (the dataset schema checks it; checked again here), in a new tab, without referrer or opener. */
export function ExternalLink({ href, children }: { href: string; children: ComponentChildren }) {
  if (!isHttpsUrl(href)) return <>{children}</>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

export function outletNames(outlets: readonly OutletRef[]): string {
  return outlets.map((outlet) => outlet.name).join(', ');
}
