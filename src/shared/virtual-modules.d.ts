/** The data each Astro build is handed by the CLI (src/cli/astro-data.ts), as virtual modules. */
declare module 'virtual:chorus/internal' {
  /** The output's working folder; its `current` file names the analysis folder pages read. */
  export const workDir: string;
  /** The chart renderer's code and packages, hashed: charts are kept per analysis under it. */
  export const chartKey: string;
}
declare module 'virtual:chorus/customer' {
  /** The customer projection of the model: the customer site's only data. */
  export const customerModelFile: string;
}
declare module 'virtual:chorus/content' {
  /** The content folder (stories, actions, program, briefings, letters). */
  export const contentDir: string;
}
