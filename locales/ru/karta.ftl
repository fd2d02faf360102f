# Каталог сообщений karta на русском. Каждое сообщение есть и в
# locales/en/karta.ftl с теми же переменными (проверяет tests/catalogue.rs).
# $gender — род автора: f, m или other (неизвестен); $case — падеж.

## Счёт

activities = { $count } { $count ->
        [one] мероприятие
        [few] мероприятия
       *[many] мероприятий
    }
sections = { $count } { $count ->
        [one] раздел
        [few] раздела
       *[many] разделов
    }
people-count = { $count } { $count ->
        [one] ответственный
       *[other] ответственных
    }
size-bytes = { $count } { $count ->
        [one] байт
        [few] байта
       *[many] байт
    }
size-kb = { $count } КБ
size-mb = { $count } МБ
size-gb = { $count } ГБ

## Изменения словами (describe.rs)

author-unknown = неизвестный автор
item-section = { $case ->
        [genitive] раздела
        [dative] разделу
       *[nominative] раздел
    } { $name }
item-heading = { $case ->
        [genitive] заголовка карты
        [dative] заголовку карты
       *[nominative] заголовок карты
    }
field-text = текст
field-deadline = срок
field-responsible = ответственных
field-status = статус
field-number = номер
field-title = название
field-stage = этап цикла
field-column = графу { $name }
field-roadmap-title = название карты
field-municipality = муниципалитет
field-order-number = номер приказа
field-order-date = дату приказа
field-period-from = начало периода
field-period-to = конец периода
field-notes = примечания
value-not-set = «не задан»
change-added = { $gender ->
        [f] добавила
        [m] добавил
       *[other] добавил(а)
    } { $item }
change-removed = { $gender ->
        [f] удалила
        [m] удалил
       *[other] удалил(а)
    } { $item }
change-restored = { $gender ->
        [f] восстановила
        [m] восстановил
       *[other] восстановил(а)
    } { $item }
change-renumbered = { $gender ->
        [f] перенумеровала
        [m] перенумеровал
       *[other] перенумеровал(а)
    } карту: { $count } { $count ->
        [one] номер
        [few] номера
       *[many] номеров
    }
change-moved = { $gender ->
        [f] переместила
        [m] переместил
       *[other] переместил(а)
    } { $item } { $place }
place-within = внутри { $section }
place-elsewhere = на другое место
place-into = в { $section }
place-top = на верхний уровень
change-field = { $gender ->
        [f] изменила
        [m] изменил
       *[other] изменил(а)
    } { $field } { $item }: { $values }
change-heading-field = { $gender ->
        [f] изменила
        [m] изменил
       *[other] изменил(а)
    } { $field }: { $values }
deletion-kept = всё сохранено в корзине (karta trash), вернуть — karta restore
deleted-but-edited = { $who } { $gender ->
        [f] удалила
        [m] удалил
       *[other] удалил(а)
    } { $item }, а { $edits }
and-but = {", а "}
place-in-it = в нём
place-in = в { $item }
unseen-mine = вы изменили { $place } { $field }: { $values }
unseen-by = { $who } { $gender ->
        [f] изменила
        [m] изменил
       *[other] изменил(а)
    } { $place } { $field }: { $values }
unseen-someone = кто-то изменил { $place } { $field }: { $values }

## Корзина

trash-line = { $item } — { $gender ->
        [f] удалила
        [m] удалил
       *[other] удалил(а)
    } { $who } { $time }
trash-line-with = { $item } (с { $count } { $count ->
        [one] мероприятием
       *[other] мероприятиями
    }) — { $gender ->
        [f] удалила
        [m] удалил
       *[other] удалил(а)
    } { $who } { $time }

## Комментарии

comment-added = { $gender ->
        [f] прокомментировала
        [m] прокомментировал
       *[other] прокомментировал(а)
    } { $item }: { $text }
comment-edited = { $gender ->
        [f] изменила
        [m] изменил
       *[other] изменил(а)
    } комментарий к { $item }: { $values }
comment-removed = { $gender ->
        [f] удалила
        [m] удалил
       *[other] удалил(а)
    } комментарий к { $item }: { $text }
comment-restored = { $gender ->
        [f] вернула
        [m] вернул
       *[other] вернул(а)
    } комментарий к { $item }: { $text }

## История (karta log)

log-resolved = { $gender ->
        [f] решила
        [m] решил
       *[other] решил(а)
    } конфликт: { $said }
