/** Makes a `switch` exhaustive at compile time; reaching it at run time is a programming error. */
export const assertNever = (value: never): never => {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
};
