// Queries of one unit of work run one after the other: they share one connection, which runs one query at
// a time anyway, and pg 9 will refuse a query sent while another is running on the same client.

type Steps = readonly (() => PromiseLike<unknown>)[];

/** Runs the steps in order and returns their results, typed like Promise.all's. */
export async function inOrder<T extends Steps>(...steps: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
