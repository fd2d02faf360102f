# karta's messages in English. Every message is also in
# locales/ru/karta.ftl with the same variables (tests/catalogue.rs checks).
# $gender and $case choose Russian forms; English needs neither.

## Counts

activities = { $count } { $count ->
        [one] activity
       *[other] activities
    }
sections = { $count } { $count ->
        [one] section
       *[other] sections
    }
people-count = { $count } { $count ->
        [one] person or body
       *[other] people and bodies
    }
size-bytes = { $count } { $count ->
        [one] byte
       *[other] bytes
    }
size-kb = { $count } KB
size-mb = { $count } MB
size-gb = { $count } GB

## Changes in words (describe.rs)

author-unknown = unknown author
item-section = section { $name }
item-heading = the heading
field-text = the text
field-deadline = the deadline
field-responsible = the responsible
field-status = the status
field-number = the number
field-title = the title
field-stage = the cycle stage
field-column = the column { $name }
field-roadmap-title = the title of the roadmap
field-municipality = the municipality
field-order-number = the order number
field-order-date = the order date
field-period-from = the start of the period
field-period-to = the end of the period
field-notes = the notes
value-not-set = «not set»
change-added = added { $item }
change-removed = deleted { $item }
change-restored = restored { $item }
change-renumbered = renumbered the roadmap: { $count } { $count ->
        [one] number
       *[other] numbers
    }
change-moved = moved { $item } { $place }
place-within = within { $section }
place-elsewhere = to another place
place-into = to { $section }
place-top = to the top level
change-field = changed { $field } of { $item }: { $values }
change-heading-field = changed { $field }: { $values }
deletion-kept = all kept in the bin (karta trash); bring it back with karta restore
deleted-but-edited = { $who } deleted { $item }, but { $edits }
and-but = {", and "}
place-in-it = in it
place-in = in { $item }
unseen-mine = you changed { $place } { $field }: { $values }
unseen-by = { $who } changed { $place } { $field }: { $values }
unseen-someone = someone changed { $place } { $field }: { $values }

## The recycle bin

trash-line = { $item } — deleted by { $who } { $time }
trash-line-with = { $item } (with { $count } { $count ->
        [one] activity
       *[other] activities
    }) — deleted by { $who } { $time }

## Comments

comment-added = commented on { $item }: { $text }
comment-edited = changed a comment on { $item }: { $values }
comment-removed = removed a comment on { $item }: { $text }
comment-restored = brought back a comment on { $item }: { $text }

## History (karta log)

log-resolved = resolved a conflict: { $said }
log-approved = approved the edition: { $order }
log-more = … and { $count } more
log-none = { $file }: no changes

## Merge risks

risk-kept-in-bin = all kept in the bin ({ $key })
risk-conflict = a conflict — { $item }, { $field }: { $values }
risk-you = you
risk-or = {" or "}
risk-duplicate = number { $number } will be shared by { $count } { $count ->
        [one] activity
       *[other] activities
    }: { $labels }

## The order

order-dated-numbered = order of { $date } № { $number }
order-dated = order of { $date }
order-numbered = order № { $number }
order = order

## Other counts

bin-deleted-with = Deleted with it: { $count } { $count ->
        [one] activity
       *[other] activities
    } — they come back too
ask-delete-section = Delete section «{ $section }» and all in it ({ $count } { $count ->
        [one] activity
       *[other] activities
    })? All of it can be brought back from the bin{ $bin }.
person-line = { $name } — { $count } { $count ->
        [one] activity
       *[other] activities
    }, { $overdue } overdue, { $done } done
section-holds = a section with { $count } { $count ->
        [one] activity
       *[other] activities
    }
since-none = no changes
since-changed = { $count } { $count ->
        [one] activity
       *[other] activities
    } changed
import-approved = approved: { $order }

## File errors (present/errors.rs)

error-too-large = { $file }: the file is too large for a roadmap ({ $size }, the limit is { $limit })
error-corrupt = { $file }: damaged, or not a karta file; your files are unchanged
error-foreign = { $file }: an Automerge document, but not a karta roadmap
error-newer-format = { $file }: written in karta format version { $version }, this karta reads up to { $supported }; update karta
error-failed = the change to the document failed; nothing was saved
error-different-roadmap = { $file }: not a copy of this roadmap but another one (imported separately); such files are never merged
error-missing-earlier = { $file }: these changes continue { $count } earlier { $count ->
        [one] change
       *[other] changes
    } you have not received yet; merge the earlier file of changes or the sender's whole file first
