//! Store-level workloads under criterion: open, save after one edit, merge a
//! colleague's file with 1,000 changes, bundle 1,000 changes, export, search.
//! Sizes: `KARTA_BENCH_SIZES` (`1000x10000` by default; `all` for the full
//! matrix). Fixtures are generated once into `target/karta-fixtures`.

use std::path::Path;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use karta::bench::{self, fixtures};
use karta::store::Doc;

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn workloads(c: &mut Criterion) {
    for size in bench::sizes_from_env() {
        let fixture = fixtures::ensure(&fixtures::dir(), size).expect("fixture");
        let bytes = read(&fixture.karta);
        let foreign = read(&fixture.foreign);
        let bundle = read(&fixture.bundle);
        let (mut base, roadmap) = bench::open(&bytes).expect("open");
        let fresh = || Doc::from_bytes(&bytes, Path::new("base.karta")).expect("open");
        let mut group = c.benchmark_group(size.label());
        group.sample_size(10);
        group.bench_function("open", |b| b.iter(|| bench::open(&bytes)));
        let mut doc = base.fork();
        let mut round = 0;
        group.bench_function("save_incremental", |b| {
            b.iter(|| {
                round += 1;
                bench::one_edit(&mut doc, &roadmap, round).expect("edit");
                doc.save_incremental()
            })
        });
        group.bench_function("save_full", |b| {
            b.iter(|| {
                round += 1;
                bench::one_edit(&mut doc, &roadmap, round).expect("edit");
                doc.to_bytes()
            })
        });
        group.bench_function("merge_file_1000", |b| {
            b.iter_batched(
                || (fresh(), roadmap.clone()),
                |(mut d, mut model)| {
                    bench::merge_file(&mut d, &mut model, &foreign).expect("merge");
                    model
                },
                BatchSize::PerIteration,
            )
        });
        group.bench_function("apply_bundle_1000", |b| {
            b.iter_batched(
                || (fresh(), roadmap.clone()),
                |(mut d, mut model)| {
                    bench::apply_bundle(&mut d, &mut model, &bundle).expect("bundle");
                    model
                },
                BatchSize::PerIteration,
            )
        });
        let heads = base.heads();
        let mut other = Doc::from_bytes(&foreign, Path::new("foreign.karta")).expect("foreign");
        group.bench_function("make_bundle_1000", |b| {
            b.iter(|| other.changes_since(&heads))
        });
        group.bench_function("export_json", |b| {
            b.iter(|| karta::export::json::to_string(&roadmap))
        });
        group.bench_function("search", |b| b.iter(|| bench::search_all(&roadmap)));
        group.finish();
    }
}

criterion_group!(benches, workloads);
criterion_main!(benches);
