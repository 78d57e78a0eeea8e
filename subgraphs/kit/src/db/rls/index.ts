export { databaseScopeOf, withDatabaseScope, NO_SCOPE, type DatabaseScope } from './request-scope';
export { OWNED_TABLES, CHILD_TABLES, PUBLIC_TABLES, CATALOGUE_TABLES, SUBJECT_TABLES } from './row-level-policies';
export { serviceDatabaseUrl, DEFAULT_SERVICE_ROLE } from './service-role';
export { provisionServiceRole, serviceRoleOf, serviceRoleProblem } from './service-role';
