export { districtSubgraph } from './subgraph';
