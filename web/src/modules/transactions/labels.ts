import type { TFunction } from 'i18next';
import type { AmountClass, ReturnKind } from '../../api/contract/transactions';

export const RETURN_KINDS: ReturnKind[] = ['return', 'refund', 'discount'];
export const CLASS_COLOR: Record<AmountClass, string> = { large: 'gold', medium: 'blue', small: 'default' };

/** ¥1,234,000.00 */
export function formatYuan(v: number): string {
  return `${v < 0 ? '-' : ''}¥${Math.abs(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export const classLabel = (t: TFunction, c: AmountClass | null) => (c ? t(`transactions.class.${c}`) : t('transactions.class.none'));
export const kindLabel = (t: TFunction, k: ReturnKind) => t(`transactions.returns.kinds.${k}`);
