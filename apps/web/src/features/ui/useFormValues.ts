import { useCallback, useState, type ChangeEvent } from 'react';

type FieldElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Controlled values of a form, updated by the `name` of the field that changed (checkboxes give 'true'/'false'). */
export function useFormValues<Values extends Record<string, string>>(initial: Values) {
  const [values, setValues] = useState(initial);
  const onChange = useCallback((event: ChangeEvent<FieldElement>) => {
    const field = event.currentTarget;
    const value = field instanceof HTMLInputElement && field.type === 'checkbox' ? String(field.checked) : field.value;
    setValues((previous) => ({ ...previous, [field.name]: value }));
  }, []);
  const reset = useCallback((next?: Values) => setValues(next ?? initial), [initial]);
  return { values, setValues, onChange, reset };
}
