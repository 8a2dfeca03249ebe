// GraphQL enums, with the database's values (the Prisma enums of @albero/db).
import { builder } from '../builder.js';

export const SubscriptionStatus = builder.enumType('SubscriptionStatus', { values: ['trial', 'active', 'suspended', 'cancelled'] as const });
export const UnitKind = builder.enumType('UnitKind', { values: ['area', 'servizio', 'ufficio', 'uo', 'azienda_speciale', 'staff', 'segreteria'] as const });
export const CycleState = builder.enumType('CycleState', { values: ['draft', 'approved', 'monitoring', 'closed', 'published'] as const });
export const LevelKind = builder.enumType('LevelKind', { values: ['perspective', 'area', 'strategic', 'program', 'operational', 'action', 'individual'] as const });
export const Aggregation = builder.enumType('Aggregation', { values: ['weighted_mean', 'simple_mean'] as const });
export const Operator = builder.enumType('Operator', { values: ['gte', 'gt', 'lte', 'lt', 'eq'] as const });
export const Direction = builder.enumType('Direction', { values: ['higher_is_better', 'lower_is_better'] as const });
export const ValueType = builder.enumType('ValueType', { values: ['number', 'date', 'boolean', 'qualitative'] as const });
export const ScoringMethod = builder.enumType('ScoringMethod', { values: ['step', 'proportional', 'binary', 'deadline', 'bands', 'qualitative'] as const });
export const Frequency = builder.enumType('Frequency', { values: ['annual', 'semiannual', 'quarterly', 'monthly'] as const });
export const PeriodState = builder.enumType('PeriodState', { values: ['planned', 'open', 'closed'] as const });
export const MeasurementStatus = builder.enumType('MeasurementStatus', { values: ['draft', 'submitted', 'approved', 'rejected'] as const });
export const OverrideBy = builder.enumType('OverrideBy', { values: ['oiv', 'chamber_admin'] as const });
export const ReportKind = builder.enumType('ReportKind', { values: ['piano', 'relazione'] as const });
export const ReportState = builder.enumType('ReportState', { values: ['draft', 'validated', 'published'] as const });
export const AssignmentRole = builder.enumType('AssignmentRole', { values: ['owner', 'contributor'] as const });
