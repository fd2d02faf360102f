#[test]
#[ignore]
fn perf() {
    let doc = karta::store::open(std::path::Path::new("/tmp/lifeperf/big.karta")).unwrap();
    let t = std::time::Instant::now();
    let c = karta::store::changed::ChangedSince::read(&doc).unwrap();
    eprintln!("read {:?} count {}", t.elapsed(), c.count());
    let ids: Vec<String> = doc
        .roadmap()
        .activities_with_path()
        .iter()
        .take(3)
        .map(|(_, a)| a.id.clone())
        .collect();
    let mut c = c;
    let t = std::time::Instant::now();
    c.update(&doc, ids.iter().map(|s| s.as_str()));
    eprintln!("update {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let r = karta::store::since::report(&doc, &karta::store::since::Since::Approved).unwrap();
    eprintln!("report {:?} {}", t.elapsed(), r.groups.len());
    let t = std::time::Instant::now();
    let _ = doc.roadmap();
    eprintln!("roadmap {:?}", t.elapsed());
}
