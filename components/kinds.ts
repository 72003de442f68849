import { kindLabel } from '../lib/kinds';
import { t } from './i18n';

/** An entity kind's name, singular, in the UI language; a kind the dataset invents is shown as it spells it, capitalised. */
export function kindName(kind: string): string {
  switch (kind) {
    case 'country':
      return t('common.kind.country');
    case 'person':
      return t('common.kind.person');
    case 'organization':
      return t('common.kind.organization');
    case 'deal':
      return t('common.kind.deal');
    case 'law':
      return t('common.kind.law');
    default:
      return kindLabel(kind);
  }
}
