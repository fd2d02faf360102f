// The reference implementation on the same files as karta's benchmarks:
// Automerge for JavaScript. Prints JSON: medians in ms by fixture and
// workload, peak RSS, gzip sizes of the JSON exports.
//
//   node bench.mjs FIXTURE_DIR [RUNS] [STEM…]     measure
//   node bench.mjs --peak FILE.karta              peak RSS of load + toJS
import * as A from "@automerge/automerge";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

// A workload that fails (Automerge-JS panics inside wasm on some files) is
// recorded in `errors` and left out of the medians.
const errors = {};
let current = "";

function median(runs, setup, f) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const state = setup();
    const t = process.hrtime.bigint();
    f(state);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const none = () => null;

function search(model, query) {
  let hits = 0;
  for (const a of Object.values(model.activities ?? {})) {
    if (a.deleted) continue;
    const texts = [a.text, a.deadline, a.number, a.responsible, ...Object.values(a.cells ?? {})];
    if (texts.some((t) => String(t ?? "").toLowerCase().includes(query))) hits++;
  }
  return hits;
}

const WORKLOADS = ["open", "open.model", "tojs", "save.incremental", "save.full", "merge", "bundle.apply", "bundle.make", "export.json", "search"];

// One workload in this process (a wasm panic terminates the module, so each
// workload runs in a child process of its own).
function one(dir, stem, name, runs) {
  const bytes = readFileSync(join(dir, `${stem}.karta`));
  const foreign = readFileSync(join(dir, `${stem}.foreign.karta`));
  const bundle = readFileSync(join(dir, `${stem}.bundle`));
  const base = A.load(bytes);
  const model = A.toJS(base);
  const first = Object.keys(model.activities).find((id) => !model.activities[id].deleted);
  let doc = A.clone(base);
  A.save(doc);
  let round = 0;
  const edit = (d) =>
    A.change(d, (x) => A.splice(x, ["activities", first, "text"], 0, 0, "абв".repeat(++round % 3 + 1)));
  const bigint = (_, v) => (typeof v === "bigint" ? Number(v) : v);
  const all = {
    "open": () => median(runs, none, () => A.load(bytes)),
    "open.model": () => median(runs, none, () => A.toJS(A.load(bytes))),
    "tojs": () => median(runs, none, () => A.toJS(base)),
    "save.incremental": () => median(runs, none, () => A.saveIncremental((doc = edit(doc)))),
    "save.full": () => median(runs, none, () => A.save((doc = edit(doc)))),
    "merge": () => median(runs, () => A.clone(base), (d) => A.merge(d, A.load(foreign))),
    "bundle.apply": () => median(runs, () => A.clone(base), (d) => A.loadIncremental(d, bundle)),
    "bundle.make": () => {
      const other = A.load(foreign);
      const heads = A.getHeads(base);
      return median(runs, none, () => A.saveSince(other, heads));
    },
    "export.json": () => median(runs, none, () => JSON.stringify(A.toJS(base), bigint)),
    "search": () => median(runs, none, () => search(model, "мониторинг")),
  };
  return all[name]();
}

function measure(dir, stem, runs) {
  current = stem;
  const t = {};
  for (const name of WORKLOADS) {
    try {
      const out = execFileSync(process.execPath, [process.argv[1], "--one", dir, stem, name, String(runs)], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      t[name] = JSON.parse(String(out));
    } catch (e) {
      t[name] = null;
      (errors[stem] ??= []).push(`${name}: ${String(e.stderr ?? e).split("\n").find((l) => /Error/.test(l)) ?? "failed"}`);
    }
  }
  const peak = execFileSync(process.execPath, [process.argv[1], "--peak", join(dir, `${stem}.karta`)]);
  t["peak_rss"] = Number(String(peak).trim());
  const json = join(dir, `${stem}.json`);
  if (existsSync(json)) t["json_gzip"] = gzipSync(readFileSync(json), { level: 9 }).length;
  return t;
}

if (process.argv[2] === "--one") {
  const [dir, stem, name, runs] = process.argv.slice(3);
  console.log(JSON.stringify(one(dir, stem, name, Number(runs))));
} else if (process.argv[2] === "--peak") {
  const doc = A.load(readFileSync(process.argv[3]));
  A.toJS(doc);
  console.log(process.resourceUsage().maxRSS * 1024);
} else {
  const dir = process.argv[2];
  const runs = Number(process.argv[3] ?? 5);
  let stems = process.argv.slice(4);
  if (stems.length === 0) {
    stems = readdirSync(dir)
      .filter((f) => /^a\d+-e\d+\.karta$/.test(f))
      .map((f) => f.replace(/\.karta$/, ""));
  }
  const out = { sizes: {}, samples: {}, errors };
  for (const stem of stems) {
    process.stderr.write(`js: ${stem}\n`);
    out.sizes[stem] = measure(dir, stem, runs);
  }
  const samples = join(dir, "samples");
  if (existsSync(samples)) {
    for (const f of readdirSync(samples).filter((f) => f.endsWith(".json"))) {
      out.samples[f.replace(/\.json$/, "")] = gzipSync(readFileSync(join(samples, f)), { level: 9 }).length;
    }
  }
  console.log(JSON.stringify(out, null, 1));
}
