import { runSubgraphProcess } from '@supervision/kit';
import { districtSubgraph } from './subgraph';

runSubgraphProcess(districtSubgraph);