log-approved = { $gender ->
        [f] утвердила
        [m] утвердил
       *[other] утвердил(а)
    } редакцию: { $order }
log-more = … и ещё { $count }
log-none = { $file }: изменений нет

## Риски объединения

risk-kept-in-bin = всё сохранено в корзине ({ $key })
risk-conflict = будет конфликт — { $item }, { $field }: { $values }
risk-you = вы
risk-or = {" или "}
risk-duplicate = номер { $number } будет у { $count } { $count ->
        [one] мероприятия
       *[other] мероприятий
    }: { $labels }

## Приказ

order-dated-numbered = приказ от { $date } № { $number }
order-dated = приказ от { $date }
order-numbered = приказ № { $number }
order = приказ

## Прочее со счётом

bin-deleted-with = Вместе с ним удалено: { $count } { $count ->
        [one] мероприятие
        [few] мероприятия
       *[many] мероприятий
    } — вернутся тоже
ask-delete-section = Удалить раздел «{ $section }» и всё в нём ({ $count } { $count ->
        [one] мероприятие
        [few] мероприятия
       *[many] мероприятий
    })? Вернуть всё можно из корзины{ $bin }.
person-line = { $name } — { $count } { $count ->
        [one] мероприятие
        [few] мероприятия
       *[many] мероприятий
    }, просрочено { $overdue }, выполнено { $done }
section-holds = в нём { $count } { $count ->
        [one] мероприятие
        [few] мероприятия
       *[many] мероприятий
    }
since-none = изменений нет
since-changed = изменено { $count } { $count ->
        [one] мероприятие
        [few] мероприятия
       *[many] мероприятий
    }
import-approved = утверждена: { $order }

## Ошибки файлов (present/errors.rs)

error-too-large = { $file }: файл слишком велик для дорожной карты ({ $size }, допускается до { $limit })
error-corrupt = { $file }: файл повреждён или это не файл karta; ваши файлы не изменены
error-foreign = { $file }: это документ Automerge, но не дорожная карта karta
error-newer-format = { $file }: файл записан более новой версией karta (формат { $version }, эта версия читает до { $supported }); обновите karta
error-failed = не удалось выполнить изменение в документе; ничего не сохранено
error-different-roadmap = { $file }: это не копия этой дорожной карты, а другая (импортированная отдельно); такие файлы не объединяются
error-missing-earlier = { $file }: эти изменения продолжают более ранние, которых у вас ещё нет ({ $count } { $count ->
        [one] изменение
        [few] изменения
       *[many] изменений
    }); сначала объедините более ранний файл изменений или весь файл отправителя
error-damaged = { $file }: файл изменений { $damage }; ничего не применено — попросите отправителя прислать его ещё раз
damage-unreadable = не читается
damage-cut-off = обрезан (пришёл не полностью)
damage-corrupted = повреждён
damage-unknown = неизвестного вида
error-is-bundle = { $file }: это файл изменений, а не дорожная карта; объедините его со своей картой: karta merge КАРТА { $file }
error-too-deep = { $file }: после объединения разделы были бы вложены на { $depth } { $depth ->
        [one] уровень
        [few] уровня
       *[many] уровней
    } (karta показывает до { $limit }); не объединено
error-not-a-file = { $file }: это не обычный файл, а устройство или канал; karta читает только файлы
error-into-itself = раздел нельзя перенести в самого себя или в его же подраздел
error-locked = { $file }: файл занят другой программой ({ $lock } существует); попробуйте ещё раз или удалите этот файл, если karta не запущена
io-not-found = файл не найден
io-permission = нет доступа к файлу
io-folder = это папка, а не файл
io-exists = файл уже существует
io-disk-full = на диске нет места
io-read-only = диск только для чтения
details-in = подробности — в
internal-error = внутренняя ошибка; больше ничего не сохранено

## Что не найдено в карте (store)

as-written = { $text }
no-activity-id = нет мероприятия с идентификатором { $id }
no-section-id = нет раздела с идентификатором { $id }
no-comment = нет комментария { $id }
field-not-on-activity = у мероприятия такого поля нет
field-not-on-section = у раздела такого поля нет
field-not-on-heading = в заголовке карты такого поля нет
not-a-map = в документе «{ $key }» записано не так, как пишет karta (другой программой); оставлено как есть
not-a-change = «{ $text }» — не изменение: укажите хотя бы 4 первые цифры его кода (см. karta log)
no-change = нет изменения { $prefix }
many-changes = { $prefix } подходит к { $count } { $count ->
        [one] изменению
       *[other] изменениям
    }; укажите больше цифр
