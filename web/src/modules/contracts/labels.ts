import type { TFunction } from 'i18next';
import type { ContractStatus, Currency } from '../../api/contract/contracts';
import { currentLang } from '../../i18n';

export const CONTRACT_STATUSES: ContractStatus[] = ['draft', 'pending', 'effective', 'expired', 'terminated'];
export const CURRENCIES: Currency[] = ['CNY', 'USD', 'EUR', 'HKD'];

export const STATUS_COLOR: Record<ContractStatus, string> = {
  draft: 'default',
  pending: 'processing',
  effective: 'success',
  expired: 'warning',
  terminated: 'error',
};

export function statusLabel(t: TFunction, status: string): string {
  return t(`contracts.statuses.${status}`, { defaultValue: status });
}

export function currencyLabel(t: TFunction, currency: string): string {
  return t(`contracts.currencies.${currency}`, { defaultValue: currency });
}

/** ¥300,000.00 / US$12,000.50: always two decimals, the currency's sign in the interface language. */
export function formatAmount(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(currentLang(), { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
  } catch {
    return `${currency} ${amount.toFixed(2)}`;
  }
}

/** What a contract or booking books (docs/regulations.md §13). */
export const BUSINESS_TYPES = ['hotel_group', 'production'] as const;
