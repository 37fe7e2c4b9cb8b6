import type { ViewerContext } from '../auth/auth.context.js';
import type { ImportService } from './import.service.js';

/** What the import resolver reads from the request context (the composition root provides a superset). */
export type ImportResolverContext = ViewerContext & {
  services: { imports: ImportService };
};
