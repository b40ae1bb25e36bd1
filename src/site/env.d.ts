/// <reference types="astro/client" />
declare namespace App {
  interface Locals {
    /** Set by a briefing page for the components its MDX places. */
    wave?: import('../pipeline/model/types.ts').WaveModel;
  }
}
