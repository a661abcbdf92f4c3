import { resolve } from 'node:path';
/** `npm run bench -- --images 10000 --runs 3 --json out.json` */
export interface BenchArgs {
  images: number;
  /** 512×384 instead of 2048×1536: for the 100,000-image run */
  small: boolean;
  runs: number;
  /** the PRNG seed of the generated dataset */
  dataSeed: number;
  edits: number;
  json: string | null;
  /** run only these phases (development) */
  only: Set<PhaseName> | null;
  /** keep the run folders for a look afterwards */
  keep: boolean;
  /** write each run's CPU profile into this folder and say what ran during its longest stalls */
  profile: string | null;
  /** a checkout of jhc13/taggui: the taggui phase opens the dataset with its own folder load */
  taggui: string | null;
  /** a checkout of civitai-tagger ("the seed"), for the seed phase; without it, bench/peers/seed_import.py */
  seed: string | null;
  /** internal: this process is one run, started by the bench's parent process */
  child: { run: number; out: string; workRoot: string } | null;
}

export const PHASES = ['open', 'filter', 'edit', 'thumbs', 'import', 'autotag', 'taggui', 'seed', 'caption', 'built'] as const;
export type PhaseName = (typeof PHASES)[number];

const USAGE = `usage: npm run bench -- [--images N] [--small] [--runs N] [--data-seed N] [--edits N] [--json FILE] [--only ${PHASES.join(',')}] [--keep] [--profile DIR] [--taggui DIR] [--seed DIR]`;

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { images: 1000, small: false, runs: 3, dataSeed: 1, edits: 1000, json: null, only: null, keep: false, profile: null, taggui: null, seed: null, child: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    const count = (min: number) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min) throw new Error(`${flag} takes a whole number ≥ ${min}\n${USAGE}`);
      return n;
    };
    switch (flag) {
      case '--images':
        args.images = count(1);
        break;
      case '--small':
        args.small = true;
        break;
      case '--runs':
        args.runs = count(1);
        break;
      case '--data-seed':
        args.dataSeed = count(0);
        break;
      case '--taggui':
        args.taggui = resolve(value());
        break;
      case '--seed': {
        const dir = value();
        if (/^\d+$/.test(dir)) throw new Error(`--seed names a civitai-tagger checkout now; the dataset's seed is --data-seed ${dir}\n${USAGE}`);
        args.seed = resolve(dir);
        break;
      }
      case '--edits':
        args.edits = count(1);
        break;
      case '--json':
        args.json = value();
        break;
      case '--only': {
        const names = value().split(',');
        const bad = names.filter((n) => !(PHASES as readonly string[]).includes(n));
        if (bad.length) throw new Error(`unknown phase ${bad.join(', ')}\n${USAGE}`);
        args.only = new Set(names as PhaseName[]);
        break;
      }
      case '--keep':
        args.keep = true;
        break;
      case '--profile':
        args.profile = resolve(value());
        break;
      case '--child-run': {
        const [run, out, workRoot] = value().split('|');
        args.child = { run: Number(run), out: out!, workRoot: workRoot! };
        break;
      }
      case '--help':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  return args;
}