no-approved-edition = утверждённой редакции ещё нет (отметьте её: karta approve)
nothing-with-id = нет ничего с идентификатором { $id }
nothing-deleted-with-id = в корзине нет ничего с идентификатором { $id }
document-lacks = в документе нет «{ $key }»
not-a-stage-number = «{ $text }» — не номер этапа (от 1 до 9)
no-place-section = нет «{ $place }»: в карте { $count } { $count ->
        [one] раздел
        [few] раздела
       *[many] разделов
    }
no-place-activity = нет «{ $place }»: в карте { $count } { $count ->
        [one] мероприятие
        [few] мероприятия
       *[many] мероприятий
    }
no-number = нет пункта с номером «{ $number }»
no-number-near = нет пункта с номером «{ $number }» (похожие: { $near })
many-numbered = номер «{ $number }» у { $count } { $count ->
        [one] пункта
       *[other] пунктов
    }: { $list }; перенумеруйте карту (karta renumber), чтобы их различить
no-field = здесь нет поля «{ $name }»; поля: { $fields }
not-a-status = «{ $text }» — не статус; возможные: { $statuses }
not-a-stage = «{ $text }» — не этап цикла управления: укажите от 1 до 9 (1 Цели … 9 Анализ эффективности) или - чтобы очистить
load-failed = загрузка файла прервалась
no-file-chosen = файл не выбран
save-failed = сохранение прервалось

## Отчёты (karta report)

report-period = период { $from } – { $to }
report-gap = пробел: нет мероприятий
report-direction-responsible = ответственные за направление: { $people }
report-also-written = также записан(а) как: { $spellings }
report-via-direction = за направление
report-as-of = на { $day }
report-next = след. { $from }–{ $to }
report-by = до { $day }
report-guess = предположительно
status-planned = запланировано
status-in-progress = в работе
status-done = выполнено
status-cancelled = отменено

## Ошибки команд

exists-use-force = { $file }: файл уже существует; выберите другое имя или добавьте --force, чтобы заменить его
text-empty = { $file }: текст мероприятия пуст (--text)
comment-edit-needs-text = --edit ID "текст": укажите новый текст
comment-remove-alone = --remove ID: больше ничего указывать не нужно
comment-usage = karta comment ФАЙЛ НОМЕР "текст" (или --edit ID "текст", --remove ID)
bundle-needs-since = { $file }: укажите, что уже есть у получателя: --since ФАЙЛ или --to ИМЯ
pick-without-conflict = { $file }: в этом поле нет конфликта; задайте значение вместо --pick
pick-out-of-range = { $file }: --pick { $pick }: выберите от 1 до { $count }
show-binary-format = --format { $format }: файлы Word и Excel пишет karta export -o ФАЙЛ
no-config-folder = в этой системе нет папки настроек (задайте KARTA_CONFIG_DIR)
no-data-folder = в этой системе нет папки данных (задайте KARTA_DATA_DIR)

## Строка состояния редактора: что произошло

edited = { $what ->
        [text] Текст изменён
        [deadline] Срок изменён
        [responsible] Ответственные изменены
        [status] Статус изменён
        [number] Номер изменён
        [section-title] Название раздела изменено
        [section-number] Номер раздела изменён
        [section-responsible] Ответственные за направление изменены
        [heading] Заголовок карты изменён
       *[cell] Графа изменена
    }
activity-deleted = Мероприятие удалено
section-deleted = Раздел удалён
rm-done = { $what ->
        [section] удалён раздел
       *[activity] удалено мероприятие
    } { $name }{ $count ->
        [0] {""}
       *[other] {" "}и всё, что в нём ({ $count })
    }; всё в корзине, вернуть — karta restore

## karta whoami

name-empty = имя пустое
whoami-gender = { $name } ({ $gender ->
        [f] ж
       *[m] м
    })
whoami-unset = имя не задано; задайте его: karta whoami --set "Фамилия И.О." [--gender ж|м]

## Обмен файлами (merge, bundle)

