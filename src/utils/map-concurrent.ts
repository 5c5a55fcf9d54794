import pLimit from 'p-limit';

/**
 * Runs `work` on every item, at most `limit` at a time; results keep the
 * items' order. After a failure no new item starts, the ones under way
 * finish, and the first failure is thrown: nothing is left running behind
 * the caller's back (a caller may clean up the folder the work writes to).
 */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const limiter = pLimit(Math.max(1, limit));
  let failure: { error: unknown } | undefined;
  const settled = await Promise.allSettled(
    items.map((item, index) =>
      limiter(async () => {
        if (failure) return undefined as R;
        try {
          return await work(item, index);
        } catch (error) {
          failure ??= { error };
          throw error;
        }
      }),
    ),
  );
  if (failure) throw failure.error;
  return settled.map((result) => (result as PromiseFulfilledResult<R>).value);
}
