// Hardening limits of the GraphQL edge, in one place (docs/api.md, "Hardening", lists them).

export const LIMITS = {
  /** Largest page of any connection (`first`/`last` above it are capped). */
  pageSize: 100,
  /** Deepest selection allowed. */
  depth: 12,
  /** Most field selections in one operation. */
  breadth: 400,
  /** Highest cost (Pothos complexity: 1 per field, lists multiply their selection). */
  complexity: 25_000,
  /** Most aliases in one operation: aliases multiply the cost of a field without making it deeper. */
  aliases: 30,
  /** Largest request body. */
  bodyBytes: 256 * 1024,
  /** Most tokens a query may have (parser limit). */
  tokens: 4_000,
} as const;
