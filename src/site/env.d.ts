/// <reference types="astro/client" />
declare namespace App {
  interface Locals {
    /** Set by a briefing page for the components its MDX places. */
    wave?: import('../pipeline/model/types.ts').WaveModel;
    /** Set by a briefing page: what it shows already, so a component its MDX places does not show it again. */
    shown?: {
      /** The page's headline shows the wave's NPS: an `<Nps />` of the same wave adds nothing. */
      npsCard: boolean;
      /** The words of every story quoted on the page: a theme's verbatim does not repeat them. */
      quotes: string[];
    };
  }
}
