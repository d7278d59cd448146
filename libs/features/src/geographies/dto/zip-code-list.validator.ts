import { MAX_GEOGRAPHY_ZIPS } from '@lbi/contracts';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { tooManyZips } from '../zip-codes';

/** What is wrong with a `zip_codes` value, in one sentence, or null when its shape is right. */
export function zipCodeListProblem(value: unknown): string | null {
  if (value === undefined || value === null) {
    return 'zip_codes is missing: send the ZIP codes as an array of 5-digit strings, e.g. ["19002", "19034"]';
  }
  if (!Array.isArray(value)) {
    return 'zip_codes must be an array of ZIP code strings, e.g. ["19002", "19034"]';
  }
  if (value.length === 0) return 'zip_codes must list at least one ZIP code, e.g. ["19002"]';
  if (value.length > MAX_GEOGRAPHY_ZIPS) return tooManyZips(value.length);
  return null;
}

/**
 * The shape of `zip_codes` (each entry is checked later, against the crosswalk): one message that
 * says what is wrong, never a list of every rule the value does not meet.
 */
export function IsZipCodeList(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isZipCodeList',
      validator: {
        validate: (value: unknown) => zipCodeListProblem(value) === null,
        defaultMessage: (args) => zipCodeListProblem(args?.value) ?? 'zip_codes is not valid',
      },
    },
    options,
  );
}