bundle-written = { $file }: изменений — { $count }, { $size } (весь файл — { $whole })
merge-new-changes = { $file }: новых изменений — { $count }
merge-kept-aside = { $file }: эти изменения продолжают более ранние, которых у вас ещё нет; файл отложен и будет применён сам, когда придут более ранние
merge-released = применён отложенный ранее файл изменений: новых изменений — { $count }
merge-conflicts = конфликтов: { $count } — см. karta conflicts { $file }

## Ошибки в записи команды (cli_help.rs)

usage-see-help = Справка: karta --help
usage-invalid-value = «{ $value }» — недопустимое значение для { $arg }; возможные: { $valid }
usage-bad-value = { $arg }: { $why }
usage-unknown-argument = неизвестный параметр { $arg }
usage-unknown-command = неизвестная команда { $command }
usage-missing = не хватает: { $arg }
usage-conflict = { $arg } нельзя указывать вместе с { $other }
usage-values = { $arg }: не то число значений
usage-other = команда записана неверно
not-a-date = «{ $text }» — не дата вида ГГГГ-ММ-ДД
not-a-period = «{ $text }» — не период лет (ГГГГ или ГГГГ-ГГГГ)
not-a-delimiter = «{ $text }»: нужен один знак ASCII или "tab"
not-a-gender = «{ $text }»: ж или м (f или m)

## src/present/groups.rs

groups-overdue = Просрочено
groups-next-30-days = Ближайшие 30 дней
groups-later = Позже
groups-past-done-or-cancelled = Срок прошёл, выполнено или отменено
groups-recurring = Регулярные
groups-event-driven = По событию
groups-continuous = Постоянно
groups-not-understood = Срок не распознан
groups-no-deadline = Без срока

## src/present/coverage.rs

coverage-outside-sections = Вне разделов
coverage-system-section = Направление / раздел
coverage-a-gap-no-activities-3 = ○ — пробел (нет мероприятий); 3~ — этап определён по формулировке; ? — этап не определён
coverage-not-told = не определён
coverage-set-by-hand = задан вручную
coverage-from-the-section = по разделу
coverage-from-the-wording = по формулировке
coverage-coverage-of-the-management-cycle = Охват управленческого цикла

## src/present/since.rs

since-since-the-approved-edition = с утверждённой редакции
since-since-the-change-of = после изменения от
since-since = с
since-list-of-changes = Лист изменений
since-changes = Изменения
since-outside-sections-and-the-heading = Вне разделов и заголовок карты
since-added = добавлено
since-deleted = удалено
since-restored = восстановлено
since-renumbered = перенумеровано:
since-the-top-level = верхний уровень
since-moved-within-its-section = перемещено на другое место в разделе
since-moved-from = перенесено из
since-to = в

## src/commands/approval.rs

approval-the-order-number-is-empty = номер приказа пуст
approval-edition-approved = редакция утверждена
approval-no-approved-edition-karta-approve = утверждённых редакций нет (karta approve отмечает утверждение)
approval-recorded-by = отметил(а)

## src/commands/collab.rs

collab-could-not-remember-what-was = не удалось запомнить, что получено
collab-nothing-new-the-file-is = ничего нового, файл не изменён
collab-no-visible-changes = (видимых изменений нет)
collab-merged-and-saved = слито и сохранено
collab-preview-the-file-is-unchanged = предпросмотр, файл не изменён
collab-no-conflicts = конфликтов нет
collab-choose-karta-resolve-file-number = выберите: karta resolve ФАЙЛ НОМЕР ПОЛЕ --pick N, или введите своё значение вместо --pick; для текста --keep-both оставит все варианты
collab-no-conflict-in-this-field = в этом поле нет конфликта
collab-only-text-can-keep-both = оставить оба можно только для текста; выберите значение (--pick N)
collab-conflict-resolved = конфликт решён —

## src/commands/comment.rs

comment-comment-on = комментарий к
comment-comment-changed = комментарий изменён
comment-the-comment-already-says-so = комментарий уже такой
comment-comment-removed = комментарий удалён:
comment-the-comment-is-empty = пустой комментарий
comment-no-comments = комментариев нет

## src/commands/diff.rs

diff-no-approved-edition-yet-record = утверждённой редакции ещё нет: отметьте её — karta approve ФАЙЛ --number N --date ГГГГ-ММ-ДД
diff-list-of-changes-written = лист изменений записан
diff-name-the-file-o-file = укажите файл: -o ФАЙЛ.docx

## src/commands/edit.rs

edit-already-that-value = уже это значение
edit-the-heading-cannot-be-deleted = заголовок карты удалить нельзя
edit-add-section-to-delete-it = чтобы удалить его со всем содержимым, добавьте --section

