//! Zip containers (.docx, .xlsx) read within bounds: a part is never
//! unpacked past a fixed size, whatever its header claims, so a zip bomb
//! costs at most that much memory.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::{Format, Problem};

/// Most bytes one unpacked part may hold.
pub const MAX_PART: u64 = 64 * 1024 * 1024;

/// Most bytes all unpacked parts together may hold.
pub const MAX_TOTAL: u64 = 256 * 1024 * 1024;

/// Most entries a container may list.
const MAX_ENTRIES: usize = 10_000;

/// An opened zip container.
pub struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
}

impl<'a> Archive<'a> {
    /// Opens the zip in `bytes`.
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, Problem> {
        let zip =
            ZipArchive::new(Cursor::new(bytes)).map_err(|e| Problem::DamagedZip(e.to_string()))?;
        if zip.len() > MAX_ENTRIES {
            return Err(Problem::DamagedZip(format!("{} entries", zip.len())));
        }
        Ok(Archive { zip })
    }

    /// Which office format the container holds, if any.
    pub fn format(&self) -> Option<Format> {
        if self.zip.index_for_name("word/document.xml").is_some() {
            Some(Format::Docx)
        } else if self.zip.index_for_name("xl/workbook.xml").is_some() {
            Some(Format::Xlsx)
        } else {
            None
        }
    }

    /// The bytes of part `name` (None when absent), refusing one that unpacks
    /// to more than [`MAX_PART`].
    pub fn bytes(&mut self, name: &str) -> Result<Option<Vec<u8>>, Problem> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let file = self
            .zip
            .by_index(index)
            .map_err(|e| Problem::DamagedZip(format!("{name}: {e}")))?;
        let mut out = Vec::new();
        file.take(MAX_PART + 1)
            .read_to_end(&mut out)
            .map_err(|e| Problem::DamagedZip(format!("{name}: {e}")))?;
        if out.len() as u64 > MAX_PART {
            return Err(Problem::PartTooLarge(name.to_string()));
        }
        Ok(Some(out))
    }

    /// Part `name` as UTF-8 text (None when absent).
    pub fn text(&mut self, name: &str) -> Result<Option<String>, Problem> {
        match self.bytes(name)? {
            None => Ok(None),
            Some(bytes) => {
                let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
                String::from_utf8(bytes.to_vec())
                    .map(Some)
                    .map_err(|_| Problem::BadXml(format!("{name}: not UTF-8")))
            }
        }
    }

    /// The whole container repacked without compression, every part read
    /// within bounds: what a reader that unpacks by itself may safely be given.
    pub fn repacked(&mut self) -> Result<Vec<u8>, Problem> {
        let names: Vec<String> = self
            .zip
            .file_names()
            .filter_map(Result::ok)
            .map(|n| n.into_owned())
            .collect();
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .large_file(false);
        let mut total = 0u64;
        for name in names {
            if name.ends_with('/') {
                continue;
            }
            let Some(bytes) = self.bytes(&name)? else {
                continue;
            };
            total += bytes.len() as u64;
            if total > MAX_TOTAL {
                return Err(Problem::PartTooLarge(name));
            }
            let write = |e: &dyn std::fmt::Display| Problem::DamagedZip(format!("{name}: {e}"));
            out.start_file(name.as_str(), options)
                .map_err(|e| write(&e))?;
            std::io::Write::write_all(&mut out, &bytes).map_err(|e| write(&e))?;
        }
        let cursor = out
            .finish()
            .map_err(|e| Problem::DamagedZip(e.to_string()))?;
        Ok(cursor.into_inner())
    }
}
