//! Approving the edition from the editor: the form for the order's number
//! and date, then, as `karta approve` does, the heading takes the order
//! and the approval of the roadmap as it stands is recorded — one undo
//! step, journaled at once.

use chrono::NaiveDate;

use crate::model::text::{one_line, sanitize};
use crate::present::since::order_name;
use crate::store::write::edit::MetaField;

use super::app::App;
use super::deferred::Deferred;
use super::overlay::{ApproveForm, Overlay};
use super::target::{meta_current, meta_shown, meta_value};
use super::undo::Op;

impl App {
    /// Opens the approval form, filled in with the order of the heading
    /// (an imported roadmap names the order that approved it) or today.
    pub(super) fn begin_approve(&mut self) {
        let number = meta_shown(self, MetaField::ApprovalNumber);
        let mut date = meta_shown(self, MetaField::ApprovalDate);
        if date.is_empty() {
            date = self.today.format("%d.%m.%Y").to_string();
        }
        self.overlay = Overlay::Approve(Box::new(ApproveForm::new(&number, &date)));
    }

    /// Records the approval the form names; a number left empty or a date
    /// that is not one keeps the form open, saying why.
    pub(super) fn commit_approve(&mut self, mut form: ApproveForm) {
        let lang = self.lang;
        let number = one_line(&sanitize(&form.number_text())).trim().to_string();
        let date = meta_value(MetaField::ApprovalDate, &form.date_text(), lang)
            .ok()
            .and_then(|iso| NaiveDate::parse_from_str(&iso, "%Y-%m-%d").ok());
        let refusal = match (&number, date) {
            (n, _) if n.is_empty() => Some(
                lang.t("укажите номер приказа", "give the order's number")
                    .to_string(),
            ),
            (_, None) => Some(format!(
                "«{}»: {}",
                one_line(&form.date_text()),
                lang.t(
                    "не дата; пишите ДД.ММ.ГГГГ, например 28.10.2021",
                    "not a date; write DD.MM.YYYY, e.g. 28.10.2021"
                )
            )),
            _ => None,
        };
        let (Some(date), None) = (date, &refusal) else {
            form.error = refusal;
            self.overlay = Overlay::Approve(Box::new(form));
            return;
        };
        self.approve(number, date);
    }

    /// Approves the edition by the order `number` of `date`; kept for the
    /// document when it is coming (see `deferred.rs`).
    pub(super) fn approve(&mut self, number: String, date: NaiveDate) {
        if self.keeps_for_doc(|| Deferred::Approve {
            number: number.clone(),
            date,
        }) {
            return;
        }
        let lang = self.lang;
        let approved = self.document.doc.approval(&number, date);
        let (id, said) = (approved.id.clone(), order_name(&approved, lang));
        let ops = vec![
            Op::Meta {
                field: MetaField::ApprovalNumber,
                old: meta_current(self, MetaField::ApprovalNumber),
                new: number,
            },
            Op::Meta {
                field: MetaField::ApprovalDate,
                old: meta_current(self, MetaField::ApprovalDate),
                new: date.to_string(),
            },
            Op::Approval(Box::new(approved)),
        ];
        let label = format!(
            "{} ({said})",
            lang.t("Утверждение редакции", "Approval of the edition")
        );
        self.apply_step(label, ops, None);
        if self
            .document
            .since
            .as_ref()
            .is_some_and(|s| s.approved.id == id)
        {
            self.status.say(format!(
                "{}: {said}",
                lang.t("Редакция утверждена", "Edition approved")
            ));
        }
    }
}
