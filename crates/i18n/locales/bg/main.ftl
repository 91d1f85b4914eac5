# Български: публичните страници, дигиталното гише (въпросите) и молбата за обратна връзка.
# Каквото липсва тук, се показва на английски (страниците за служителите на организациите).
site-name = loket
site-tagline = Едно гише за работа през границата в Лимбург и Еврегиона
skip-to-content = Към съдържанието
nav-label = Главно меню
nav-home = Начало
nav-services = Намерете помощ
nav-organizations = Организации
nav-accessibility = Достъпност
language-switch-label = Език
footer-text = loket е общият пътеводител за услуги на партньорите в Лимбург и Еврегион Маас-Рейн.
footer-api = Отворени данни (HSDS API)
home-title = Къде можете да се обърнете с въпрос за работа?
home-intro = Живеете или работите през границата, идвате от чужбина или търсите персонал? Тук ще намерите организацията, която може да ви помогне.
home-search-label = За какво е вашият въпрос?
home-search-hint = Например: данъци, здравна осигуровка, работа в Германия, жилище, регистрация.
home-search-button = Търсене
home-by-group = Кой сте вие?
home-by-topic = Теми
home-by-region = Региони
home-stats = { $services } услуги от { $organizations } организации.
search-title = Намерете помощ
search-filters = Филтри
filter-q = Думи за търсене
filter-topic = Тема
filter-group = За кого
filter-area = Община или регион
filter-language = Език на услугата
filter-channel = Контакт
filter-any = Всички
filter-regions = Региони
filter-municipalities = Общини
filter-apply = Покажи услугите
filter-reset = Изчисти филтрите
search-count = { $count ->
    [one] Намерена е 1 услуга
   *[other] Намерени са { $count } услуги
}
search-none = Не са намерени услуги.
search-none-hint = Опитайте с други или по-малко думи, или с по-малко филтри.
search-did-you-mean = Имахте предвид
search-none-front-door = Задайте въпроса си: няколко стъпки до правилната услуга
search-none-generalists = Центърът за работа във вашия регион помага на всеки
search-results = Резултати
pagination-label = Страници
page-prev = Предишна страница
page-next = Следваща страница
page-of = Страница { $page } от { $pages }
error-summary-title = Проверете въведените данни
error-unknown-choice = Изберете стойност от списъка.
error-text-too-long = Използвайте най-много 200 знака.
error-page = Тази страница не съществува.
service-by = Предлага се от
service-for-whom = За кого
service-topics = Теми
service-how = Как да се свържете с тази услуга
reach-call = Обадете се
reach-email = Имейл
reach-website = Уебсайт
reach-visit = Посещение
reach-directions = Маршрут
reach-incomplete = номерът или пощенският код още не са потвърдени
reach-callback = Обратно обаждане
reach-none = Все още не знаем телефон, имейл, уебсайт или адрес на тази услуга. Поискайте по-долу да се свържат с вас и организацията ще ви потърси.
service-practical = Практическа информация
service-channels = Контакт
service-where = Места
service-languages = Езици
service-area = Обслужван район
service-fees = Разходи
service-eligibility = Условия
service-age = Възраст: от { $min } до { $max } години
service-age-min = Възраст: от { $min } години
service-hours = Работно време
service-hours-unknown = Работното време още не е известно. Свържете се с организацията.
service-hours-exception = Различно работно време
service-closed = затворено
service-assured = Проверено от организацията на { $date }.
service-not-assured = Все още не е проверено от организацията.
service-modified = Последна промяна: { $date }.
service-status-inactive = Тази услуга в момента не е активна.
service-status-defunct = Тази услуга вече не съществува.
service-status-temporarily-closed = Тази услуга е временно затворена.
service-location-unconfirmed = Точният адрес още не е потвърден.
service-line-second = Специализирана услуга: обикновено стигате до нея чрез гише от първа линия.
org-reach = Контакт
org-reach-none = Все още не знаем данни за контакт с тази организация. Изберете услуга по-долу и поискайте да се свържат с вас.
org-about = За тази организация
org-services = Услуги
org-locations = Офиси
org-identifiers = Регистрационни номера
orgs-title = Организации
orgs-intro = Тези организации работят заедно в пътеводителя за услуги.
orgs-service-count = { $count ->
    [one] 1 услуга
   *[other] { $count } услуги
}
a11y-title = Декларация за достъпност
a11y-intro = Искаме всеки да може да използва този уебсайт, включително хората с увреждания.
a11y-standard-title = Какъв стандарт
a11y-standard = Този уебсайт трябва да отговаря на WCAG 2.2, ниво AA, както холандският закон изисква от публичните институции.
a11y-how-title = Как проверяваме
a11y-how = При всяка промяна автоматично тестваме страниците с axe-core в истински браузър, на всички езици. Страниците работят без JavaScript и само с клавиатура.
a11y-limits-title = Известни ограничения
a11y-limits = Текстовете на организациите не винаги са налични на всеки език; тогава виждате текста на английски или нидерландски.
a11y-contact-title = Нещо не работи?
a11y-contact = Кажете на организацията, която поддържа този уебсайт във вашия регион. Отговаряме в рамките на пет работни дни.
notfound-title = Страницата не е намерена
notfound-body = Тази страница не съществува (вече). Потърсете услугата отново.
error-title = Нещо се обърка
error-body = Опитайте отново по-късно.
weekday-mo = понеделник
weekday-tu = вторник
weekday-we = сряда
weekday-th = четвъртък
weekday-fr = петък
weekday-sa = събота
weekday-su = неделя
language-nl = нидерландски
language-en = английски
language-de = немски
language-fr = френски
language-pl = полски
language-ro = румънски
language-bg = български
language-es = испански
language-pt = португалски
nav-front-door = Задайте въпрос
home-front-door-title = Не знаете къде да отидете?
home-front-door-intro = Отговорете на няколко кратки въпроса. Ще намерим организацията, която може да ви помогне.
home-front-door-start = Започнете въпросите
fd-step = Въпрос { $n }
fd-next = Напред
fd-back = Предишен въпрос
fd-restart = Започнете отначало
fd-place-choose = Изберете от списъка
fd-place-postcode = Или въведете пощенския си код
fd-elsewhere-NL = Другаде в Нидерландия
fd-elsewhere-DE = Другаде в Германия
fd-elsewhere-BE = Другаде в Белгия
fd-abroad = В друга държава
fd-none = Още не знам
fd-other-places = Други
fd-no-preference = Без предпочитание
fd-link-notice = Тази връзка не беше съвсем правилна. Пропуснахме грешните части.
fd-result-title = Къде можете да се обърнете
fd-result-intro = Според вашите отговори тези услуги отговарят най-добре на въпроса ви.
fd-fallback = Не намерихме конкретна услуга за вашия въпрос. Центърът за работа във вашия регион ще ви помогне.
fd-channel-missing = Никоя от тези услуги не е достъпна по желания от вас начин ({ $channel }). При всяка виждате как можете да се свържете с нея.
fd-why = Защо тази услуга
fd-how = Как да се свържете с тях
fd-bring = Как да процедирате
fd-your-answers = Вашите отговори
fd-share = Запазете, отпечатайте или споделете
fd-share-hint = Връзката по-долу съдържа само вашите отговори, без име и адрес. Можете и да отпечатате тази страница.
fd-share-link = Връзка към този резултат
answer-error-missing = Отговорете на този въпрос.
answer-error-unknown-choice = Изберете един от отговорите.
answer-error-too-many = Изберете един отговор.
answer-error-unknown-place = Изберете място от списъка.
answer-error-unknown-postcode = Не познаваме този пощенски код. Изберете общината си от списъка.
answer-error-unknown-question = Не познаваме този въпрос.
answer-error-not-asked = Този въпрос не съответства на вашите отговори.
reason-target-group = За: { $group }.
reason-topic = Помага за: { $topic }.
reason-topic-focused = Специализирана в: { $topic }.
reason-serves-both = Работи за { $live }, където живеете, и за { $work }, където работите.
reason-serves-live = Работи за { $place }, където живеете.
reason-serves-work = Работи за { $place }, където работите или искате да работите.
reason-serves-company = Работи за { $place }, където е вашата фирма.
reason-serves-staff = Работи и в { $place }, където търсите персонал.
reason-border = Познава границата { $countries }.
reason-language = Помага ви на { $languages }.
reason-channel = Връзка по начина, който предпочитате: { $channel }.
reason-first-line = Дава ви лична консултация.
reason-residence-country = Обезщетението за безработица се плаща от държавата, в която живеете.
reason-eu-no-permit = С гражданство на държава от ЕС, ЕИП или Швейцария не ви трябва разрешение за пребиваване. Трябва обаче да се регистрирате.
reason-generalist = Не намерихме конкретна услуга. Тук ще ви помогнат.
hours-open-until = Отворено сега, до { $time }.
hours-opens-today = Затворено сега. Отваря днес в { $time }.
hours-opens-on = Затворено сега. Отваря отново в { $day } { $date } в { $time }.
hours-unknown = Работното време още не е известно.
feedback-title = Не намерихте отговор на въпроса си?
feedback-label = Кажете ни какво търсехте (по желание)
feedback-hint = Не пишете име, адрес или други лични данни. Най-много 1000 знака. Използваме това само за да подобрим пътеводителя.
feedback-send = Изпрати
feedback-thanks = Благодарим. Вашият отговор ни помага да подобрим пътеводителя.
feedback-back = Обратно към резултата
feedback-error-expired = Формулярът е изтекъл. Изпратете го отново.
feedback-error-too-long = Използвайте най-много 1000 знака.
nav-privacy = Поверителност
privacy-title = Декларация за поверителност
privacy-intro = Какви данни обработва този пътеводител, защо, на какво основание и за колко време. Тази страница идва директно от регистъра на дейностите по обработване.
privacy-controller-each = Всяка организация, която получава или записва вашите данни (молба за обратна връзка, контакт, насочване), е администратор на тези данни.
privacy-controller-list = Всички организации и как да се свържете с тях
privacy-controller = Администратор:
privacy-planned = още не се използва
privacy-purpose = Цел
privacy-basis = Правно основание
privacy-data = Данни
privacy-retention = Съхраняват се
privacy-retention-years = { $years ->
    [one] 1 година
   *[other] { $years } години
}
privacy-retention-months = { $months ->
    [one] 1 месец
   *[other] { $months } месеца
}
privacy-retention-days = { $days ->
    [one] 1 ден
   *[other] { $days } дни
}
privacy-retention-anonymous = Анонимно; съхранява се, докато е полезно.
privacy-retention-after-activity = след последната ви активност
privacy-rights-title = Вашите права
privacy-rights = Можете да видите данните си, да ги поправите или изтриете и да възразите. Свържете се с организацията, която ви помага. Ако не сте съгласни с начина, по който се обработват данните ви, можете да подадете жалба до нидерландския орган за защита на данните (Autoriteit Persoonsgegevens).
basis-consent = Съгласие
basis-contract = Договор
basis-legal-obligation = Законово задължение
basis-vital-interests = Жизненоважни интереси
basis-public-task = Обществена задача
basis-legitimate-interests = Законни интереси
nav-account = Моят профил
nav-staff-area = За служители
sign-out = Изход
form-error-summary = Поправете следното
form-error-rate-limited = Твърде много заявки от вашия адрес. Изчакайте един час и опитайте отново.
forbidden-title = Няма достъп
who-signed-in-as = Влезли сте като
who-home = Моята начална страница
forbidden-home = Към моята начална страница
forbidden-body = Вашият профил не позволява тази страница или действие. Опитът е записан. Попитайте администратора на вашата организация, ако смятате, че ви трябва достъп.
forbidden-signed-in-as = Влезли сте като { $email }.
csrf-title = Формулярът не е приет
csrf-body = Този формуляр е изтекъл или не идва от този сайт, затова нищо не е променено. Върнете се, презаредете страницата и опитайте отново.
lang-name-nl = нидерландски
lang-name-en = английски
lang-name-de = немски
lang-name-fr = френски
lang-name-pl = полски
lang-name-ro = румънски
lang-name-bg = български
lang-name-es = испански
lang-name-pt = португалски
lang-name-tr = турски
lang-name-ar = арабски
lang-name-uk = украински
footer-join = Присъединете се към мрежата
country-other = Друга държава
referral-error-required = Попълнете това поле.
referral-error-too-long = Това е твърде дълго.
referral-error-unknown = Изберете една от възможностите.
referral-error-language-unknown = Изберете език.
referral-error-question-required = Напишете въпроса си.
referral-error-question-too-long = Въпросът ви е твърде дълъг (най-много 2000 знака).
intake-title = Помолете { $service } да се свърже с вас
intake-link = Помолете тази услуга да се свърже с вас
intake-intro = Оставете въпроса си; служител на услугата ще се свърже с вас.
intake-name = Вашето име
intake-question = Вашият въпрос
intake-language = На какъв език искате помощ?
intake-consent = Съгласен/съгласна съм { $organization } да използва името, данните за контакт, езика и въпроса ми, за да се свърже с мен по този въпрос.
intake-privacy = Можете по всяко време да оттеглите това съгласие пред организацията. Повече за това какво правим с вашите данни:
intake-submit = Изпратете въпроса ми
intake-error-consent = Дайте съгласието си, иначе организацията не може да се свърже с вас.
intake-purpose = Връзка с лицето относно въпроса му към { $service }
intake-contact = Как можем да се свържем с вас?
intake-contact-hint = Вашият телефонен номер (например +359 88 123 4567 или +31 6 12345678) или имейл адрес.
intake-thanks-title = Въпросът ви е изпратен
intake-thanks = { $organization } получи въпроса ви и ще се свърже с вас.
intake-reference = Вашият референтен номер: { $reference }. Посочете го, ако вие се свържете с тях.
intake-answer-by = { $organization } ще се свърже с вас най-късно на { $date }.
intake-mailed = Изпратихме потвърждение на { $email }.
intake-error-name-required = Напишете името си.
intake-error-name-too-short = Напишете името си (поне две букви).
intake-error-contact-required = Напишете телефонния си номер или имейл адрес.
intake-error-contact-unreachable = Не можем да се свържем с вас на това. Напишете телефонен номер (например +359 88 123 4567 или +31 6 12345678) или имейл адрес.
intake-error-question-required = Напишете въпроса си.
intake-error-too-fast = Проверете данните си и изпратете формуляра още веднъж.
mail-callback-subject = Вашият въпрос към { $organization } (референтен номер { $reference })
mail-callback-body =
    Здравейте,

    { $organization } получи въпроса ви относно „{ $service }“ и ще се свърже с вас най-късно на { $date }.

    Вашият референтен номер е { $reference }. Посочете го, ако вие се свържете с тях.

    За услугата: { $link }

    Получавате този имейл, защото поискахте връзка чрез loket. Ако не сте били вие, можете да го пренебрегнете.
