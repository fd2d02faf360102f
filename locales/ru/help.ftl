# Справка командной строки по-русски (karta --help). Английская — в
# комментариях src/cli.rs. Одно сообщение на команду (help-karta-import)
# и на параметр (help-karta-import--output); help-any-- — общие для всех
# команд.

help-any--file = Дорожная карта
help-any--lang = Язык: ru или en (иначе из настроек, иначе русский)
help-any--help = Показать справку
help-any--version = Показать версию

help-karta = karta — дорожные карты управлений образования: правка без сети, объединение копий обменом файлами, отчёты
help-karta--file = Дорожная карта, которую открыть (без него — встроенный пример)
help-karta--today = День, по которому редактор судит о сроках (ГГГГ-ММ-ДД; без него — сегодня)
help-karta--keymap = Раскладка клавиш редактора: default или vim (иначе из настроек)
help-karta-help = Показать эту справку или справку по команде

help-karta-import = Прочитать дорожную карту из Word (.docx или текст), Excel (.xlsx), таблиц Markdown или CSV
help-karta-import--source = Файл, который прочитать
help-karta-import--output = Файл .karta, который записать
help-karta-import--format = Формат, если не определять его по содержимому
help-karta-import--title = Название вместо найденного в файле
help-karta-import--municipality = Муниципалитет вместо найденного в файле
help-karta-import--force = Заменить файл, если он уже есть

help-karta-export = Записать дорожную карту как JSON, Markdown, CSV, Word (docx), Excel (xlsx) или календарь (ics)
help-karta-export--format = Формат
help-karta-export--output = Куда записать (без него — на экран)
help-karta-export--delimiter = Разделитель CSV: один знак или "tab" (без него — «;», как ждёт русский Excel)

help-karta-report = Показать карту: по механизмам, по ответственным, по срокам или по циклу управления
help-karta-report--by = Какой вид
help-karta-report--today = День, по которому судить о сроках (ГГГГ-ММ-ДД; без него — сегодня)

help-karta-new = Создать пустую дорожную карту
help-karta-new--file = Файл .karta, который создать
help-karta-new--title = Название карты
help-karta-new--municipality = Муниципалитет
help-karta-new--period = Годы, на которые карта, например 2024-2026

help-karta-whoami = Показать или задать имя, которым подписываются ваши изменения
help-karta-whoami--set = Ваше имя, например "Иванова И.И."
help-karta-whoami--gender = Ваш род, ж или м (f, m), если фамилия его не показывает (Сенюта, Белых): «изменила», а не «изменил(а)»

help-karta-renumber = Пронумеровать разделы и мероприятия по уровням (1., 1.1., 1.1.1.)

help-karta-merge = Объединить с вашей копией копии и файлы изменений коллег и сказать, кто что изменил
help-karta-merge--mine = Ваша копия (записывается целиком или не записывается вовсе)
help-karta-merge--theirs = Копии или файлы изменений, полученные от коллег
help-karta-merge--dry_run = Предпросмотр: только показать, что изменится

help-karta-bundle = Записать только те изменения, которых нет у другой копии
help-karta-bundle--since = Копия получателя (то, что у него уже есть)
help-karta-bundle--to = Получатель: всё, что появилось после последнего файла изменений для него
help-karta-bundle--output = Файл изменений, который записать

help-karta-conflicts = Показать поля, которые два человека заполнили по-разному

help-karta-resolve = Решить конфликт: выбрать одно из значений или ввести окончательное
help-karta-resolve--number = Номер мероприятия или раздела ("-" — заголовок карты)
help-karta-resolve--field = Поле (deadline, status, responsible, title…)
help-karta-resolve--value = Окончательное значение
help-karta-resolve--pick = Взять значение N из списка karta conflicts
help-karta-resolve--keep_both = Для текста: оставить все значения (каждый абзац по разу)

help-karta-log = Кто что и когда изменил, сначала новые изменения
help-karta-log--number = Только изменения этого мероприятия или раздела
help-karta-log--limit = Показать не больше стольких изменений

help-karta-show = Карта такой, какой она была сразу после изменения (см. karta log)
help-karta-show--at = Изменение: первые цифры его кода
help-karta-show--format = JSON, Markdown или CSV вместо отчёта по механизмам