error-damaged = { $file }: the file of changes is { $damage }; nothing was applied — ask the sender for it again
damage-unreadable = not readable
damage-cut-off = cut off (incomplete)
damage-corrupted = damaged
damage-unknown = of an unknown kind
error-is-bundle = { $file }: a file of changes, not a roadmap; merge it into your roadmap: karta merge ROADMAP { $file }
error-too-deep = { $file }: merging would nest sections { $depth } levels deep (karta shows at most { $limit }); not merged
error-not-a-file = { $file }: not a regular file but a device or a pipe; karta reads only files
error-into-itself = a section cannot be moved into itself or into one of its own subsections
error-locked = { $file }: in use by another program ({ $lock } exists); try again, or remove that file if no karta is running
io-not-found = no such file
io-permission = permission denied
io-folder = a folder, not a file
io-exists = the file already exists
io-disk-full = the disk is full
io-read-only = read-only disk
details-in = details in
internal-error = internal error; nothing more was saved

## Not found in the roadmap (store)

as-written = { $text }
no-activity-id = no activity with id { $id }
no-section-id = no section with id { $id }
no-comment = no comment { $id }
field-not-on-activity = this field cannot be set on an activity
field-not-on-section = this field cannot be set on a section
field-not-on-heading = this field cannot be set on the heading
not-a-map = the document's «{ $key }» is not a map (another program wrote it); it is left as it is
not-a-change = «{ $text }» is not a change: give at least 4 hex digits of its hash (see karta log)
no-change = no change { $prefix }
many-changes = { $prefix } names { $count } changes; give more digits
no-approved-edition = no approved edition yet (record one with karta approve)
nothing-with-id = nothing with id { $id }
nothing-deleted-with-id = nothing deleted with id { $id }
document-lacks = the document has no { $key }
not-a-stage-number = «{ $text }» is not a stage number (1 to 9)
no-place-section = no «{ $place }»: the roadmap has { $count } { $count ->
        [one] section
       *[other] sections
    }
no-place-activity = no «{ $place }»: the roadmap has { $count } { $count ->
        [one] activity
       *[other] activities
    }
no-number = nothing numbered «{ $number }»
no-number-near = nothing numbered «{ $number }» (close: { $near })
many-numbered = { $count } items are numbered «{ $number }»: { $list }; renumber the roadmap (karta renumber) to tell them apart
no-field = no field «{ $name }» here; fields: { $fields }
not-a-status = «{ $text }» is not a status; use one of: { $statuses }
not-a-stage = «{ $text }» is not a stage of the management cycle: give 1 to 9 (1 Цели … 9 Анализ эффективности), or - to clear
load-failed = loading the file failed
no-file-chosen = no file chosen
save-failed = the save failed

## Reports (karta report)

report-period = period { $from } – { $to }
report-gap = gap: no activities
report-direction-responsible = responsible for the direction: { $people }
report-also-written = also written as: { $spellings }
report-via-direction = for the direction
report-as-of = as of { $day }
report-next = next { $from }–{ $to }
report-by = by { $day }
report-guess = a guess
status-planned = planned
status-in-progress = in progress
status-done = done
status-cancelled = cancelled

## Command errors

exists-use-force = { $file }: already exists; choose another name or add --force to replace it
text-empty = { $file }: the activity's text is empty (--text)
comment-edit-needs-text = --edit ID "text": give the new text
comment-remove-alone = --remove ID takes nothing more
comment-usage = karta comment FILE NUMBER "text" (or --edit ID "text", --remove ID)
bundle-needs-since = { $file }: say what the other side has: --since FILE or --to NAME
pick-without-conflict = { $file }: no conflict in this field; set a value instead of --pick
pick-out-of-range = { $file }: --pick { $pick }: choose 1 to { $count }
show-binary-format = --format { $format }: karta export -o FILE writes Word and Excel files
no-config-folder = no config folder on this system (set KARTA_CONFIG_DIR)
no-data-folder = no data folder on this system (set KARTA_DATA_DIR)

## The editor's status line: what happened