## src/commands/export.rs

export-export = экспорт
export-over-roadmap = { $file }: это дорожная карта karta; экспорт поверх неё не записывается — укажите другое имя файла
export-a-word-or-excel-file = файл Word или Excel не выводится на экран: укажите -o ФАЙЛ

## src/commands/import.rs

import-read-as = прочитано как
import-title = название
import-municipality = муниципалитет
import-period = период
import-deadlines-not-understood = сроки не распознаны
import-deadlines-read-with-a-guess = сроки прочитаны предположительно
import-note = примечание

## src/commands/peers.rs

peers-no-exchanges-yet-karta-bundle = обменов ещё не было (karta bundle --to ИМЯ отправляет, karta merge получает)
peers-nothing = ничего
peers-changes-up-to = изменения по
peers-sent = отправлено
peers-a-bundle-of = пакет от
peers-received = получено
peers-your-changes-they-have-not = ваших изменений, которых у них нет
peers-sync-server-remembered = сервер синхронизации: { $server } (запомнен для этой дорожной карты; karta sync ФАЙЛ обменивается с ним)
peers-sync-server-config = сервер синхронизации: { $server } (из настроек, [sync] server; karta sync ФАЙЛ обменивается с ним)
peers-sync-server-live = сервер синхронизации: { $server } — { $standing }
peers-sync-server-starting = сервер синхронизации: { $server } — подключение после загрузки
live-sending-before-quit = Отправляю на сервер { $count ->
    [one] { $count } изменение, которого там ещё нет
    [few] { $count } изменения, которых там ещё нет
   *[many] { $count } изменений, которых там ещё нет
}…

## src/commands/roadmap.rs

roadmap-new-roadmap = новая дорожная карта
roadmap-numbers-changed = изменено номеров:

## src/commands/trash.rs

trash-the-bin-is-empty = корзина пуста
trash-to-bring-one-back-karta = вернуть: karta restore ФАЙЛ НОМЕР (или id)
trash-the-bin-holds-nothing-numbered = в корзине нет
trash-several-in-the-bin-are = в корзине несколько с номером; укажите id

## Поле как подлежащее строки (лист изменений)

subject-text = текст
subject-deadline = срок
subject-responsible = ответственные
subject-status = статус
subject-number = номер
subject-title = название
subject-stage = этап цикла
subject-roadmap-title = название карты
subject-municipality = муниципалитет
subject-order-number = номер приказа
subject-order-date = дата приказа
subject-period-from = начало периода
subject-period-to = конец периода
subject-notes = примечания

## src/tui/document.rs

document-sample-not-saved = образец (не сохранён)


## src/tui/overlay/help.rs

help-help-keys = Справка — клавиши
help-closes = закрыть

## src/tui/overlay/filter.rs

filter-any = все
filter-responsible = Ответственный
filter-status = Статус
filter-deadline = Срок
filter-change = менять
filter-applies = применить
filter-filter = Фильтр

## src/tui/overlay/comment.rs

comment-add = добавить
comment-new-line = новая строка
comment-cancel = отмена

## src/tui/overlay/question.rs

question-yes = да
question-no = нет

## src/tui/overlay/merge.rs

merge-merge = Слить
merge-merge-2 = Слить?

## src/tui/overlay/prompt.rs

prompt-pick = Выбрать

## src/tui/forms.rs

forms-choose-an-activity-or-a = Выберите мероприятие или раздел
forms-activity = Мероприятие
forms-responsible = Ответственные
forms-number = Номер
forms-roadmap-heading = Заголовок дорожной карты
forms-choose-an-activity = Выберите мероприятие

## src/tui/loader.rs

loader-unsaved-changes-restored-from-the = Восстановлены несохранённые изменения из журнала:
loader-read-only-the-file-did = Только просмотр, файл не загружен:

## src/tui/ui/mod.rs

ui-window-too-small-need = Окно слишком мало: нужно
ui-filter = фильтр
ui-saving = Сохранение…

## src/tui/ui/detail.rs

detail-details = {" Подробности "}
detail-cycle-stage = Этап цикла
detail-responsible-for-the-direction = Ответственные за направление
detail-in-all = Всего
detail-gap-in-the-management-cycle = Пробел в управленческом цикле: нет мероприятий
detail-conflict = Конфликт —
detail-responsible-for-the-direction-2 = {" (ответственные за направление)"}
detail-comments = Комментарии
detail-none = нет
detail-by = до
detail-recurring = регулярно
detail-on-an-event = по событию
detail-continuous = постоянно
detail-no-deadline = срок не указан
detail-not-understood = срок не распознан
detail-a-guess = (предположительно)

