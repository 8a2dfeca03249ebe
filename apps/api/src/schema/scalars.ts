// Scalars: DateTime (ISO 8601 instant), Date (calendar day, YYYY-MM-DD) and JSON (explanations, inputs).
import { Kind, type ValueNode } from 'graphql';
import { builder } from '../builder.js';
import { BadInputError } from '../errors.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseDay(value: unknown): Date {
  if (typeof value !== 'string' || !DAY.test(value)) throw new BadInputError(`a Date is written YYYY-MM-DD, not ${JSON.stringify(value)}`);
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw new BadInputError(`${value} is not a calendar day`);
  return date;
}

function parseInstant(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new BadInputError(`a DateTime is an ISO 8601 instant, not ${JSON.stringify(value)}`);
  return date;
}

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 string in UTC.',
  serialize: (value) => value.toISOString(),
  parseValue: parseInstant,
  parseLiteral: (ast) => parseInstant(ast.kind === Kind.STRING ? ast.value : null),
});

builder.scalarType('Date', {
  description: 'A calendar day, YYYY-MM-DD.',
  serialize: (value) => value.toISOString().slice(0, 10),
  parseValue: parseDay,
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : null),
});

function literal(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.ENUM:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(literal);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
    case Kind.VARIABLE:
      throw new BadInputError('variables inside JSON literals are not supported');
  }
}

builder.scalarType('JSON', {
  description: 'Structured data (score explanations, formula inputs, audit snapshots).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literal,
});
