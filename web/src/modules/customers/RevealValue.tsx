import { MaskedValue } from '../../components/MaskedValue';
import { useCan } from '../auth/hooks';
import { type RevealField, useReveal } from './hooks';

interface Props {
  customerId: number;
  field: RevealField;
  contactId?: number;
  masked: string | null | undefined;
  label: string;
}

/** A customer's or contact's masked phone / bank account, revealable by holders of customers.reveal. */
export function RevealValue({ customerId, field, contactId, masked, label }: Props) {
  const can = useCan();
  const reveal = useReveal(customerId);
  return (
    <MaskedValue
      masked={masked}
      label={label}
      canReveal={can('customers.reveal')}
      pending={reveal.isPending}
      reveal={async () => (await reveal.mutateAsync({ field, contactId }))?.value}
    />
  );
}