## src/tui/ui/table.rs

table-nothing-matches-the-filter = Ничего не подходит под фильтр
table-clears-it = сбросить
table-empty = Пусто
table-adds-an-activity = добавить мероприятие
table-a-section = раздел
table-gap-no-activities = {" — пробел: нет мероприятий"}

## src/tui/trash.rs

trash-the-bin-is-empty-2 = Корзина пуста
trash-restore = вернуть
trash-recycle-bin = Корзина
trash-close = закрыть
trash-reading = Корзина: чтение…
trash-restored-from-the-bin = Восстановлено из корзины
trash-changed-after-the-deletion-by = После удаления его меняли те, кто удаления не видел; всё сохранено:

## src/tui/app.rs

app-change-journal = журнал изменений

## src/tui/saving.rs

saving-not-saved = Не сохранено:
saving-saved-together-with-changes-another = Сохранено вместе с изменениями, сделанными в файле другой программой
saving-saved = Сохранено:

## src/tui/structure.rs

structure-choose-a-section-or-an = Выберите раздел или мероприятие
structure-delete-activity = Удалить мероприятие
structure-move-to-section = Перенести в раздел
structure-move = Перенесено в другой раздел
structure-renumber-the-whole-roadmap-1 = Перенумеровать всю карту (1., 1.1., …)? Подпункты останутся подпунктами; отменить можно клавишей отмены.

## src/tui/editing.rs

editing-activity-added = Добавлено мероприятие
editing-section-added = Добавлен раздел
editing-restored-the-text-typed-before = Восстановлен текст, набранный перед сбоем:
editing-keep-it = сохранить
editing-drop-it = отбросить
editing-undone = Отменено:
editing-nothing-to-undo = Нечего отменять
editing-redone = Возвращено:
editing-nothing-to-redo = Нечего возвращать

## src/tui/collab.rs

collab-nothing-new = ничего нового
collab-no-visible-changes-2 = (видимых изменений нет)
collab-no-conflicts-2 = Конфликтов нет
collab-conflicts-choose-one-to-resolve = Конфликты: выберите, что решить
collab-you = вы
collab-keep = Оставить
collab-keep-both-each-paragraph-once = Оставить оба (каждый абзац один раз)
collab-type-a-value-of-my = Ввести своё значение…
collab-conflict-resolved-2 = Конфликт решён
collab-choose-one-of-the-values = Выберите одно из значений
collab-no-changes = Изменений нет
collab-history = История

## src/tui/target.rs

