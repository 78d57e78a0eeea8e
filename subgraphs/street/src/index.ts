export { streetSubgraph } from './subgraph';
