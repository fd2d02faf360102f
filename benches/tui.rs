//! The editor's frames under criterion: cursor move → frame and keystroke
//! in a text field → frame, on a roadmap generated in-process (2,000
//! activities, 2,000 edits), so no fixture is needed. The same workloads at
//! 1k and 10k on the fixtures: `karta-bench frames FILE`.

use criterion::{Criterion, criterion_group, criterion_main};
use karta::bench::frames::Screen;
use karta::r#gen::{GenOptions, generate};

fn screen() -> Screen {
    let options = GenOptions {
        activities: 2000,
        edits: 2000,
        seed: 1,
    };
    let doc = generate(&options).expect("generate");
    let mut screen = Screen::new(doc).expect("screen");
    screen.draw().expect("draw");
    screen
}

fn frames(c: &mut Criterion) {
    let mut screen = screen();
    let mut group = c.benchmark_group("tui 2k");
    group.bench_function("cursor_move_frame", |b| {
        b.iter(|| screen.move_cursor().expect("cursor"))
    });
    screen.open_text_editor().expect("editor");
    let mut i = 0;
    group.bench_function("keystroke_frame", |b| {
        b.iter(|| {
            i += 1;
            if i % 2 == 0 {
                screen.frame("Backspace").expect("frame");
            } else {
                screen.type_char('ж');
                screen.draw().expect("frame");
            }
        })
    });
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
