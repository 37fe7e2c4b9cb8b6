import type { ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

interface FormFieldProps {
  id: string;
  label: string;
  hint?: string;
  /** Messages already worded; shown under the control and announced with it. */
  problems?: readonly string[];
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled control with its hint and its problems, tied to it so that screen readers read them together. */
export function FormField({ id, label, hint, problems = [], children }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const problemId = problems.length > 0 ? `${id}-problem` : undefined;
  const describedBy = [problemId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${problems.length > 0 ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': problems.length > 0 || undefined, 'aria-describedby': describedBy })}
      {problemId && (
        <p id={problemId} className="field-problem">
          {problems.join(' ')}
        </p>
      )}
      {hint && (
        <p id={hintId} className="field-hint muted small">
          {hint}
        </p>
      )}
    </div>
  );
}
