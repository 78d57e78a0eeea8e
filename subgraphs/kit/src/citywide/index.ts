export { citywideFeature, citywideKeysFeature } from './citywide.feature';
export { entityStub } from './entity-stub';