help-karta-set = Задать поле мероприятия или раздела
help-karta-set--number = Номер, как он записан ("1.2" или "1.2.")
help-karta-set--field = text, deadline, status, responsible, result или название либо ключ графы
help-karta-set--value = Новое значение (статусы по-русски или по-английски)

help-karta-add = Добавить мероприятие в конец раздела
help-karta-add--section = Номер раздела (без него — вне разделов)
help-karta-add--text = Что сделать
help-karta-add--number = Номер, как его записать
help-karta-add--deadline = Срок, как его записать
help-karta-add--responsible = Ответственные люди или органы через «;»

help-karta-rm = Удалить мероприятие или раздел со всем, что в нём (в корзину: karta restore вернёт)
help-karta-rm--number = Номер, как он записан (или id, или #N — N-е мероприятие)
help-karta-rm--section = Подтверждает удаление раздела со всеми его мероприятиями

help-karta-trash = Показать корзину: что удалено и что в удалённом меняли после этого

help-karta-restore = Вернуть удалённое мероприятие или раздел со всем, что удалено вместе с ним
help-karta-restore--number = Номер, как он записан, или id (см. karta trash)

help-karta-comment = Прокомментировать мероприятие (или показать, изменить, удалить комментарии)
help-karta-comment--words = НОМЕР "текст" — комментарий; один НОМЕР — показать комментарии; с --edit — новый текст
help-karta-comment--edit = Изменить текст комментария с этим id
help-karta-comment--remove = Удалить комментарий с этим id

help-karta-approve = Отметить, что карта в нынешнем виде утверждена приказом
help-karta-approve--number = Номер приказа ("491/01-08")
help-karta-approve--date = Дата приказа (ГГГГ-ММ-ДД)

help-karta-approvals = Показать утверждённые редакции и сколько изменено после каждой

help-karta-diff = Что изменилось после утверждённой редакции, изменения или дня — словами
help-karta-diff--since = approved, первые цифры кода изменения (см. karta log) или ГГГГ-ММ-ДД
help-karta-diff--format = text, md или docx (лист изменений для Word; нужен -o)
help-karta-diff--output = Куда записать (без него — на экран)

help-karta-peers = У кого какая версия: что последним отправлено каждому и получено от него, скольких ваших изменений у него нет, и с каким сервером синхронизируется дорожная карта

help-karta-gen = Создать искусственную карту с длинной историей (для замеров скорости)
help-karta-gen--activities = Сколько мероприятий в карте
help-karta-gen--edits = Сколько правок сделать после создания, от нескольких авторов
help-karta-gen--seed = Зерно: при тех же параметрах — та же карта
help-karta-gen--output = Файл .karta, который записать
help-karta-gen--force = Заменить файл, если он уже есть

help-karta-share = Выложить дорожную карту на сервер синхронизации и показать её адрес automerge:; сервер запоминается для этой карты
help-karta-share--server = Сервер, ws://АДРЕС:ПОРТ (без него — [sync] server из настроек)
help-karta-share--token = Пароль доступа, который спрашивает сервер
help-karta-sync = Обменяться изменениями с сервером синхронизации карты и сохранить пришедшее
help-karta-sync--server = Сервер вместо запомненного или указанного в настройках
help-karta-sync--token = Пароль доступа, который спрашивает сервер
help-karta-serve = Запустить сервер синхронизации (протокол automerge-repo), хранящий карты в папке
help-karta-serve--port = Порт (0 — любой свободный, будет показан)
help-karta-serve--dir = Папка, где сервер хранит документы
help-karta-serve--listen = Адрес, на котором слушать (без него — только этот компьютер)
help-karta-serve--token = Пароль доступа, который должны предъявить клиенты (?token= или Authorization: Bearer)
help-karta-help-share = Выложить дорожную карту на сервер синхронизации и показать её адрес automerge:
help-karta-help-sync = Обменяться изменениями с сервером синхронизации карты и сохранить пришедшее
help-karta-help-serve = Запустить сервер синхронизации (протокол automerge-repo)
