export * from './schema.js';
export { parsePlan, parseLocated, readPlanFile, formatIssue, formulaIdentifiers, PlanFileError, type PlanIssue, type SemanticIssue } from './read.js';
export { catalogueFileSchema, systemObjectiveSchema, parseCatalogue, readCatalogueFile, type CatalogueFile, type SystemObjectiveEntry } from './catalogue.js';
export { planJsonSchema, catalogueJsonSchema } from './json-schema.js';
