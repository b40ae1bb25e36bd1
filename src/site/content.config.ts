/** The internal site's content collections: the shared ones (src/shared/content-collections.ts). */
export { collections } from '../shared/content-collections.ts';
