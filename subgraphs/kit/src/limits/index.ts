export { DEFAULT_LIMITS, DEFAULT_SUBGRAPH_LIMITS, limitsEnvSchema, limitsFromEnv, isProductionMode, productionEnvSchema } from './operation-limits';
export type { LimitProfile, OperationLimits } from './operation-limits';
export { operationLimitsPlugin } from './operation-limits-plugin';
export type { OperationLimitsOptions } from './operation-limits-plugin';
export { explainTokenLimit } from './parse-limit-error';
export { limitError } from './limit-errors';
export { estimateCost } from './estimate-cost';
export { queryLengthGuard } from './query-length-guard';
