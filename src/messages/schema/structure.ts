/**
 * A small declarative language for the message structures: complex types are ordered sequences of named elements
 * with a cardinality, each of a simple type (LDT_*) or another complex type. That is all the iWmo/iJw 3.2 schemas
 * use (no choices, no attributes, no mixed content), so the validator and the codec need nothing more.
 * The TypeScript type of a message's model is derived from the same data (`ModelOf`): no drift.
 */
import type { IntegerTypeName, SimpleTypeName } from "./simple-types.ts";

export type Max = 1 | "n";

export interface ExtraPattern {
  readonly re: RegExp;
  readonly xsd: string;
}

export interface Particle<T extends TypeRef = TypeRef, Min extends 0 | 1 = 0 | 1, M extends Max = Max> {
  readonly type: T;
  readonly min: Min;
  readonly max: M;
  /** A further pattern on this element only (BerichtCode "414", DeclaratieNummer alphanumeric). */
  readonly pattern?: ExtraPattern;
}

export type TypeRef = SimpleTypeName | ComplexType;
export type Children = { readonly [name: string]: Particle };

/** `basis`: declared in the basisschema (its elements are in the basisschema namespace); `bericht`: in the message's. */
export type Home = "basis" | "bericht";

export interface ComplexType<C extends Children = Children> {
  readonly name: string;
  readonly home: Home;
  readonly children: C;
}

export const one = <T extends TypeRef>(type: T): Particle<T, 1, 1> => ({ type, min: 1, max: 1 });
export const opt = <T extends TypeRef>(type: T): Particle<T, 0, 1> => ({ type, min: 0, max: 1 });
export const many = <T extends TypeRef>(type: T): Particle<T, 1, "n"> => ({ type, min: 1, max: "n" });
export const restricted = <T extends SimpleTypeName>(type: T, re: RegExp, xsd: string): Particle<T, 1, 1> => ({
  type,
  min: 1,
  max: 1,
  pattern: { re, xsd },
});
export const complex = <C extends Children>(name: string, home: Home, children: C): ComplexType<C> => ({ name, home, children });

export const isComplex = (t: TypeRef): t is ComplexType => typeof t !== "string";

// ---- the model type, derived from the structure ----

type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ValueOf<T> = T extends ComplexType<infer C> ? ModelOf<C> : T extends IntegerTypeName ? number : string;
type ItemOf<P> = P extends Particle<infer T, 0 | 1, infer M> ? (M extends "n" ? ValueOf<T>[] : ValueOf<T>) : never;
export type ModelOf<C extends Children> = Simplify<
  { -readonly [K in keyof C as C[K]["min"] extends 1 ? K : never]: ItemOf<C[K]> } & {
    -readonly [K in keyof C as C[K]["min"] extends 1 ? never : K]?: ItemOf<C[K]>;
  }
>;

/** The model of any message: element name → value, array or nested model. */
export type AnyModel = { [name: string]: ModelValue };
export type ModelValue = string | number | AnyModel | ModelValue[];
