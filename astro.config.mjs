// The internal site. The CLI (src/cli/main.ts) runs the pipeline first and sets the
// output folder; pages live in src/site and read the model the pipeline wrote.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  srcDir: './src/site',
  publicDir: './public',
  integrations: [mdx()],
  build: { format: 'directory' },
  trailingSlash: 'always',
  devToolbar: { enabled: false },
  // Charts are drawn at build time as SVG; vega-embed (with vega and vega-lite: one ~850 kB chunk,
  // ~290 kB compressed) is fetched only when a reader presses a chart's "Explore this chart"
  // (src/site/lib/chart-explore.ts). That chunk is expected to be large: warn only past 1 MB.
  vite: {
    build: {
      chunkSizeWarningLimit: 1024,
      rollupOptions: {
        // MDX content modules carry an Astro directive the bundler notes it cannot keep; harmless here.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