edited = { $what ->
        [text] Text changed
        [deadline] Deadline changed
        [responsible] Responsible changed
        [status] Status changed
        [number] Number changed
        [section-title] Section title changed
        [section-number] Section number changed
        [section-responsible] Responsible for the direction changed
        [heading] Heading changed
       *[cell] Column changed
    }
activity-deleted = Activity deleted
section-deleted = Section deleted
rm-done = moved to the bin: { $what ->
        [section] section
       *[activity] activity
    } { $name }{ $count ->
        [0] {""}
       *[other] {" "}and everything in it ({ $count })
    }; bring it back with karta restore

## karta whoami

name-empty = the name is empty
whoami-gender = { $name } ({ $gender ->
        [f] f
       *[m] m
    })
whoami-unset = not set; set it with: karta whoami --set "Фамилия И.О." [--gender f|m]

## Exchanging files (merge, bundle)

bundle-written = { $file }: { $count } { $count ->
        [one] change
       *[other] changes
    }, { $size } (the whole file: { $whole })
merge-new-changes = { $file }: { $count } new { $count ->
        [one] change
       *[other] changes
    }
merge-kept-aside = { $file }: these changes continue earlier ones you have not received yet; kept aside, applied by itself when the earlier ones arrive
merge-released = applied a file of changes kept aside earlier: { $count } new { $count ->
        [one] change
       *[other] changes
    }
merge-conflicts = { $count } { $count ->
        [one] conflict
       *[other] conflicts
    }: see karta conflicts { $file }

## Usage errors (cli_help.rs)

usage-see-help = For more information, try '--help'.
usage-invalid-value = invalid value «{ $value }» for { $arg }; possible: { $valid }
usage-bad-value = { $arg }: { $why }
usage-unknown-argument = unexpected argument { $arg }
usage-unknown-command = unrecognized subcommand { $command }
usage-missing = missing: { $arg }
usage-conflict = { $arg } cannot be used with { $other }
usage-values = { $arg }: wrong number of values
usage-other = the command is not written right
not-a-date = «{ $text }» is not a date in the form YYYY-MM-DD
not-a-period = «{ $text }» is not a period of years (YYYY or YYYY-YYYY)
not-a-delimiter = «{ $text }»: one ASCII character or "tab"
not-a-gender = «{ $text }»: f or m (ж or м)

## src/present/groups.rs

groups-overdue = Overdue
groups-next-30-days = Next 30 days
groups-later = Later
groups-past-done-or-cancelled = Past, done or cancelled
groups-recurring = Recurring
groups-event-driven = Event-driven
groups-continuous = Continuous
groups-not-understood = Not understood
groups-no-deadline = No deadline

## src/present/coverage.rs

coverage-outside-sections = Outside sections
coverage-system-section = System / section
coverage-a-gap-no-activities-3 = ○ — a gap (no activities); 3~ — stage told from the wording; ? — stage not told
coverage-not-told = not told
coverage-set-by-hand = set by hand
coverage-from-the-section = from the section
coverage-from-the-wording = from the wording
coverage-coverage-of-the-management-cycle = Coverage of the management cycle

## src/present/since.rs

since-since-the-approved-edition = since the approved edition
since-since-the-change-of = since the change of
since-since = since
since-list-of-changes = List of changes
since-changes = Changes
since-outside-sections-and-the-heading = Outside sections, and the heading
since-added = added
since-deleted = deleted
since-restored = restored
since-renumbered = renumbered:
since-the-top-level = the top level
since-moved-within-its-section = moved within its section
since-moved-from = moved from
since-to = to

## src/commands/approval.rs

approval-the-order-number-is-empty = the order number is empty
approval-edition-approved = edition approved
approval-no-approved-edition-karta-approve = no approved edition (karta approve records one)
approval-recorded-by = recorded by

## src/commands/collab.rs

collab-could-not-remember-what-was = could not remember what was received
collab-nothing-new-the-file-is = nothing new, the file is unchanged
collab-no-visible-changes = (no visible changes)
collab-merged-and-saved = merged and saved
collab-preview-the-file-is-unchanged = preview, the file is unchanged
collab-no-conflicts = no conflicts
collab-choose-karta-resolve-file-number = choose: karta resolve FILE NUMBER FIELD --pick N, or type your own value instead of --pick; for text, --keep-both keeps every value
collab-no-conflict-in-this-field = no conflict in this field
collab-only-text-can-keep-both = only text can keep both; choose a value (--pick N)
collab-conflict-resolved = conflict resolved:

