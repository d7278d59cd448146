import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { findPii } from '@lbi/pii';
import { getMetadataStorage } from 'class-validator';

/** No request of the API nests deeper than a few levels; class-transformer recurses once per level. */
export const MAX_INPUT_DEPTH = 32;

/** A field name that may be repeated in an error message: an identifier, not free text. */
const NAMEABLE_FIELD = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/**
 * The global ValidationPipe (whitelist, unknown fields refused, transform), with one change: an
 * unknown field is named only when its name is an identifier that holds no PII. GET queries are not
 * PII-checked (only writes are), so `?jane.doe@example.com=1` used to come back as "property
 * jane.doe@example.com should not exist"; such a name is now left out and the accepted fields listed.
 * And input nested deeper than MAX_INPUT_DEPTH is refused before class-transformer walks it: 10,000
 * nested arrays overflowed its recursion (a RangeError, answered 500).
 */
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    // The target (the DTO instance) names the accepted fields; values are never kept in the errors.
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: true, value: false },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only what the client sent as data: other parameters (files, custom decorators) are not walked.
    const isInput = metadata.type === 'body' || metadata.type === 'query';
    if (isInput && nestedDeeperThan(value, MAX_INPUT_DEPTH)) {
      throw new BadRequestException(
        `The request ${metadata.type === 'body' ? 'body' : 'query'} is nested more than ${MAX_INPUT_DEPTH} levels deep; send the flat fields the API documentation lists.`,
      );
    }
    return super.transform(value, metadata);
  }

  protected override flattenValidationErrors(errors: ValidationError[]): string[] {
    return super.flattenValidationErrors(errors.map(withoutUnsafeFieldNames));
  }
}

function withoutUnsafeFieldNames(error: ValidationError): ValidationError {
  const children = error.children?.map(withoutUnsafeFieldNames);
  const unknown = error.constraints?.whitelistValidation;
  if (unknown === undefined || isNameable(error.property)) return { ...error, children };
  return {
    ...error,
    children,
    constraints: { ...error.constraints, whitelistValidation: unknownFieldMessage(error.target) },
  };
}

function isNameable(field: string): boolean {
  return NAMEABLE_FIELD.test(field) && findPii(field).length === 0;
}

function unknownFieldMessage(target: object | undefined): string {
  const accepted = target
    ? [
        ...new Set(
          getMetadataStorage()
            .getTargetValidationMetadatas(target.constructor, '', true, false)
            .map((metadata) => metadata.propertyName),
        ),
      ]
    : [];
  return (
    'a field this request does not take was sent (its name is not repeated here)' +
    (accepted.length > 0 ? `; it takes only: ${accepted.join(', ')}` : '')
  );
}

/** Iterative (an explicit stack), so the check itself cannot overflow the call stack. */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}