nav-vacancies = Работа
language-label = Език
error-unavailable-title = Временно недостъпно
error-unavailable-body = Нещо се обърка при записването или четенето на данни. Нищо не е загубено; опитайте отново след малко.
error-method-title = Това не може да стане тук
error-method-body = Този адрес не може да се използва по този начин. Върнете се на предишната страница или започнете от началната страница.
error-too-large-title = Твърде голямо за изпращане
error-too-large-body = Изпратеното е по-голямо, отколкото приема която и да е форма тук. Намалете файла и опитайте отново.
error-too-slow-title = Връзката беше твърде бавна
error-too-slow-body = Изпратеното не пристигна навреме. Нищо не е записано; опитайте отново.
error-conflict-title = Някой друг беше по-бърз
error-conflict-body = Междувременно някой е променил това. Отворете страницата отново и вижте как изглежда сега.
error-expired-title = Тази връзка вече не работи
error-expired-body = Връзката е изтекла или вече е използвана. Поискайте нова, ако ви трябва.
error-retry = Опитайте отново
error-invalid-title = Това не може да бъде обработено
error-invalid-body = Изпратеното не е правилно. Върнете се, проверете полетата и изпратете отново.
date = { $day }.{ $month }.{ $year }
month-1 = януари
month-2 = февруари
month-3 = март
month-4 = април
month-5 = май
month-6 = юни
month-7 = юли
month-8 = август
month-9 = септември
month-10 = октомври
month-11 = ноември
month-12 = декември
staff-nav-label = Меню на работната зона
staff-nav-public = Публичен уебсайт
tag-for = За:
filter-more = Още филтри