## src/commands/comment.rs

comment-comment-on = comment on
comment-comment-changed = comment changed
comment-the-comment-already-says-so = the comment already says so
comment-comment-removed = comment removed:
comment-the-comment-is-empty = the comment is empty
comment-no-comments = no comments

## src/commands/diff.rs

diff-no-approved-edition-yet-record = no approved edition yet: record one with karta approve FILE --number N --date YYYY-MM-DD
diff-list-of-changes-written = list of changes written
diff-name-the-file-o-file = name the file: -o FILE.docx

## src/commands/edit.rs

edit-already-that-value = already that value
edit-the-heading-cannot-be-deleted = the heading cannot be deleted
edit-add-section-to-delete-it = add --section to delete it with everything in it

## src/commands/export.rs

export-export = export
export-over-roadmap = { $file }: a karta roadmap; an export is not written over it — choose another file name
export-a-word-or-excel-file = a Word or Excel file is not shown on the terminal: give -o FILE

## src/commands/import.rs

import-read-as = read as
import-title = title
import-municipality = municipality
import-period = period
import-deadlines-not-understood = deadlines not understood
import-deadlines-read-with-a-guess = deadlines read with a guess
import-note = note

## src/commands/peers.rs

peers-no-exchanges-yet-karta-bundle = no exchanges yet (karta bundle --to NAME sends, karta merge receives)
peers-nothing = nothing
peers-changes-up-to = changes up to
peers-sent = sent
peers-a-bundle-of = a bundle of
peers-received = received
peers-your-changes-they-have-not = your changes they have not received
peers-sync-server-remembered = sync server: { $server } (remembered for this roadmap; karta sync FILE exchanges with it)
peers-sync-server-config = sync server: { $server } (from the config, [sync] server; karta sync FILE exchanges with it)
peers-sync-server-live = sync server: { $server } — { $standing }
peers-sync-server-starting = sync server: { $server } — connecting once loaded
live-sending-before-quit = Sending the server { $count ->
    [one] { $count } change it does not have yet
   *[other] { $count } changes it does not have yet
}…

## src/commands/roadmap.rs

roadmap-new-roadmap = new roadmap
roadmap-numbers-changed = numbers changed:

## src/commands/trash.rs

trash-the-bin-is-empty = the bin is empty
trash-to-bring-one-back-karta = to bring one back: karta restore FILE NUMBER (or id)
trash-the-bin-holds-nothing-numbered = the bin holds nothing numbered
trash-several-in-the-bin-are = several in the bin are numbered; give the id

## A field as the subject of a line (list of changes)

subject-text = text
subject-deadline = deadline
subject-responsible = responsible
subject-status = status
subject-number = number
subject-title = title
subject-stage = cycle stage
subject-roadmap-title = title of the roadmap
subject-municipality = municipality
subject-order-number = order number
subject-order-date = order date
subject-period-from = start of the period
subject-period-to = end of the period
subject-notes = notes

## src/tui/document.rs

document-sample-not-saved = sample (not saved)


## src/tui/overlay/help.rs

help-help-keys = Help — keys
help-closes = closes

## src/tui/overlay/filter.rs

filter-any = any
filter-responsible = Responsible
filter-status = Status
filter-deadline = Deadline
filter-change = change
filter-applies = applies
filter-filter = Filter

## src/tui/overlay/comment.rs

comment-add = add
comment-new-line = new line
comment-cancel = cancel

## src/tui/overlay/question.rs

question-yes = yes
question-no = no

## src/tui/overlay/merge.rs

merge-merge = Merge
merge-merge-2 = Merge?

## src/tui/overlay/prompt.rs

prompt-pick = Pick

## src/tui/forms.rs

forms-choose-an-activity-or-a = Choose an activity or a section
forms-activity = Activity
forms-responsible = Responsible
forms-number = Number
forms-roadmap-heading = Roadmap heading
forms-choose-an-activity = Choose an activity

## src/tui/loader.rs

loader-unsaved-changes-restored-from-the = Unsaved changes restored from the journal:
loader-read-only-the-file-did = Read-only, the file did not load:

## src/tui/ui/mod.rs

