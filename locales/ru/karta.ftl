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
