/**
 * Every valid answer as the records need it (the follow-up queue, account pages, verbatim
 * candidates, the per-person rule), one column per fact: typed arrays indexed by the answer's
 * position, ids and comments copied into arenas. An answer costs about a hundred bytes
 * whatever it says, where an object per answer cost several hundred and its strings, cut out of
 * the parsed CSV chunk, kept the whole chunk alive (docs/performance.md).
 */
import { IdIndex } from '../ingest/id-index.ts';
import { TypedColumn } from '../util/typed-column.ts';
import { TextArena } from '../util/text-arena.ts';
import { dayIso, isoDayNumber } from '../schemas/dates.ts';

/** Column value of a fact an answer does not have. */
const NONE = -1;
const NO_THEMES: readonly string[] = Object.freeze([]);

/**
 * Ids numbered in order of first sight, copied out of the parsed file. `small` sets (accounts,
 * roles) are also kept in a Map of those copies: one lookup per answer, on the string's cached
 * hash, instead of hashing it again.
 */
class Numbered {
  private readonly index = new IdIndex();
  private readonly small: { numbers: Map<string, number>; strings: string[] } | null;

  constructor(small: boolean) {
    this.small = small ? { numbers: new Map(), strings: [] } : null;
  }

  of(id: string | undefined): number {
    if (id === undefined) return NONE;
    const known = this.small?.numbers.get(id);
    if (known !== undefined) return known;
    const n = this.index.setIfAbsent(id, this.index.size);
    if (n !== undefined) return n;
    if (this.small) {
      const copy = this.index.keyAt(this.index.size - 1);
      this.small.numbers.set(copy, this.index.size - 1);
      this.small.strings.push(copy);
    }
    return this.index.size - 1;
  }

  at(n: number): string | undefined {
    if (n === NONE) return undefined;
    return this.small ? this.small.strings[n] : this.index.keyAt(n);
  }

  /** The ids themselves, for lookups in another index without making strings. */
  get ids(): IdIndex {
    return this.index;
  }
}

/** One answer as it comes in. */
export interface NewAnswer {
  responseId: string;
  waveIndex: number;
  score: number;
  submittedAt: string | undefined;
  confidential: boolean;
  contactId: string | undefined;
  accountId: string | undefined;
  roleId: string | undefined;
  /** The comment, when it is not blank. Kept for identified answers only: nothing shows a confidential answer's comment beside its identity. */
  comment: string | undefined;
  themes: readonly string[];
  /** Its cube cell's number (-1 on the cube path, where the cube is supplied). */
  cell: number;
  /** Where its ratings start in the collector's rating pool (-1: none rated). */
  ratingsAt: number;
  /** Whether it counted its contact as a person of the cell (their first answer in the wave). */
  person: boolean;
}

/** One answer as an account page lists it. */
export interface AccountAnswer {
  contactId: string | undefined;
  roleId: string | undefined;
  score: number;
  comment: string | undefined;
  submittedAt: string | undefined;
  confidential: boolean;
}

export class AnswerStore {
  /** Response ids by position (ingest lets no id through twice). */
  private readonly ids = new TextArena();
  readonly wave = new TypedColumn((n) => new Uint16Array(n));
  readonly score = new TypedColumn((n) => new Uint8Array(n));
  /** Submitted date as days since 1970-01-01, or -1 when not given. */
  readonly day = new TypedColumn((n) => new Int32Array(n));
  /** 1: confidential (given so, or moved by the per-person rule). */
  readonly confidential = new TypedColumn((n) => new Uint8Array(n));
  /** 1: the answer has a comment that is not blank. */
  readonly hasComment = new TypedColumn((n) => new Uint8Array(n));
  /** 1: it counted its contact as a person of its cell. */
  readonly person = new TypedColumn((n) => new Uint8Array(n));
  readonly cell = new TypedColumn((n) => new Int32Array(n));
  readonly ratingsAt = new TypedColumn((n) => new Int32Array(n));
  private readonly contact = new TypedColumn((n) => new Int32Array(n));
  private readonly account = new TypedColumn((n) => new Int32Array(n));
  private readonly role = new TypedColumn((n) => new Int32Array(n));
  private readonly themeList = new TypedColumn((n) => new Int32Array(n));
  private readonly text = new TypedColumn((n) => new Int32Array(n));
  private readonly contacts = new Numbered(false);
  private readonly accounts = new Numbered(true);
  private readonly roles = new Numbered(true);
  /** One array per distinct list of themes, shared by the answers that mention it. */
  private readonly themeLists: (readonly string[])[] = [NO_THEMES];
  private readonly themeListOf = new Map<string, number>();
  private readonly comments = new TextArena();

