import { fireEvent, screen } from '@testing-library/react';

/** Types `value` into the input or textarea of the form field with `testId` (components/Field), as a person would. */
export function typeInto(testId: string, value: string): void {
  const field = screen.getByTestId(testId).querySelector('input, textarea');
  if (!field) throw new Error(`no input or textarea under ${testId}`);
  fireEvent.change(field, { target: { value } });
}
