/** What a follow-up conversation is for, by category (owners' and marketing's pages). */
export const PURPOSE = {
  detractor: 'Recover and fix: listen, put right what went wrong, and agree what happens next.',
  passive: 'Learn what would make them a promoter: what one thing would change their answer?',
  promoter: 'Thank them, and ask for a reference, a testimonial or a seat on the customer advisory board.',
} as const;
