// class-validator's findings as catalog messages: one per broken rule, naming the field by its full
// path exactly once (Nest's own flattening prefixed the parent again to messages already holding it).
import { getMetadataStorage, type ValidationError } from 'class-validator';
import { RequestValidationError } from '../common/domain-errors.js';
import { isMessageKey, message, type Message, type MessageKey, type MessageParam } from './messages.js';

/** The catalog's names for a rule's arguments (`@MaxLength(200)` → {max}); other rules take none. */
export const RULE_PARAMS: Record<string, string[]> = {
  maxLength: ['max'],
  minLength: ['min'],
  isLength: ['min', 'max'],
  min: ['min'],
  max: ['max'],
  isIn: ['values'],
  arrayMaxSize: ['max'],
  arrayMinSize: ['min'],
  isNotInFuture: ['minutes'],
};

/** A field the DTO does not have (forbidNonWhitelisted): named, whatever its value. */
const UNKNOWN_FIELD = 'whitelistValidation';

/**
 * A DTO's own wording of a rule, instead of the rule kind's: `@Matches(PHONE, worded('validation.phone'))`.
 * `params` fill the text's placeholders beyond {field} and the rule's arguments.
 */
export const worded = (key: MessageKey, params?: Record<string, string>): { message: string; context?: Record<string, string> } => ({
  message: key,
  ...(params ? { context: params } : {}),
});

/** ValidationPipe's exceptionFactory: a 400 the exception filter renders in the caller's language. */
export function validationFailed(errors: ValidationError[]): RequestValidationError {
  return new RequestValidationError(validationMessages(errors));
}

export function validationMessages(errors: ValidationError[], parent = ''): Message[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    return [...messagesOf(error, field), ...validationMessages(error.children ?? [], field)];
  });
}

function messagesOf(error: ValidationError, field: string): Message[] {
  const rules = Object.keys(error.constraints ?? {});
  if (rules.length === 0) return [];
  if (rules.includes(UNKNOWN_FIELD)) return [message('validation.unknownField', { field })];
  const worded = rules.filter((rule) => isMessageKey(error.constraints![rule]));
  // A missing value breaks every rule of its field at once: one sentence says so (the DTO's, if it words one).
  if (error.value === undefined && worded.length === 0) return [message('validation.required', { field })];
  const texts = (error.value === undefined ? worded : rules).map((rule) => {
    const params = { ...ruleParams(error, rule), ...(error.contexts?.[rule] as Record<string, MessageParam> | undefined), field };
    const own = error.constraints![rule];
    if (isMessageKey(own)) return message(own, params);
    const kind = `validation.${rule}`;
    return isMessageKey(kind) ? message(kind, params) : message('validation.invalid', params);
  });
  // A DTO may word several rules of a field with one text (e.g. "is required: one of …"): say it once.
  return texts.filter((text, i) => texts.findIndex((other) => other.key === text.key) === i);
}

/** The rule's arguments, from the DTO class's validation metadata (errors carry only their messages). */
function ruleParams(error: ValidationError, rule: string): Record<string, MessageParam> {
  const names = RULE_PARAMS[rule];
  const target = error.target as object | undefined;
  if (!names || !target) return {};
  const rules = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  const found = rules.find((m) => m.propertyName === error.property && (m.name ?? m.type) === rule);
  const args: unknown[] = found?.constraints ?? [];
  return Object.fromEntries(names.map((name, i) => [name, shown(args[i])]));
}

/** A rule argument as the text shows it: limits as numbers, allowed values as a list. */
function shown(arg: unknown): string {
  if (Array.isArray(arg)) return arg.map(shown).join(', ');
  return typeof arg === 'string' || typeof arg === 'number' || typeof arg === 'boolean' ? String(arg) : '';
}
