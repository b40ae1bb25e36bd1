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
  // vega and vega-embed make one large chunk, loaded only to enhance charts that already show as SVG.
  vite: {
    build: {
      chunkSizeWarningLimit: 2048,
      rollupOptions: {
        // MDX content modules carry an Astro directive the bundler notes it cannot keep; harmless here.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
