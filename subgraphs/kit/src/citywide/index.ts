export { createCitywideKeysModule } from './citywide-keys.module';
export { createCitywideModule, type CitywideOwnTypes } from './citywide.module';
export { entityStub } from './entity-stub';
