/** The columns a CSV input is read with. */
export interface TableSpec {
  /** The file kind, also the key of its column mapping in program.yml. */
  name: 'responses' | 'invitations' | 'accounts' | 'contacts' | 'metrics' | 'followups' | 'cube_scores' | 'cube_ratings' | 'extract';
  required: readonly string[];
  optional: readonly string[];
  /** Columns whose values identify a person or a response: never echoed in messages. */
  identity: readonly string[];
}