## Labour-market regions: the national entry, a region's home and the hand-over between regions
region-handover = { $place } се намира в { $region }, а не в { $here }. Входната точка на { $region } познава услугите там; отговорите ви се запазват.
region-handover-link = Продължете към входната точка на { $region }
region-entry-title = Намерете входната точка на вашия регион
region-entry-intro = Всеки регион на пазара на труда има своя входна точка за работа, жилище и трансгранична работа. Въведете пощенския си код или община в Нидерландия, Германия или Белгия.
region-entry-label = Вашият пощенски код или община
region-entry-hint = Например 6041 AB, Roermond, 52062 или Аахен
region-entry-submit = Намери моя регион
region-entry-error-empty = Въведете пощенски код или име на община.
region-entry-error-unknown = Не познаваме „{ $text }“. Проверете пощенския код или името на общината или изберете регион по-долу.
region-entry-error-outside = { $place } (все още) не е в регион в loket. Изберете регион по-долу или използвайте общата входна точка.
region-entry-list = Региони в loket
region-entry-general = Общата входна точка (всички услуги)
region-home-intro = Всички услуги за работа, жилище и трансгранична работа в { $region } на едно място. Отговорете на няколко въпроса и ще ви покажем кой може да ви помогне.
region-home-start = Започнете с въпросите
region-home-menu = Услугите на { $region }
region-home-menu-intro = Регионалното меню: какво допринася всеки партньор. Националните услуги (като UWV и SVB) винаги са част от него.
region-home-feed = Отворени данни: услугите на този регион във формат HSDS
region-home-other = Изберете друг регион
crossborder-domain-social-security = Социално осигуряване
crossborder-domain-health-care = Здравно осигуряване
crossborder-domain-wage-tax = Данък върху заплатата
crossborder-domain-unemployment = Обезщетение за безработица
crossborder-domain-child-benefit = Детски надбавки
crossborder-domain-compensation = Нидерландска схема за компенсация
crossborder-domain-ninety-percent = Статут 90 %
crossborder-domain-thirty-percent = Режим 30 %
xb-step = Въпрос { $n } от най-много { $of }
xb-country-NL = Нидерландия
xb-country-DE = Германия
xb-country-BE = Белгия
xb-q-residence = В коя държава живеете?
xb-q-work = В коя държава работите?
xb-q-kind = Как работите?
xb-kind-employee = Като служител по трудов договор
xb-kind-self-employed = Като самонаето лице
xb-kind-civil-servant = Като държавен служител
xb-kind-posted = Изпратен временно в чужбина от работодателя (командирован)
xb-q-posting_months = Колко месеца се очаква да продължи командироването?
xb-q-posting_months-hint = От началото на командироването до планирания край.
xb-q-residence_share = Каква част от работата си вършите в държавата, в която живеете?
xb-q-residence_share-hint = В проценти от работното време, включително работата от вкъщи. 0, ако работите само отвъд границата.
xb-q-telework_share = Каква част от работното си време работите от вкъщи?
xb-q-telework_share-hint = В проценти. 0, ако никога не работите от вкъщи.
xb-q-days_outside_work_state = В колко дни тази година работите извън { $work }?
xb-q-days_outside_work_state-hint = Дни работа от вкъщи или в друга държава; един ден се брои от 30 минути работа там. 0, ако няма.
xb-q-children_residence = Имате ли деца, за които получавате детски надбавки? Къде живеят?
xb-no-children = Нямам деца или не се отнася
xb-q-other_parent_works_in = Работи ли другият родител на децата? Къде?
xb-other-parent-no-work = Не работи (или няма друг родител)
xb-q-unemployment = Безработни ли сте или работите на непълно работно време?
xb-unemployment-whole = Загубих работата си (напълно безработен)
xb-unemployment-short-time = Непълно работно време
xb-not-unemployed = Не
xb-error-number = Въведете число от 0 до най-голямата възможна стойност, например 20.
xb-error-choose = Изберете един от отговорите.
xb-unit-months = месеца
xb-unit-days = дни
xb-unit-percent = %
xb-answer-title = Какво важи за вас от двете страни на границата
xb-disclaimer = Обща информация от публичните правила, а не решение. Пунктът за гранична информация или компетентният орган решава за вашия случай.
xb-source = Източник
xb-changes-title = Какво би се променило
xb-handover-title = Обсъдете го със съветник
xb-handover = Помолете { $organisation } да ви се обади
xb-handover-hint = Вашата ситуация вече е описана в заявката; можете да я промените, преди да я изпратите, и нищо не се изпраща без вашето съгласие.
xb-summary = Живеете в { $home } и работите в { $work } ({ $kind }); { $share } % от работата в държавата на пребиваване, { $telework } % от вкъщи, { $days } дни извън { $work } тази година; отговори към { $date }.
xb-problem-date = Можем да отговаряме само за дати, обхванати от правилата (2024–2027).
xb-problem-other = Някои отговори не можаха да бъдат използвани. Моля, започнете отначало.
xb-option-telework = По общо искане на работодателя и вас (рамковото споразумение за работа от разстояние): { $answer }
xb-a-needs-adviser = Правилата не решават това за вашата ситуация: { $reason } Съветник ще го разгледа с вас.
xb-reason-several-employers = работите за няколко работодатели в няколко държави.
xb-reason-centre-of-interest = зависи от това къде е центърът на вашата дейност.
xb-reason-private-insurance = при частна здравна застраховка няма формуляр S1.
xb-reason-social-security-first = първо трябва да е ясно коя държава отговаря за социалното ви осигуряване.
xb-reason-children-in-a-third-country = децата ви живеят в държава, в която нито един от родителите не работи.
xb-reason-not-verified = това правило не е потвърдено в официален текст.
xb-reason-rule-not-in-force = правилото, което би решило, не важи към тази дата.
xb-a-social-security-country = Социално осигурени сте в { $country }.
xb-a-health-care-country = Здравно осигурени сте в { $country }, както всички, които живеят там.
xb-a-health-care-insured-abroad = Осигурени сте в { $insured }. Регистрирайте се с формуляр S1 в { $registered }; вие и семейството ви можете да се лекувате и в двете държави.
xb-a-wage-tax-country = Цялата ви заплата се облага в { $country }.
xb-a-wage-tax-per-day = Всеки работен ден се облага там, където сте го отработили: дните в { $work } – в { $work }, дните от вкъщи – в { $home }.
xb-a-unemployment-country = Обезщетението за безработица се плаща от { $country }.
xb-a-child-benefit-country = Детските надбавки се плащат от { $country }.
xb-a-child-benefit-first-and-top-up = Детските надбавки първо се плащат от { $first }; { $top_up } доплаща разликата до собствения си размер.
xb-a-compensation-applies = Нидерландската схема за компенсация възстановява данъка, който плащате над този при работа в Нидерландия.
xb-a-compensation-does-not-apply = Нидерландската схема за компенсация е за служители; не се отнася за вас.
xb-a-ninety-percent-applies = Ако 90 % или повече от доходите ви се облагат там, получавате облекченията на местно лице.
xb-a-ninety-percent-does-not-apply = По-малко от 90 % от доходите ви се облагат там: без облекченията на местно лице.
xb-a-thirty-percent-applies = Отговаряте на условието за разстояние на режима 30 %.
xb-a-thirty-percent-does-not-apply = Не отговаряте на условието за разстояние на режима 30 %.
xb-if-days-from = При 35 или повече дни извън { $work } тази година
xb-if-days-below = При по-малко от 35 дни извън { $work } тази година
xb-if-share-from = При 25 % или повече от работата в { $home }
xb-if-share-below = При по-малко от 25 % от работата в { $home }
fd-explainer = Коя държава отговаря за социалното ви осигуряване, здравната застраховка, данъка върху заплатата и детските надбавки? Граничният пътеводител отговаря с няколко въпроса, с правилата зад всеки отговор.
fd-explainer-link = Вижте какво важи за вас от двете страни на границата
nav-cross-border = Отвъд границата
xb-reason-marginal-work = дали работата ви в другата държава е незначителна, преценява компетентният орган.
xb-reason-civil-servant-tax = заплатата от публичен работодател отвъд границата се облага по правила, които зависят от гражданството, пребиваването и мястото на работа.

