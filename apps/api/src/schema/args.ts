// Argument validators shared by the schema files (the validation plugin runs them before resolvers).
import { z } from 'zod';

/** Ids are UUIDs: anything else is a bad input, never a database error. */
export const UUID = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'not a valid id');
export const REASON = z.string().trim().min(5, 'a reason of at least 5 characters is required').max(2000);
export const SCORE = z.number().min(0).max(100);
export const WEIGHT = z.number().min(0).max(100);
export const YEAR = z.number().int().min(2000).max(2100);
export const VERSION = z.number().int().min(1);