ui-window-too-small-need = Window too small: need
ui-filter = filter
ui-saving = Saving…

## src/tui/ui/detail.rs

detail-details = {" Details "}
detail-cycle-stage = Cycle stage
detail-responsible-for-the-direction = Responsible for the direction
detail-in-all = In all
detail-gap-in-the-management-cycle = Gap in the management cycle: no activities
detail-conflict = Conflict —
detail-responsible-for-the-direction-2 = {" (responsible for the direction)"}
detail-comments = Comments
detail-none = none
detail-by = by
detail-recurring = recurring
detail-on-an-event = on an event
detail-continuous = continuous
detail-no-deadline = no deadline
detail-not-understood = not understood
detail-a-guess = (a guess)

## src/tui/ui/table.rs

table-nothing-matches-the-filter = Nothing matches the filter
table-clears-it = clears it
table-empty = Empty
table-adds-an-activity = adds an activity
table-a-section = a section
table-gap-no-activities = {" — gap: no activities"}

## src/tui/trash.rs

trash-the-bin-is-empty-2 = The bin is empty
trash-restore = restore
trash-recycle-bin = Recycle bin
trash-close = close
trash-reading = Recycle bin: reading…
trash-restored-from-the-bin = Restored from the bin
trash-changed-after-the-deletion-by = Changed after the deletion by people who did not see it; all kept:

## src/tui/app.rs

app-change-journal = change journal

## src/tui/saving.rs

saving-not-saved = Not saved:
saving-saved-together-with-changes-another = Saved together with changes another program made to the file
saving-saved = Saved:

## src/tui/structure.rs

structure-choose-a-section-or-an = Choose a section or an activity
structure-delete-activity = Delete activity
structure-move-to-section = Move to section
structure-move = Moved to another section
structure-renumber-the-whole-roadmap-1 = Renumber the whole roadmap (1., 1.1., …)? Sub-items stay sub-items; undo brings the old numbers back.

## src/tui/editing.rs

editing-activity-added = Activity added
editing-section-added = Section added
editing-restored-the-text-typed-before = Restored the text typed before a crash:
editing-keep-it = keep it
editing-drop-it = drop it
editing-undone = Undone:
editing-nothing-to-undo = Nothing to undo
editing-redone = Redone:
editing-nothing-to-redo = Nothing to redo

## src/tui/collab.rs

collab-nothing-new = nothing new
collab-no-visible-changes-2 = (no visible changes)
collab-no-conflicts-2 = No conflicts
collab-conflicts-choose-one-to-resolve = Conflicts: choose one to resolve
collab-you = you
collab-keep = Keep
collab-keep-both-each-paragraph-once = Keep both (each paragraph once)
collab-type-a-value-of-my = Type a value of my own…
collab-conflict-resolved-2 = Conflict resolved
collab-choose-one-of-the-values = Choose one of the values
collab-no-changes = No changes
collab-history = History

## src/tui/target.rs

