// The form kit: widgets, API errors on fields, Italian numbers, and the versioned save with its conflict dialog.
export { DateInput, Field, NumberInput, SelectInput, TextArea, TextInput, type ControlProps, type FieldProps, type SelectOption } from './fields.js';
export { errorField, isStale, splitApiError, type ApiError } from './api-errors.js';
export { numberProblem, numberText, readNumber, type NumberRule } from './number.js';
export {
  rebase,
  rereadQuery,
  useVersionedSave,
  type Pending,
  type Problem,
  type Read,
  type Reread,
  type SaveAnswer,
  type SaveResult,
  type SaveStatus,
  type VersionedSave,
  type VersionedSaveOptions,
} from './use-versioned-save.js';
