// The SQLSTATE of a database error raised by a raw query (Prisma over the pg driver adapter), for the few
// refusals a use case turns into a domain error; undefined for anything else.
export function sqlState(error: unknown): string | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } }; code?: unknown } } | null)?.meta;
  const code = meta?.driverAdapterError?.cause?.originalCode ?? meta?.driverAdapterError?.cause?.code ?? meta?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
