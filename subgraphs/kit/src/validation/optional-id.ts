import { IsOptional, IsUUID } from 'class-validator';
import { Field, ID } from 'type-graphql';

/**
 * An optional record id of an input: `ID` in the schema, may be left out or null, a UUID when
 * given. The three decorators every such field needs, written once.
 */
export function OptionalId(options: { description?: string } = {}): PropertyDecorator {
  const decorators = [Field(() => ID, { nullable: true, ...options }), IsOptional(), IsUUID()];
  return (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };
}
