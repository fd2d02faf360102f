//! The status line: one message, information or an error, until the next
//! key in the view.

/// How a message in the status line looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Plain information.
    Info,
    /// Something went wrong.
    Error,
}

/// The message shown, if any (else the line counts the roadmap).
#[derive(Debug, Clone, Default)]
pub struct StatusLine {
    /// The message and how it looks.
    pub message: Option<(String, Tone)>,
}

impl StatusLine {
    /// Shows a message.
    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), Tone::Info));
    }

    /// Shows an error.
    pub fn complain(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), Tone::Error));
    }

    /// Clears the line.
    pub fn clear(&mut self) {
        self.message = None;
    }
}
