import { createContext, useContext, type ReactNode } from 'react';
import type { WebModule } from './module';

/**
 * The module list, handed down by App. A module's page that shows other modules' contributions (the customer
 * page's tabs and value panel) reads it from here: importing the list would make an import circle.
 */
const WebModulesContext = createContext<readonly WebModule[]>([]);

export function WebModulesProvider({ modules, children }: { modules: readonly WebModule[]; children: ReactNode }) {
  return <WebModulesContext.Provider value={modules}>{children}</WebModulesContext.Provider>;
}

export function useWebModules(): readonly WebModule[] {
  return useContext(WebModulesContext);
}
