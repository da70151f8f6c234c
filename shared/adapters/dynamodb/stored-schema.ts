/**
 * Items are parsed back with zod at the edge, so the rest of the adapter never asserts a type.
 * The schemas describe stored shapes only (types, enums, optionality), not request rules:
 * what was valid when written stays readable.
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod/mini';
import type { Item } from './table-client.js';

type Exact<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;
type ExactlyDescribes<S extends z.ZodMiniType, T> =
  Exact<z.output<S>, T> extends true ? unknown : { 'the schema does not describe exactly this type': T };

/**
 * A schema checked at compile time to describe exactly the domain type T. Parsing drops keys
 * a schema does not name, so a field added to T but not here must fail the build, not vanish on read.
 */
export function storedAs<T>() {
  return <S extends z.ZodMiniType<T>>(schema: S & ExactlyDescribes<S, T>): S => schema;
}

/** Unmarshalls an item and parses it; a malformed item throws a ZodError naming the bad path. */
export function parseItem<S extends z.ZodMiniType>(schema: S, item: Item): z.output<S> {
  return schema.parse(unmarshall(item));
}

/** The table's own key attributes, present on every item. */
export const itemKey = z.object({ pk: z.string(), sk: z.string() });
