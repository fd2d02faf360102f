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
