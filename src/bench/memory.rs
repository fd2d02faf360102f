//! The process's memory as Linux reports it in `/proc/self/status`.

/// A field of `/proc/self/status` in bytes (`VmHWM` peak resident,
/// `VmRSS` resident now); `None` where there is no such file.
pub fn status_bytes(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status
        .lines()
        .find(|l| l.split(':').next() == Some(field))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Peak resident memory of this process so far, in bytes.
pub fn peak_rss() -> Option<u64> {
    status_bytes("VmHWM")
}

/// Resident memory of this process now, in bytes.
pub fn rss() -> Option<u64> {
    status_bytes("VmRSS")
}
