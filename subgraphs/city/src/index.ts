export { citySubgraph } from './subgraph';
