/** The customer site reads the same content collections (and shows only what consent allows). */
export { collections } from '../shared/content-collections.ts';