## Събития (публични)
ev-title = Събития
nav-events = Събития
ev-intro = Срещи, събития за добре дошли и курсове за хората, които живеят и работят в региона. Записването е безплатно; не ви трябва профил.
ev-none = В момента няма планирани събития.
ev-filter-region = Регион
ev-filter-all = Всички региони
ev-filter-submit = Покажи
ev-subscribe = Добавете тези събития в календара си
ev-subscribe-hint = Копирайте тази връзка в приложението си за календар; новите и променените дати ще се появяват сами.
ev-when = Кога
ev-where = Къде
ev-online = Онлайн
ev-languages = Език
ev-organiser = Организатор
ev-places-left = { $places ->
    [one] остава 1 място
   *[other] остават { $places } места
}
ev-full = Няма места: списък на чакащите
ev-cancelled = Отменено
ev-more = Повече за { $title }
ev-dates = Дати
ev-register-title = Записване
ev-register-date = Дата
ev-register-name = Вашето име
ev-register-email = Вашият имейл адрес
ev-register-email-hint = Там ще изпратим потвърждението и връзка за отписване.
ev-register-party = Колко души идват (заедно с вас)
ev-register-consent = Съгласен(на) съм { $organiser } да пази името и имейл адреса ми, за да организира това събитие. Те се изтриват 30 дни след датата.
ev-register-submit = Запиши ме
ev-register-another = Запишете още някого
ev-error-name-required = Въведете името си.
ev-error-name-too-long = Името може да е най-много 120 знака.
ev-error-email-invalid = Въведете имейл адрес, например ime@primer.bg.
ev-error-party-range = Въведете число от 1 до 10.
ev-error-consent-required = Отбележете квадратчето за съгласие, иначе не можем да ви запишем.
ev-error-date-closed = Записването за тази дата е приключило. Изберете друга дата.
ev-done-confirmed = Записани сте за { $title } на { $when }.
ev-done-waiting = Тази дата е пълна. Вие сте в списъка на чакащите за { $title } на { $when }. Ако се освободи място, ще ви пишем.
ev-done-mailed = Изпратихме подробностите на { $email }.
ev-code = Вашият код на входа: { $code }
ev-calendar-file = Добавете в календара (.ics)
ev-booking-title = Вашето записване
ev-booking-status-confirmed = Имате { $places ->
    [one] едно място
   *[other] { $places } места
}.
ev-booking-status-waiting = Вие сте в списъка на чакащите.
ev-booking-status-offered = Има свободно място за вас до { $until }.
ev-booking-status-cancelled = Това записване е отменено.
ev-booking-status-expired = Предложеното място не беше заето навреме.
ev-booking-accept = Заемам мястото
ev-booking-cancel = Отпиши ме
ev-booking-cancel-hint = Не можете да дойдете? Отпишете се, за да получи мястото ви някой от списъка на чакащите.
ev-booking-cancelled = Отписахте се. Благодарим, че ни уведомихте.
ev-booking-accepted = Мястото е ваше. До скоро!
ev-booking-too-late = Това предложение е изтекло или мястото вече е заето.
ev-booking-unknown = Тази връзка не принадлежи на записване. Може би е копирана грешно.
ev-back = Всички събития
ev-for-you = Събития за вас

