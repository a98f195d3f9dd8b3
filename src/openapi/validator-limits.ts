// The limits class-validator enforces on request bodies, written into their OpenAPI schemas, so the
// document shows exactly what the ValidationPipe accepts (maxLength, pattern, minimum, enum, ...).
import type { SchemaObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

type Constraints = unknown[];
/** The part of class-validator's metadata of one decorator read here. */
interface ValidationMetadata {
  name?: string;
  propertyName: string;
  constraints?: Constraints;
  each?: boolean;
}

/** What one validator says about a value, as JSON Schema keywords. */
const KEYWORDS: Record<string, (c: Constraints) => SchemaObject> = {
  maxLength: ([max]) => ({ maxLength: max as number }),
  minLength: ([min]) => ({ minLength: min as number }),
  isLength: ([min, max]) => ({ minLength: min as number, ...(max !== undefined ? { maxLength: max as number } : {}) }),
  isNotEmpty: () => ({ minLength: 1 }),
  matches: ([pattern]) => ({ pattern: (pattern as RegExp).source }),
  min: ([min]) => ({ minimum: min as number }),
  max: ([max]) => ({ maximum: max as number }),
  isInt: () => ({ type: 'integer', format: 'int32' }),
  isIn: ([values]) => ({ enum: [...(values as unknown[])] }),
  isEmail: () => ({ format: 'email' }),
  isUUID: () => ({ format: 'uuid' }),
};
const ARRAY_KEYWORDS: Record<string, (c: Constraints) => SchemaObject> = {
  arrayMaxSize: ([max]) => ({ maxItems: max as number }),
  arrayMinSize: ([min]) => ({ minItems: min as number }),
};

/** The class-validator metadata of every validated class, by class name (DTO names are unique: they name schemas). */
function validatedClasses(): Map<string, ValidationMetadata[]> {
  // class-validator keeps one registry of every decorated class; it has no public way to list them.
  const storage = getMetadataStorage();
  const registry = (storage as unknown as { validationMetadatas: Map<Function, unknown> }).validationMetadatas;
  // With what each class inherits (a subclass schema repeats its parent's properties).
  return new Map([...registry.keys()].map((target) => [target.name, storage.getTargetValidationMetadatas(target, '', true, false) as ValidationMetadata[]]));
}

/** Adds each validated property's limits to its schema (a `$ref` or nested object is left alone; strings only get string keywords). */
export function addValidatorLimits(schemas: Record<string, SchemaObject | { $ref: string }>): void {
  const classes = validatedClasses();
  for (const [name, schema] of Object.entries(schemas)) {
    const metadata = classes.get(name);
    const properties = (schema as SchemaObject).properties as Record<string, SchemaObject> | undefined;
    if (!metadata || !properties) continue;
    for (const { name: validator, propertyName, constraints, each } of metadata) {
      const property = properties[propertyName];
      if (!property || '$ref' in property || !validator) continue;
      const arrayKeyword = ARRAY_KEYWORDS[validator];
      if (arrayKeyword) Object.assign(property, arrayKeyword(constraints ?? []));
      const keyword = KEYWORDS[validator];
      if (!keyword) continue;
      const target = each && property.type === 'array' && property.items && !('$ref' in property.items) ? (property.items as SchemaObject) : property;
      const limits = keyword(constraints ?? []);
      // Length and pattern keywords describe strings; a property of another type keeps its own.
      if (target.type !== undefined && target.type !== 'string' && ('minLength' in limits || 'maxLength' in limits || 'pattern' in limits)) continue;
      if (limits.enum && target.enum) continue;
      Object.assign(target, limits);
    }
  }
}
