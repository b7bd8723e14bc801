import fc from 'fast-check';

/** Any JS value a message or a response body could turn into, exotic objects included. */
export const anyValue = fc.anything({
  withNullPrototype: true,
  withBoxedValues: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
});
