export { districtFeatures, districtLevel, districtSubgraph } from './subgraph';