target-responsible-one-per-line = Responsible (one per line
target-completes-a-name = completes a name
target-section-title = Section title
target-section-number = Section number
target-new-activity = New activity
target-new-section = New section
target-search = Search
target-save-as = Save as
target-export-to-a-file-docx = Export to a file (.docx, .xlsx, .csv, .md, .ics, .json; path from the roadmap's folder)
target-merge-a-file-a-karta = Merge a file (a .karta or a bundle; path from the roadmap's folder)
target-title = Title
target-municipality = Municipality
target-order-number = Order number
target-order-date = Order date
target-period-from = Period from
target-period-to = Period to
target-notes = Notes
target-not-a-date-write-dd = not a date; write DD.MM.YYYY

## src/tui/browse.rs

browse-filter-and-search-cleared = Filter and search cleared
browse-search-for-something-first = Search for something first
browse-not-found = Not found:





## src/tui/run.rs

run-needs-a-terminal-for-a = needs a terminal (for a report: karta report FILE)
run-internal-error-in-the-editor = internal error in the editor; the edits made are in the journal
run-loading-the-file = Loading the file…

## src/tui/comments.rs

comments-comments-are-on-activities-select = Comments are on activities: select one
comments-comment-on = Comment on
comments-comment-added = Comment added

## src/tui/update.rs

update-merge-cancelled-nothing-changed = Merge cancelled, nothing changed
update-no-action-for-key = No action for key
update-help = help
update-already-exists-choose-another-name = already exists; choose another name
update-roadmap = roadmap
update-give-an-extension-docx-xlsx = give an extension: .docx, .xlsx, .csv, .md, .ics or .json
update-exported = Exported:
update-there-are-unsaved-changes-save = There are unsaved changes. Save before quitting?

## src/import/mod.rs

import-tab-separated-text = tab-separated text
import-markdown-tables = Markdown tables
import-word-document-docx = Word document (.docx)
import-excel-workbook-xlsx = Excel workbook (.xlsx)
import-a-damaged-or-truncated-archive = a damaged or truncated archive
import-part = part
import-unpacks-to-more-than = unpacks to more than
import-a-damaged-document-xml = a damaged document (XML)
import-the-excel-workbook-cannot-be = the Excel workbook cannot be read
import-not-valid-text-in = not valid text in
import-record = record

## src/tui/overlay/question.rs

question-yes-2 = yes
question-no-2 = no
question-save-and-quit = save and quit
question-quit-without-saving = quit without saving
question-back-to-editing = back to editing
question-question = Question

## src/tui/view/coverage.rs

coverage-cycle-coverage = Cycle coverage
coverage-view-coverage-of-the-management = View: coverage of the management cycle (gaps by stage)
coverage-gap-3-from-the-wording = ○ — gap, 3~ — from the wording, ? — stage not told

## src/tui/view/deadline.rs

deadline-by-deadline = By deadline
deadline-view-by-deadline = View: by deadline

## src/tui/view/mechanism.rs

mechanism-by-mechanism = By mechanism
mechanism-view-by-mechanism = View: by mechanism

## src/tui/view/person.rs

person-by-responsible = By responsible
person-view-by-responsible = View: by responsible
person-nobody-responsible = Nobody responsible

## The editor's modes (tui/action.rs)

mode-browsing = Browsing
mode-editing = Editing text
mode-choosing = Choosing from a list
mode-typing = Typing a line
mode-question = Question

## src/import/mod.rs

problem-a-pdf-file-karta-reads = a PDF file: karta reads Word and Excel documents, text, Markdown and CSV
problem-a-zip-archive-that-is = a zip archive that is neither a Word document (.docx) nor an Excel workbook (.xlsx)
problem-a-binary-file-not-text = a binary file, not text
problem-no-table-found-expected-word = no table found: expected Word, Excel, Markdown, CSV or tab-separated rows
problem-no-header-row-naming-the = no header row naming the columns (such as «Мероприятия», «Сроки», «Ответственные») was found

## Counts in the editor's and the commands' messages

journal-damaged = The journal is damaged: { $count } { $count ->
        [one] record
       *[other] records
    } restored, the journal set aside as { $name }
merged-from = Merged from { $file }: { $count } { $count ->
        [one] change
       *[other] changes
    }{ $kept ->
        [0] {""}
       *[other] ; { $kept } { $kept ->
            [one] file
           *[other] files
        } kept aside earlier applied
    }; { $conflicts } { $conflicts ->
        [one] conflict
       *[other] conflicts
    }
warning-stray-text = line { $line }: text outside the table kept in the notes
warning-extra-cells = line { $line }: { $count } { $count ->
        [one] cell
       *[other] cells
    } more than the header has; joined to the last column
warning-period-from-deadlines = period not named in the title; taken from the years in the deadlines: { $from }–{ $to }
restored-with = and { $count } more with it
approvals-kept = the earlier approvals are kept ({ $count })
approval-changes-after = { $count } { $count ->
        [one] change
       *[other] changes
    } since
coverage-gaps = Gaps: { $count }. Set an activity's stage by hand: karta set FILE NUMBER stage 1–9
renumbered = Roadmap renumbered: { $count } { $count ->
        [one] number
       *[other] numbers
    } changed

## Steps waiting for the document (tui/deferred.rs)
deferred-waits = Will be done as soon as the document is ready ({ $count } waiting)
deferred-parent-gone = The section was deleted while waiting for the document; not added: «{ $text }»
deferred-undo-lost = An undo pressed before the crash was not made ({ $count }): it was for a step made earlier still — check that step
deferred-opens-when-ready = Will open as soon as the document is ready
deferred-ask-again = The document is ready — press the key again to open it
