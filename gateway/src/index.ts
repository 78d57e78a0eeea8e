export * from './config';
export * from './server';
export { analystCatalogue, type CatalogueOperation } from './analyst-catalogue';
