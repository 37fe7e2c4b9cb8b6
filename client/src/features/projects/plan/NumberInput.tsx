import { useState } from 'react';

interface NumberInputProps {
  label: string;
  value: number;
  disabled?: boolean;
  onCommit(value: number): void;
}

/**
 * A number bound to the document: while the reader types, what they typed is kept as it is (an emptied field is
 * not written as 0) and each valid number is written at once; out of the field, it shows the document's value.
 */
export function NumberInput({ label, value, disabled, onCommit }: NumberInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      type="number"
      inputMode="decimal"
      step="any"
      aria-label={label}
      disabled={disabled}
      value={draft ?? String(value)}
      onFocus={() => setDraft(String(value))}
      onBlur={() => setDraft(null)}
      onChange={(event) => {
        setDraft(event.target.value);
        const number = event.target.valueAsNumber;
        if (Number.isFinite(number)) onCommit(number);
      }}
    />
  );
}
