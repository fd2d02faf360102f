//! `karta-bench`: fixtures, side-by-side measurements (rewriting
//! `BENCHMARKS.md`), peak memory and the soak of strided edits.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use karta::bench::{self, fixtures, frames, memory, open, report, run, terminal};
use karta::commands::print;
use karta::store::write::edit::ActivityField;

/// Keystrokes timed by each per-keystroke frame workload.
const FRAME_KEYS: usize = 1000;

/// Counts live heap bytes, for the soak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

/// The most live heap bytes since it was last reset.
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        // SAFETY: same layout as asked.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        let live = LIVE.fetch_add(new, Ordering::Relaxed) + new;
        PEAK.fetch_max(live, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded as given.
        unsafe { System.realloc(ptr, layout, new) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Benchmarks of karta's store against Automerge-JS and a JSON floor.
#[derive(Parser)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate the fixtures of the sizes (1000x10000,…; `all`).
    Fixtures {
        /// Sizes, as `KARTA_BENCH_SIZES` takes them.
        #[arg(long, default_value = "")]
        sizes: String,
    },
    /// Measure every size and write the report.
    Measure {
        /// Sizes, as `KARTA_BENCH_SIZES` takes them.
        #[arg(long, default_value = "")]
        sizes: String,
        /// Runs per workload (the median is kept).
        #[arg(long, default_value_t = 5)]
        runs: usize,
        /// The JS script's results.
        #[arg(long)]
        js: Option<PathBuf>,
        /// Where to write the report.
        #[arg(long, default_value = "BENCHMARKS.md")]
        out: PathBuf,
        /// The machine, as printed in the report.
        #[arg(long, default_value = "")]
        machine: String,
        /// The command that reproduces the report.
        #[arg(long, default_value = "bench/run.sh")]
        command: String,
    },
    /// Time the editor's frames on one file and print them.
    Frames {
        /// The `.karta` file.
        file: PathBuf,
        /// Keystrokes timed by each per-keystroke workload.
        #[arg(long, default_value_t = FRAME_KEYS)]
        keys: usize,
        /// Runs of the other workloads (the median is kept).
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
    /// Open a file to the model and print the peak RSS in bytes.
    Peak {
        /// The `.karta` file.
        file: PathBuf,
    },
    /// A bare `Automerge::load` of a file: prints its milliseconds and the
    /// peak RSS in bytes.
    Bare {
        /// The `.karta` file.
        file: PathBuf,
    },
    /// Strided edits on a loaded document, printing heap and RSS growth.
    Soak {
        /// The `.karta` file.
        file: PathBuf,
        /// Edits to make.
        #[arg(long, default_value_t = 20_000)]
        edits: usize,
        /// Stride through the activities.
        #[arg(long, default_value_t = 97)]
        stride: usize,
        /// Compact the document every N edits (saved, loaded in a worker
        /// while nothing is edited, as the editor does in a pause); 0 never.
        #[arg(long, default_value_t = 0)]
        compact_every: usize,
    },
    /// Time the editor's first frame (and the document loaded behind it)
    /// over several opens sharing a view cache, and print the peak RSS.
    FirstFrame {
        /// The `.karta` file.
        file: PathBuf,
        /// Opens (the first one is cold unless the cache is kept).
        #[arg(long, default_value_t = 4)]
        runs: usize,
        /// The cache folder, kept; without it a temporary one is used.
        #[arg(long)]
        cache_dir: Option<PathBuf>,
    },
    /// Time what the checks on untrusted documents add to opening,
    /// merging and applying a bundle, at one size, and print a table.
    Checks {
        /// The size, as `KARTA_BENCH_SIZES` takes one.
        #[arg(long, default_value = "10000x100000")]
        size: String,
        /// Runs per workload (the median is kept).
        #[arg(long, default_value_t = 3)]
        runs: usize,
    },
    /// Time the real editor in a pseudo-terminal, a fresh process per open:
    /// start → first frame (cold, then warm) and Ctrl-s → «Сохранено».
    Terminal {
        /// The `.karta` file (a copy is opened and saved).
        file: PathBuf,
        /// Opens (the first without a view cache).
        #[arg(long, default_value_t = 6)]
        runs: usize,
        /// Saves per open after the first.
        #[arg(long, default_value_t = 3)]
        saves: usize,
        /// The `karta` binary (default: the one beside `karta-bench`).
        #[arg(long)]
        karta: Option<PathBuf>,
    },
    /// Load a sync server: clients × edits through it on loopback; prints
    /// time to converge, p50/p99 of an edit reaching every client, the
    /// server's peak RSS and the CPU time of server and clients as a table
    /// row.
    Sync {
        /// The server (ws://127.0.0.1:PORT), running.
        #[arg(long)]
        server: String,
        /// The server's process, for its peak memory and CPU time.
        #[arg(long)]
        server_pid: Option<u32>,
        /// What to call the server in the table.
        #[arg(long, default_value = "server")]
        label: String,
        /// The roadmap every client starts from.
        file: PathBuf,
        /// Clients.
        #[arg(long, default_value_t = 50)]
        clients: usize,
        /// Edits per client.
        #[arg(long, default_value_t = 100)]
        edits: usize,
        /// Milliseconds between two edits of one client.
        #[arg(long, default_value_t = 100)]
        pause_ms: u64,
        /// Seconds the run may take at most.
        #[arg(long, default_value_t = 300)]
        limit_s: u64,
    },
}

fn main() -> Result<()> {
    match Args::parse().command {
        Command::Fixtures { sizes } => {
            for size in bench::parse_sizes(&sizes) {
                let f = fixtures::ensure(&fixtures::dir(), size)?;
                print(&format!("{}\n", f.karta.display()))?;
            }
            Ok(())
        }
        Command::Measure {
            sizes,
            runs,
            js,
            out,
            machine,
            command,
        } => measure(&sizes, runs, js.as_deref(), &out, &machine, &command),
        Command::Frames { file, keys, runs } => {
            let timings = frames::measure(&file, keys, runs)?;
            for (key, name) in frames::KEYS.iter().chain([&frames::UNDO_KEY]) {
                let p99 = timings.get(&format!("{key}.p99"));
                let p99 = p99.map_or(String::new(), |v| format!(", p99 {v:.2} ms"));
                let median = timings.get(*key).copied().unwrap_or(f64::NAN);
                print(&format!("{name}: median {median:.2} ms{p99}\n"))?;
            }
            Ok(())
        }
        Command::Peak { file } => {
            let bytes = std::fs::read(&file).with_context(|| file.display().to_string())?;
            let (_doc, roadmap) = bench::open(&bytes)?;
            print(&format!(
                "{} {}\n",
                memory::peak_rss().unwrap_or(0),
                roadmap.activity_count()
            ))?;
            Ok(())
        }
        Command::Bare { file } => {
            let bytes = std::fs::read(&file).with_context(|| file.display().to_string())?;
            let start = std::time::Instant::now();
            let doc = automerge::Automerge::load(&bytes)?;
            let took = start.elapsed().as_secs_f64() * 1000.0;
            drop(doc);
            print(&format!("{took:.1} {}\n", memory::peak_rss().unwrap_or(0)))
        }
        Command::Soak {
            file,
            edits,
            stride,
            compact_every,
        } => soak(&file, edits, stride, compact_every),
        Command::FirstFrame {
            file,
            runs,
            cache_dir,
        } => first_frame(&file, runs, cache_dir),
        Command::Checks { size, runs } => {
            for size in bench::parse_sizes(&size) {
                let fixture = fixtures::ensure(&fixtures::dir(), size)?;
                let costs = bench::checks::measure(&fixture, runs)?;
                print(&format!(
                    "{}\n\n{}",
                    size.label(),
                    bench::checks::table(&costs)
                ))?;
            }
            Ok(())
        }
        Command::Terminal {
            file,
            runs,
            saves,
            karta,
        } => {
            let karta = match karta {
                Some(k) => k,
                None => terminal::sibling_binary()?,
            };
            let mut figures = terminal::measure(&karta, &file, runs, saves)?;
            terminal::bare(&file, runs, &mut figures)?;
            print(&figures.table())
        }
        Command::Sync {
            server,
            server_pid,
            label,
            file,
            clients,
            edits,
            pause_ms,
            limit_s,
        } => {
            let options = bench::sync::Options {
                server,
                file,
                clients,
                edits,
                pause: std::time::Duration::from_millis(pause_ms),
                limit: std::time::Duration::from_secs(limit_s),
                server_pid,
            };
            let outcome = bench::sync::run(&options)?;
            let ms = |d: std::time::Duration| format!("{:.0} ms", d.as_secs_f64() * 1000.0);
            let converged = outcome.converged.map_or_else(
                || format!("not within {limit_s} s"),
                |d| format!("{:.1} s", d.as_secs_f64()),
            );
            let rss = server_pid
                .and_then(bench::sync::peak_rss_of)
                .map_or_else(|| "–".to_string(), |b| format!("{} MB", b / (1024 * 1024)));
            let cpu = |d: Option<std::time::Duration>| {
                d.map_or_else(|| "–".to_string(), |d| format!("{:.1} s", d.as_secs_f64()))
            };
            // Clients that lost their connection are told in the
            // delivered column: their edits may be among those missing.
            let lost = match outcome.clients_lost {
                0 => String::new(),
                n => format!(
                    " ({n} clients lost the connection, {} times in all)",
                    outcome.losses
                ),
            };
            print(&format!(
                "| {label} | {clients} × {edits} every {pause_ms} ms | {converged} | {} | {} | {}/{}{lost} | {rss} | {} | {} |\n",
                ms(outcome.p50),
                ms(outcome.p99),
                outcome.delivered,
                outcome.edits,
                cpu(outcome.server_cpu),
                cpu(outcome.clients_cpu),
            ))
        }
    }
}

fn measure(
    sizes: &str,
    runs: usize,
    js: Option<&Path>,
    out: &Path,
    machine: &str,
    command: &str,
) -> Result<()> {
    let js = match js {
        Some(p) => serde_json::from_str(&std::fs::read_to_string(p)?)?,
        None => serde_json::Value::Null,
    };
    let mut results = Vec::new();
    for size in bench::parse_sizes(sizes) {
        let fixture = fixtures::ensure(&fixtures::dir(), size)?;
        eprintln!("measuring {}", size.label());
        let mut timings = run::measure(&fixture, runs)?;
        timings.extend(frames::measure(&fixture.karta, FRAME_KEYS, runs)?);
        let peak = std::process::Command::new(std::env::current_exe()?)
            .arg("peak")
            .arg(&fixture.karta)
            .output()?;
        let peak_rss = String::from_utf8_lossy(&peak.stdout)
            .split_whitespace()
            .next()
            .and_then(|v| v.parse().ok());
        let stem = fixture
            .karta
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        results.push(report::SizeResult {
            label: size.label(),
            stem,
            timings,
            peak_rss,
            files: run::file_sizes(&fixture),
        });
    }
    std::fs::write(out, report::render(&results, &js, machine, command))?;
    Ok(())
}

fn first_frame(file: &Path, runs: usize, cache_dir: Option<PathBuf>) -> Result<()> {
    let temp = std::env::temp_dir().join(format!("karta-bench-cache-{}", std::process::id()));
    let cache = cache_dir.clone().unwrap_or_else(|| temp.clone());
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    print("| cache | first frame ms | document loaded ms |\n|---|---:|---:|\n")?;
    for _ in 0..runs {
        let f = open::first_frame(file, &cache)?;
        let label = if f.from_cache { "warm" } else { "cold" };
        print(&format!(
            "| {label} | {:.0} | {:.0} |\n",
            ms(f.frame),
            ms(f.ready)
        ))?;
    }
    if cache_dir.is_none() {
        let _ = std::fs::remove_dir_all(&temp);
    }
    print(&format!(
        "peak RSS {:.1} MB\n",
        memory::peak_rss().unwrap_or(0) as f64 / 1e6
    ))?;
    Ok(())
}

fn soak(file: &Path, edits: usize, stride: usize, compact_every: usize) -> Result<()> {
    let bytes = std::fs::read(file).with_context(|| file.display().to_string())?;
    let (mut doc, roadmap) = bench::open(&bytes)?;
    let mut texts: Vec<(String, String)> = roadmap
        .activities_with_path()
        .into_iter()
        .map(|(_, a)| (a.id.clone(), a.text.clone()))
        .collect();
    anyhow::ensure!(!texts.is_empty(), "{}: no activities", file.display());
    let mb = |v: usize| v as f64 / 1e6;
    let heap0 = LIVE.load(Ordering::Relaxed);
    let rss0 = memory::rss().unwrap_or(0) as usize;
    print(
        "| edits | heap MB | heap × start | highest heap since the last row, MB | RSS MB |\n|---:|---:|---:|---:|---:|\n",
    )?;
    print(&format!(
        "| 0 | {:.1} | 1.00 | | {:.1} |\n",
        mb(heap0),
        mb(rss0)
    ))?;
    let step = (edits / 10).max(1);
    PEAK.store(heap0, Ordering::Relaxed);
    let mut compactions = 0;
    for i in 1..=edits {
        let k = (i * stride) % texts.len();
        let (id, text) = &mut texts[k];
        text.push('ы');
        doc.set_activity_field(id, &ActivityField::Text, text)?;
        if compact_every > 0 && i % compact_every == 0 {
            // As the editor does in a pause: the document moves to a
            // worker that saves, drops and loads it again.
            let compaction = std::mem::replace(&mut doc, karta::store::Doc::placeholder())
                .compact_in_background();
            doc = compaction.finish()?;
            compactions += 1;
        }
        if i % step == 0 {
            let heap = LIVE.load(Ordering::Relaxed);
            let highest = PEAK.swap(heap, Ordering::Relaxed);
            let rss = memory::rss().unwrap_or(0) as usize;
            print(&format!(
                "| {i} | {:.1} | {:.2} | {:.1} | {:.1} |\n",
                mb(heap),
                heap as f64 / heap0.max(1) as f64,
                mb(highest),
                mb(rss)
            ))?;
        }
    }
    if compact_every > 0 {
        print(&format!(
            "\n{compactions} compactions, one every {compact_every} edits\n"
        ))?;
    }
    Ok(())
}
