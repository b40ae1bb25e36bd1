/**
 * Hands each Astro build its data as a virtual module (Vite's convention for generated modules),
 * instead of environment variables read in every page: the internal site gets the working folder
 * of the analysis, the customer site only the customer model's file.
 */
import type { AstroIntegration } from 'astro';

/** One integration per build: `modules` maps a virtual module's name to its exported constants. */
function chorusData(site: string, modules: Record<string, Record<string, string>>): AstroIntegration {
  const code = new Map(
    Object.entries(modules).map(([name, exports]) => [
      `\0virtual:chorus/${name}`,
      Object.entries(exports)
        .map(([k, v]) => `export const ${k} = ${JSON.stringify(v)};`)
        .join('\n'),
    ]),
  );
  const plugin = {
    name: `chorus-${site}-data`,
    resolveId: (id: string) => (code.has(`\0${id}`) ? `\0${id}` : undefined),
    load: (id: string) => code.get(id),
  };
  return { name: `chorus-${site}-data`, hooks: { 'astro:config:setup': ({ updateConfig }) => void updateConfig({ vite: { plugins: [plugin] } }) } };
}

export const internalData = (workDir: string, contentDir: string, chartKey: string) => chorusData('internal', { internal: { workDir, chartKey }, content: { contentDir } });
export const customerData = (customerModelFile: string, contentDir: string) => chorusData('customer', { customer: { customerModelFile }, content: { contentDir } });