## Имейли за събития
event-mail-confirmed-subject = Вашето място: { $title }
event-mail-confirmed-body = Записани сте за { $title } на { $when } ({ $place }); брой души: { $places }.

    Вашият код на входа: { $code }

    Не можете да дойдете? Отпишете се тук, за да получи мястото ви някой от списъка на чакащите:
    { $link }
event-mail-waiting-subject = Списък на чакащите: { $title }
event-mail-waiting-body = { $title } на { $when } е пълно. Вие сте в списъка на чакащите.

    Ако се освободи място, ще ви пишем. Тогава ще имате { $hours } часа да го заемете.

    Вече не се интересувате? Отпишете се тук:
    { $link }
event-mail-reminder-subject = Напомняне: { $title } на { $when }
event-mail-reminder-body = До скоро на { $title } на { $when } ({ $place }).

    Вашият код на входа: { $code }

    Все пак не можете да дойдете? Отпишете се тук, за да получи мястото ви някой от списъка на чакащите:
    { $link }
event-mail-moved-subject = Промяна: { $title }
event-mail-moved-body = { $title } е преместено на { $when }. Записването ви остава.

    Не можете в новия час? Отпишете се с връзката от потвърждението, за да получи мястото ви някой друг.
    { $url }
event-mail-cancelled-subject = Отменено: { $title } на { $when }
event-mail-cancelled-body = { $title } на { $when } е отменено. Съжаляваме.

    Други дати, ако има:
    { $url }
event-mail-offer-subject = Освободи се място за вас: { $title }
event-mail-offer-body = Освободи се място за { $title } на { $when } ({ $place }). Пазим го за вас до { $until }.

    Заемете го тук:
    { $link }
