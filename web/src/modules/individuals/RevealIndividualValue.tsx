import { MaskedValue } from '../../components/MaskedValue';
import { useCan } from '../auth/hooks';
import { type IndividualRevealField, useRevealIndividual } from './hooks';

interface Props {
  individualId: number;
  field: IndividualRevealField;
  masked: string | null | undefined;
  label: string;
}

/** A guest's masked mobile / ID number, revealable by holders of customers.reveal (audit-logged by the server). */
export function RevealIndividualValue({ individualId, field, masked, label }: Props) {
  const can = useCan();
  const reveal = useRevealIndividual(individualId);
  return (
    <MaskedValue
      masked={masked}
      label={label}
      canReveal={can('customers.reveal')}
      pending={reveal.isPending}
      reveal={async () => (await reveal.mutateAsync(field))?.value}
    />
  );
}