target-responsible-one-per-line = Ответственные (по одному в строке
target-completes-a-name = дополнить имя
target-section-title = Название раздела
target-section-number = Номер раздела
target-new-activity = Новое мероприятие
target-new-section = Новый раздел
target-search = Поиск
target-save-as = Сохранить как
target-export-to-a-file-docx = Выгрузить в файл (.docx, .xlsx, .csv, .md, .ics, .json; путь от папки карты)
target-merge-a-file-a-karta = Слить файл (.karta или пакет изменений; путь от папки карты)
target-title = Название
target-municipality = Муниципалитет
target-order-number = Номер приказа
target-order-date = Дата приказа
target-period-from = Период с
target-period-to = Период по
target-notes = Примечания
target-not-a-date-write-dd = не дата; пишите ДД.ММ.ГГГГ

## src/tui/browse.rs

browse-filter-and-search-cleared = Фильтр и поиск сброшены
browse-search-for-something-first = Сначала задайте поиск
browse-not-found = Не найдено:





## src/tui/run.rs

run-needs-a-terminal-for-a = нужен терминал (для отчёта: karta report FILE)
run-internal-error-in-the-editor = внутренняя ошибка редактора; сделанные правки сохранены в журнале
run-loading-the-file = Загрузка файла…

## src/tui/comments.rs

comments-comments-are-on-activities-select = Комментарий пишется к мероприятию: выберите его
comments-comment-on = Комментарий к
comments-comment-added = Комментарий добавлен

## src/tui/update.rs

update-merge-cancelled-nothing-changed = Слияние отменено, ничего не изменилось
update-no-action-for-key = Нет действия для клавиши
update-help = справка
update-already-exists-choose-another-name = файл уже есть; выберите другое имя
update-roadmap = дорожная-карта
update-give-an-extension-docx-xlsx = укажите расширение: .docx, .xlsx, .csv, .md, .ics или .json
update-exported = Выгружено:
update-there-are-unsaved-changes-save = Есть несохранённые изменения. Сохранить перед выходом?

## src/import/mod.rs

import-tab-separated-text = текст с табуляциями
import-markdown-tables = таблицы Markdown
import-word-document-docx = документ Word (.docx)
import-excel-workbook-xlsx = книга Excel (.xlsx)
import-a-damaged-or-truncated-archive = архив повреждён или обрезан
import-part = часть
import-unpacks-to-more-than = распаковывается больше чем в
import-a-damaged-document-xml = документ повреждён (XML)
import-the-excel-workbook-cannot-be = книга Excel не читается
import-not-valid-text-in = текст с ошибками в кодировке
import-record = запись

## src/tui/overlay/question.rs

question-yes-2 = да
question-no-2 = нет
question-save-and-quit = сохранить и выйти
question-quit-without-saving = выйти без сохранения
question-back-to-editing = вернуться к редактированию
question-question = Вопрос

## src/tui/view/coverage.rs

coverage-cycle-coverage = Охват цикла
coverage-view-coverage-of-the-management = Вид: охват управленческого цикла (пробелы по этапам)
coverage-gap-3-from-the-wording = ○ — пробел, 3~ — по формулировке, ? — этап не определён

## src/tui/view/deadline.rs

deadline-by-deadline = По срокам
deadline-view-by-deadline = Вид: по срокам

## src/tui/view/mechanism.rs

mechanism-by-mechanism = По механизмам
mechanism-view-by-mechanism = Вид: по механизмам

## src/tui/view/person.rs

person-by-responsible = По ответственным
person-view-by-responsible = Вид: по ответственным
person-nobody-responsible = Без ответственного

## Режимы редактора (tui/action.rs)

mode-browsing = Просмотр
mode-editing = Редактирование текста
mode-choosing = Выбор из списка
mode-typing = Ввод строки
mode-question = Вопрос

## src/import/mod.rs

problem-a-pdf-file-karta-reads = файл PDF: karta читает документы Word и Excel, текст, Markdown и CSV
problem-a-zip-archive-that-is = архив zip, но не документ Word (.docx) и не книга Excel (.xlsx)
problem-a-binary-file-not-text = двоичный файл, а не текст
problem-no-table-found-expected-word = таблица не найдена: ожидались строки таблицы Word, Excel, Markdown, CSV или текста с табуляциями
problem-no-header-row-naming-the = не найдена строка заголовка с названиями столбцов (например, «Мероприятия», «Сроки», «Ответственные»)

## Счёт в сообщениях редактора и команд

journal-damaged = Журнал повреждён: восстановлено записей — { $count }, журнал отложен как { $name }
merged-from = Слито из { $file }: изменений — { $count }{ $kept ->
        [0] {""}
       *[other] ; применено отложенных ранее файлов — { $kept }
    }; конфликтов — { $conflicts }
warning-stray-text = строка { $line }: текст вне таблицы сохранён в примечаниях
warning-extra-cells = строка { $line }: ячеек больше, чем в заголовке, на { $count }; присоединены к последнему столбцу
warning-period-from-deadlines = период не назван в заголовке; взят по годам в сроках: { $from }–{ $to }
restored-with = и ещё { $count } вместе с ним
approvals-kept = прежние утверждения сохранены ({ $count })
approval-changes-after = изменений после него — { $count }
coverage-gaps = Пробелов: { $count }. Этап мероприятия задаётся вручную: karta set ФАЙЛ НОМЕР stage 1–9
renumbered = Карта перенумерована: изменено номеров — { $count }

## Steps waiting for the document (tui/deferred.rs)
deferred-waits = Будет сделано, как только документ будет готов (в очереди: { $count })
deferred-parent-gone = Раздел удалён, пока ждали документ; не добавлено: «{ $text }»
deferred-undo-lost = Отмена шага, нажатая до сбоя, не сделана ({ $count }): она относилась к шагу, сделанному ещё раньше, — проверьте его
deferred-opens-when-ready = Откроется, как только документ будет готов
deferred-ask-again = Документ готов — нажмите клавишу ещё раз, чтобы открыть