  get size(): number {
    return this.wave.length;
  }

  /** Stores an answer; returns its position. */
  add(a: NewAnswer): number {
    this.ids.add(a.responseId);
    this.wave.push(a.waveIndex);
    this.score.push(a.score);
    this.day.push(a.submittedAt === undefined ? NONE : isoDayNumber(a.submittedAt));
    this.confidential.push(a.confidential ? 1 : 0);
    this.hasComment.push(a.comment !== undefined ? 1 : 0);
    this.person.push(a.person ? 1 : 0);
    this.cell.push(a.cell);
    this.ratingsAt.push(a.ratingsAt);
    this.contact.push(this.contacts.of(a.contactId));
    this.account.push(this.accounts.of(a.accountId));
    this.role.push(this.roles.of(a.roleId));
    this.themeList.push(this.themeListNumber(a.themes));
    this.text.push(a.comment !== undefined && !a.confidential ? this.comments.add(a.comment) : NONE);
    return this.wave.length - 1;
  }

  private themeListNumber(themes: readonly string[]): number {
    if (themes.length === 0) return 0;
    const key = themes.join('\u001f');
    let n = this.themeListOf.get(key);
    if (n === undefined) {
      n = this.themeLists.length;
      this.themeLists.push(Object.freeze([...themes]));
      this.themeListOf.set(key, n);
    }
    return n;
  }

  responseId(i: number): string {
    return this.ids.get(i);
  }

  /** The positions of the answers whose ids are among `wanted` (one pass over every answer). */
  positionsOf(wanted: ReadonlySet<string>): Map<string, number> {
    const found = new Map<string, number>();
    if (wanted.size === 0) return found;
    for (let i = 0; i < this.size; i++) {
      const id = this.ids.get(i);
      if (wanted.has(id)) found.set(id, i);
    }
    return found;
  }

  contactId(i: number): string | undefined {
    return this.contacts.at(this.contact.get(i));
  }

  /** The contact's number (the same for every answer of the contact), or -1. */
  contactNumber(i: number): number {
    return this.contact.get(i);
  }

  /** The contact ids by number, to look up in another index without making strings. */
  get contactIds(): IdIndex {
    return this.contacts.ids;
  }

  accountId(i: number): string | undefined {
    return this.accounts.at(this.account.get(i));
  }

  roleId(i: number): string | undefined {
    return this.roles.at(this.role.get(i));
  }

  /** The comment of an identified answer (undefined when it has none, or was confidential when it came in). */
  comment(i: number): string | undefined {
    const t = this.text.get(i);
    return t === NONE ? undefined : this.comments.get(t);
  }

  themes(i: number): readonly string[] {
    return this.themeLists[this.themeList.get(i)]!;
  }

  submittedAt(i: number): string | undefined {
    const d = this.day.get(i);
    return d === NONE ? undefined : dayIso(d);
  }

  /** Answer `i` as an account page lists it. */
  answer(i: number): AccountAnswer {
    return {
      contactId: this.contactId(i),
      roleId: this.roleId(i),
      score: this.score.get(i),
      comment: this.comment(i),
      submittedAt: this.submittedAt(i),
      confidential: this.confidential.get(i) === 1,
    };
  }
}
