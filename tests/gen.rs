//! `karta gen`: the same arguments give the same roadmap; it opens and
//! exports like any other.

mod common;

use assert_cmd::Command;

fn generate(dir: &std::path::Path, name: &str, seed: &str) -> String {
    let file = dir.join(name);
    Command::from_std(common::karta_command(dir))
        .args([
            "gen",
            "--activities",
            "50",
            "--edits",
            "200",
            "--seed",
            seed,
            "-o",
        ])
        .arg(&file)
        .assert()
        .success();
    let out = common::karta_command(dir)
        .arg("export")
        .arg(&file)
        .args(["--format", "json"])
        .output()
        .expect("export");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn same_seed_gives_the_same_roadmap() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = generate(dir.path(), "a.karta", "7");
    let b = generate(dir.path(), "b.karta", "7");
    let c = generate(dir.path(), "c.karta", "8");
    assert_eq!(a, b);
    assert_ne!(a, c);
    let json: serde_json::Value = serde_json::from_str(&a).expect("json");
    assert_eq!(json["sections"][0]["kind"], "mechanism");
    assert_eq!(json["sections"][0]["sections"][0]["kind"], "system");
    let stages = json["sections"][0]["sections"][0]["sections"]
        .as_array()
        .expect("stages");
    assert_eq!(stages.len(), 9);
}
