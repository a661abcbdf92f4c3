import { migration001 } from './001-initial';
import { migration002 } from './002-history';
import { migration003 } from './003-planned-imports';
import { migration004 } from './004-write-ahead-history';
import { migration005 } from './005-tagger-scores';
import { migration006 } from './006-tagger-provenance';
import { migration007 } from './007-caption-runs';
import { migration008 } from './008-kept-tag-counts';
import { migration009 } from './009-ids-never-reused';
import type { Migration } from './migration';

/** In order; the runner checks that versions are 1, 2, 3… with no gap. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009];
