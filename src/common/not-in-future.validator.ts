import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Clocks of phones and gateways drift: a little ahead of ours is fine, a report from the future is not. */
export const ALLOWED_CLOCK_SKEW_MS = 5 * 60_000;

/** An instant (ISO-8601 text) no later than now, give or take the allowed clock skew. */
export function IsNotInFuture(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotInFuture',
      target: target.constructor,
      propertyName: String(propertyName),
      // The catalog words it (validation.isNotInFuture); the constraint is its {minutes}.
      constraints: [ALLOWED_CLOCK_SKEW_MS / 60_000],
      options,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !(Date.parse(value) > Date.now() + ALLOWED_CLOCK_SKEW_MS),
      },
    });
}
