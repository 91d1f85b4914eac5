# Polski: strony publiczne, wirtualne okienko (pytania) i prośba o kontakt.
# Czego tu nie ma, pojawia się po angielsku (strony dla pracowników organizacji).
site-name = loket
site-tagline = Jedno okienko dla pracy za granicą w Limburgii i Euregionie
skip-to-content = Przejdź do treści
nav-label = Menu główne
nav-home = Strona główna
nav-services = Znajdź pomoc
nav-organizations = Organizacje
nav-accessibility = Dostępność
language-switch-label = Język
footer-text = loket to wspólny przewodnik po usługach partnerów w Limburgii i Euregionie Mozy-Renu.
footer-api = Otwarte dane (HSDS API)
home-title = Gdzie możesz zwrócić się z pytaniem o pracę?
home-intro = Mieszkasz lub pracujesz za granicą, przyjeżdżasz z zagranicy albo szukasz pracowników? Tutaj znajdziesz organizację, która może Ci pomóc.
home-search-label = Czego dotyczy Twoje pytanie?
home-search-hint = Na przykład: podatki, ubezpieczenie zdrowotne, praca w Niemczech, mieszkanie, meldunek.
home-search-button = Szukaj
home-by-group = Kim jesteś?
home-by-topic = Tematy
home-by-region = Regiony
home-stats = { $services } usług z { $organizations } organizacji.
search-title = Znajdź pomoc
search-filters = Filtry
filter-q = Słowa kluczowe
filter-topic = Temat
filter-group = Dla kogo
filter-area = Gmina lub region
filter-language = Język usługi
filter-channel = Kontakt
filter-any = Wszystkie
filter-regions = Regiony
filter-municipalities = Gminy
filter-apply = Pokaż usługi
filter-reset = Wyczyść filtry
search-count = { $count ->
    [one] Znaleziono 1 usługę
    [few] Znaleziono { $count } usługi
   *[other] Znaleziono { $count } usług
}
search-none = Nie znaleziono żadnych usług.
search-none-hint = Spróbuj innych lub mniej słów albo mniej filtrów.
search-did-you-mean = Czy chodziło Ci o
search-none-front-door = Zadaj pytanie: kilka kroków do właściwej usługi
search-none-generalists = Centrum pracy w Twoim regionie pomoże każdemu
search-results = Wyniki
pagination-label = Strony
page-prev = Poprzednia strona
page-next = Następna strona
page-of = Strona { $page } z { $pages }
error-summary-title = Sprawdź wpisane dane
error-unknown-choice = Wybierz wartość z listy.
error-text-too-long = Użyj najwyżej 200 znaków.
error-page = Ta strona nie istnieje.
service-by = Prowadzi
service-for-whom = Dla kogo
service-topics = Tematy
service-how = Jak skontaktować się z tą usługą
reach-call = Zadzwoń
reach-email = E-mail
reach-website = Strona internetowa
reach-visit = Wizyta
reach-directions = Trasa
reach-incomplete = numer domu lub kod pocztowy jeszcze niepotwierdzony
reach-callback = Oddzwonienie
reach-none = Nie znamy jeszcze numeru telefonu, adresu e-mail, strony internetowej ani adresu tej usługi. Poproś poniżej o kontakt, a organizacja odezwie się do Ciebie.
service-practical = Informacje praktyczne
service-channels = Kontakt
service-where = Miejsca
service-languages = Języki
service-area = Obszar działania
service-fees = Koszty
service-eligibility = Warunki
service-age = Wiek: od { $min } do { $max } lat
service-age-min = Wiek: od { $min } lat
service-hours = Godziny otwarcia
service-hours-unknown = Godziny otwarcia nie są jeszcze znane. Skontaktuj się z organizacją.
service-hours-exception = Inne godziny
service-closed = zamknięte
service-assured = Sprawdzone przez organizację { $date }.
service-not-assured = Jeszcze niesprawdzone przez organizację.
service-modified = Ostatnia zmiana { $date }.
service-status-inactive = Ta usługa jest obecnie nieaktywna.
service-status-defunct = Ta usługa już nie istnieje.
service-status-temporarily-closed = Ta usługa jest tymczasowo zamknięta.
service-location-unconfirmed = Dokładny adres nie został jeszcze potwierdzony.
service-line-second = Usługa specjalistyczna: często trafiasz do niej przez pierwsze okienko.
org-reach = Kontakt
org-reach-none = Nie znamy jeszcze danych kontaktowych tej organizacji. Wybierz poniżej usługę i poproś o kontakt.
org-about = O tej organizacji
org-services = Usługi
org-locations = Biura
org-identifiers = Numery rejestrowe
orgs-title = Organizacje
orgs-intro = Te organizacje współpracują w przewodniku po usługach.
orgs-service-count = { $count ->
    [one] 1 usługa
    [few] { $count } usługi
   *[other] { $count } usług
}
a11y-title = Deklaracja dostępności
a11y-intro = Chcemy, aby każdy mógł korzystać z tej strony, także osoby z niepełnosprawnością.
a11y-standard-title = Jaki standard
a11y-standard = Ta strona musi spełniać wytyczne WCAG 2.2 na poziomie AA, jak wymaga tego prawo holenderskie od instytucji publicznych.
a11y-how-title = Jak to sprawdzamy
a11y-how = Przy każdej zmianie automatycznie testujemy strony narzędziem axe-core w prawdziwej przeglądarce, we wszystkich językach. Strony działają bez JavaScriptu i tylko z klawiaturą.
a11y-limits-title = Znane ograniczenia
a11y-limits = Teksty organizacji nie zawsze są dostępne w każdym języku; wtedy widzisz tekst angielski lub niderlandzki.
a11y-contact-title = Coś nie działa?
a11y-contact = Powiedz o tym organizacji, która prowadzi tę stronę w Twoim regionie. Odpowiadamy w ciągu pięciu dni roboczych.
notfound-title = Nie znaleziono strony
notfound-body = Ta strona nie istnieje (już). Wyszukaj usługę ponownie.
error-title = Coś poszło nie tak
error-body = Spróbuj ponownie później.
weekday-mo = poniedziałek
weekday-tu = wtorek
weekday-we = środa
weekday-th = czwartek
weekday-fr = piątek
weekday-sa = sobota
weekday-su = niedziela
language-nl = niderlandzki
language-en = angielski
language-de = niemiecki
language-fr = francuski
language-pl = polski
language-ro = rumuński
language-bg = bułgarski
language-es = hiszpański
language-pt = portugalski
nav-front-door = Zadaj pytanie
home-front-door-title = Nie wiesz, dokąd się udać?
home-front-door-intro = Odpowiedz na kilka krótkich pytań. Znajdziemy organizację, która może Ci pomóc.
home-front-door-start = Zacznij pytania
fd-step = Pytanie { $n }
fd-next = Dalej
fd-back = Poprzednie pytanie
fd-restart = Zacznij od nowa
fd-place-choose = Wybierz z listy
fd-place-postcode = Albo wpisz swój kod pocztowy
fd-elsewhere-NL = Gdzie indziej w Holandii
fd-elsewhere-DE = Gdzie indziej w Niemczech
fd-elsewhere-BE = Gdzie indziej w Belgii
fd-abroad = W innym kraju
fd-none = Jeszcze nie wiem
fd-other-places = Inne
fd-no-preference = Bez znaczenia
fd-link-notice = Ten link nie był całkiem poprawny. Pominęliśmy błędne części.
fd-result-title = Gdzie możesz się zwrócić
fd-result-intro = Na podstawie Twoich odpowiedzi te usługi najlepiej pasują do Twojego pytania.
fd-fallback = Nie znaleźliśmy konkretnej usługi dla Twojego pytania. Centrum pracy w Twoim regionie pomoże Ci dalej.
fd-channel-missing = Żadna z tych usług nie jest dostępna tak, jak chciałeś ({ $channel }). Przy każdej widzisz, jak się z nią skontaktować.
fd-why = Dlaczego ta usługa
fd-how = Jak się z nimi skontaktować
fd-bring = Jak się do tego zabrać
fd-your-answers = Twoje odpowiedzi
fd-share = Zapisz, wydrukuj lub udostępnij
fd-share-hint = Link poniżej zawiera tylko Twoje odpowiedzi, bez imienia i adresu. Możesz też wydrukować tę stronę.
fd-share-link = Link do tego wyniku
answer-error-missing = Odpowiedz na to pytanie.
answer-error-unknown-choice = Wybierz jedną z odpowiedzi.
answer-error-too-many = Wybierz jedną odpowiedź.
answer-error-unknown-place = Wybierz miejsce z listy.
answer-error-unknown-postcode = Nie znamy tego kodu pocztowego. Wybierz swoją gminę z listy.
answer-error-unknown-question = Nie znamy tego pytania.
answer-error-not-asked = To pytanie nie pasuje do Twoich odpowiedzi.
reason-target-group = Dla: { $group }.
reason-topic = Pomaga w sprawie: { $topic }.
reason-topic-focused = Specjalizuje się w: { $topic }.
reason-serves-both = Działa dla { $live }, gdzie mieszkasz, i dla { $work }, gdzie pracujesz.
reason-serves-live = Działa dla { $place }, gdzie mieszkasz.
reason-serves-work = Działa dla { $place }, gdzie pracujesz lub chcesz pracować.
reason-serves-company = Działa dla { $place }, gdzie jest Twoja firma.
reason-serves-staff = Działa też w { $place }, gdzie szukasz pracowników.
reason-border = Zna granicę { $countries }.
reason-language = Pomoże Ci w języku: { $languages }.
reason-channel = Kontakt tak, jak wolisz: { $channel }.
reason-first-line = Udziela osobistej porady.
reason-residence-country = Zasiłek dla bezrobotnych wypłaca kraj, w którym mieszkasz.
reason-eu-no-permit = Z obywatelstwem kraju UE, EOG lub Szwajcarii nie potrzebujesz zezwolenia na pobyt. Musisz się jednak zameldować.
reason-generalist = Nie znaleźliśmy konkretnej usługi. Tutaj pomogą Ci dalej.
hours-open-until = Teraz otwarte, do { $time }.
hours-opens-today = Teraz zamknięte. Dziś otwarte od { $time }.
hours-opens-on = Teraz zamknięte. Otwarte znowu w { $day } { $date } o { $time }.
hours-unknown = Godziny otwarcia nie są jeszcze znane.
feedback-title = Nie znalazłeś odpowiedzi na swoje pytanie?
feedback-label = Napisz, czego szukałeś (nieobowiązkowe)
feedback-hint = Nie podawaj imienia, adresu ani innych danych osobowych. Najwyżej 1000 znaków. Używamy tego tylko do ulepszania przewodnika.
feedback-send = Wyślij
feedback-thanks = Dziękujemy. Twoja odpowiedź pomoże ulepszyć przewodnik.
feedback-back = Wróć do wyniku
feedback-error-expired = Formularz wygasł. Wyślij go ponownie.
feedback-error-too-long = Użyj najwyżej 1000 znaków.
nav-privacy = Prywatność
privacy-title = Oświadczenie o prywatności
privacy-intro = Jakie dane przetwarza ten przewodnik, dlaczego, na jakiej podstawie i jak długo. Ta strona pochodzi wprost z rejestru czynności przetwarzania.
privacy-controller-each = Każda organizacja, która otrzymuje lub zapisuje Twoje dane (prośbę o kontakt, kontakt, skierowanie), jest ich administratorem.
privacy-controller-list = Wszystkie organizacje i jak się z nimi skontaktować
privacy-controller = Administrator:
privacy-planned = jeszcze nieużywane
privacy-purpose = Cel
privacy-basis = Podstawa prawna
privacy-data = Dane
privacy-retention = Przechowywane przez
privacy-retention-years = { $years ->
    [one] 1 rok
    [few] { $years } lata
   *[other] { $years } lat
}
privacy-retention-months = { $months ->
    [one] 1 miesiąc
    [few] { $months } miesiące
   *[other] { $months } miesięcy
}
privacy-retention-days = { $days ->
    [one] 1 dzień
   *[other] { $days } dni
}
privacy-retention-anonymous = Anonimowo; przechowywane, dopóki są przydatne.
privacy-retention-after-activity = po Twojej ostatniej aktywności
privacy-rights-title = Twoje prawa
privacy-rights = Możesz wglądać w swoje dane, poprawiać je lub usuwać oraz wnieść sprzeciw. Skontaktuj się z organizacją, która Ci pomaga. Jeśli nie zgadzasz się ze sposobem przetwarzania danych, możesz złożyć skargę do holenderskiego urzędu ochrony danych (Autoriteit Persoonsgegevens).
basis-consent = Zgoda
basis-contract = Umowa
basis-legal-obligation = Obowiązek prawny
basis-vital-interests = Żywotne interesy
basis-public-task = Zadanie publiczne
basis-legitimate-interests = Prawnie uzasadnione interesy
nav-account = Moje konto
nav-staff-area = Dla pracowników
sign-out = Wyloguj
form-error-summary = Popraw następujące pola
form-error-rate-limited = Zbyt wiele zgłoszeń z Twojego adresu. Odczekaj godzinę i spróbuj ponownie.
forbidden-title = Brak dostępu
who-signed-in-as = Zalogowano jako
who-home = Moja strona startowa
forbidden-home = Do mojej strony startowej
forbidden-body = Twoje konto nie pozwala na tę stronę lub czynność. Próba została zapisana. Zapytaj administratora swojej organizacji, jeśli uważasz, że potrzebujesz dostępu.
forbidden-signed-in-as = Jesteś zalogowany jako { $email }.
csrf-title = Formularz nie został przyjęty
csrf-body = Ten formularz wygasł lub nie pochodzi z tej strony, więc nic nie zostało zmienione. Wróć, odśwież stronę i spróbuj ponownie.
lang-name-nl = niderlandzki
lang-name-en = angielski
lang-name-de = niemiecki
lang-name-fr = francuski
lang-name-pl = polski
lang-name-ro = rumuński
lang-name-bg = bułgarski
lang-name-es = hiszpański
lang-name-pt = portugalski
lang-name-tr = turecki
lang-name-ar = arabski
lang-name-uk = ukraiński
footer-join = Dołącz do sieci
country-other = Inny kraj
referral-error-required = Wypełnij to pole.
referral-error-too-long = To jest za długie.
referral-error-unknown = Wybierz jedną z opcji.
referral-error-language-unknown = Wybierz język.
referral-error-question-required = Napisz swoje pytanie.
referral-error-question-too-long = Twoje pytanie jest za długie (najwyżej 2000 znaków).
intake-title = Poproś { $service } o kontakt
intake-link = Poproś tę usługę o kontakt
intake-intro = Zostaw swoje pytanie; pracownik tej usługi skontaktuje się z Tobą.
intake-name = Twoje imię i nazwisko
intake-question = Twoje pytanie
intake-language = W jakim języku chcesz otrzymać pomoc?
intake-consent = Zgadzam się, aby { $organization } wykorzystała moje imię i nazwisko, dane kontaktowe, język i pytanie, aby skontaktować się ze mną w tej sprawie.
intake-privacy = Możesz w każdej chwili wycofać tę zgodę u organizacji. Więcej o tym, co robimy z Twoimi danymi:
intake-submit = Wyślij moje pytanie
intake-error-consent = Wyraź zgodę, inaczej organizacja nie może się z Tobą skontaktować.
intake-purpose = Kontakt z osobą w sprawie jej pytania do { $service }
intake-contact = Jak możemy się z Tobą skontaktować?
intake-contact-hint = Twój numer telefonu (na przykład +48 601 234 567 lub +31 6 12345678) albo adres e-mail.
intake-thanks-title = Twoje pytanie zostało wysłane
intake-thanks = { $organization } otrzymała Twoje pytanie i skontaktuje się z Tobą.
intake-reference = Twój numer referencyjny: { $reference }. Podaj go, jeśli sam się z nimi skontaktujesz.
intake-answer-by = { $organization } odezwie się do Ciebie najpóźniej { $date }.
intake-mailed = Wysłaliśmy potwierdzenie na adres { $email }.
intake-error-name-required = Wpisz swoje imię i nazwisko.
intake-error-name-too-short = Wpisz swoje imię i nazwisko (co najmniej dwie litery).
intake-error-contact-required = Wpisz swój numer telefonu lub adres e-mail.
intake-error-contact-unreachable = Pod tym nie możemy się z Tobą skontaktować. Wpisz numer telefonu (na przykład +48 601 234 567 lub +31 6 12345678) albo adres e-mail.
intake-error-question-required = Napisz swoje pytanie.
intake-error-too-fast = Sprawdź swoje dane i wyślij formularz jeszcze raz.
mail-callback-subject = Twoje pytanie do { $organization } (numer { $reference })
mail-callback-body =
    Dzień dobry,

    { $organization } otrzymała Twoje pytanie dotyczące „{ $service }” i skontaktuje się z Tobą najpóźniej { $date }.

    Twój numer referencyjny to { $reference }. Podaj go, jeśli sam się z nimi skontaktujesz.

    O usłudze: { $link }

    Otrzymujesz tę wiadomość, ponieważ poprosiłeś o kontakt przez loket. Jeśli to nie Ty, zignoruj ją.
nav-vacancies = Oferty pracy
language-label = Język
error-unavailable-title = Chwilowo niedostępne
error-unavailable-body = Coś poszło nie tak przy zapisywaniu lub odczycie danych. Nic nie zostało utracone; spróbuj ponownie za chwilę.
error-method-title = Tutaj nie można tego zrobić
error-method-body = Tego adresu nie można użyć w ten sposób. Wróć do poprzedniej strony lub zacznij od strony głównej.
error-too-large-title = Za duże, aby wysłać
error-too-large-body = To, co wysłałeś, jest większe, niż przyjmuje jakikolwiek formularz. Zmniejsz plik i spróbuj ponownie.
error-too-slow-title = Połączenie było zbyt wolne
error-too-slow-body = To, co wysłałeś, nie dotarło na czas. Nic nie zostało zapisane; spróbuj ponownie.
error-conflict-title = Ktoś był szybszy
error-conflict-body = W międzyczasie ktoś to zmienił. Otwórz stronę ponownie i sprawdź, jak wygląda teraz.
error-expired-title = Ten link już nie działa
error-expired-body = Link wygasł lub został już użyty. Poproś o nowy, jeśli go potrzebujesz.
error-retry = Spróbuj ponownie
error-invalid-title = Nie można tego przetworzyć
error-invalid-body = Wysłane dane są nieprawidłowe. Wróć, sprawdź pola i wyślij ponownie.
date = { $day }.{ $month }.{ $year }
month-1 = stycznia
month-2 = lutego
month-3 = marca
month-4 = kwietnia
month-5 = maja
month-6 = czerwca
month-7 = lipca
month-8 = sierpnia
month-9 = września
month-10 = października
month-11 = listopada
month-12 = grudnia
staff-nav-label = Menu obszaru roboczego
staff-nav-public = Strona publiczna
tag-for = Dla:
filter-more = Więcej filtrów

## Labour-market regions: the national entry, a region's home and the hand-over between regions
region-handover = { $place } leży w regionie { $region }, a nie { $here }. Punkt informacyjny regionu { $region } zna tamtejsze usługi; Twoje odpowiedzi zostaną zachowane.
region-handover-link = Przejdź do punktu regionu { $region }
region-entry-title = Znajdź punkt informacyjny swojego regionu
region-entry-intro = Każdy region rynku pracy ma własny punkt informacyjny o pracy, mieszkaniu i pracy za granicą. Wpisz swój kod pocztowy lub gminę w Holandii, Niemczech lub Belgii.
region-entry-label = Twój kod pocztowy lub gmina
region-entry-hint = Na przykład 6041 AB, Roermond, 52062 lub Akwizgran
region-entry-submit = Znajdź mój region
region-entry-error-empty = Wpisz kod pocztowy lub nazwę gminy.
region-entry-error-unknown = Nie znamy „{ $text }”. Sprawdź kod pocztowy lub nazwę gminy albo wybierz region poniżej.
region-entry-error-outside = { $place } nie należy (jeszcze) do żadnego regionu w loket. Wybierz region poniżej lub skorzystaj z ogólnego punktu.
region-entry-list = Regiony w loket
region-entry-general = Ogólny punkt informacyjny (wszystkie usługi)
region-home-intro = Wszystkie usługi dotyczące pracy, mieszkania i pracy za granicą w regionie { $region } w jednym miejscu. Odpowiedz na kilka pytań, a pokażemy, kto może Ci pomóc.
region-home-start = Zacznij od pytań
region-home-menu = Usługi regionu { $region }
region-home-menu-intro = Regionalna oferta: co wnosi każdy partner. Usługi krajowe (np. UWV i SVB) zawsze do niej należą.
region-home-feed = Otwarte dane: usługi tego regionu w formacie HSDS
region-home-other = Wybierz inny region
crossborder-domain-social-security = Ubezpieczenia społeczne
crossborder-domain-health-care = Opieka zdrowotna
crossborder-domain-wage-tax = Podatek od wynagrodzenia
crossborder-domain-unemployment = Zasiłek dla bezrobotnych
crossborder-domain-child-benefit = Zasiłek rodzinny
crossborder-domain-compensation = Holenderska regulacja kompensacyjna
crossborder-domain-ninety-percent = Status 90 %
crossborder-domain-thirty-percent = Ulga 30 %
xb-step = Pytanie { $n } z najwyżej { $of }
xb-country-NL = Niderlandy
xb-country-DE = Niemcy
xb-country-BE = Belgia
xb-q-residence = W którym kraju mieszkasz?
xb-q-work = W którym kraju pracujesz?
xb-q-kind = Jak pracujesz?
xb-kind-employee = Jako pracownik
xb-kind-self-employed = Jako osoba samozatrudniona
xb-kind-civil-servant = Jako urzędnik służby cywilnej
xb-kind-posted = Pracodawca wysłał mnie czasowo za granicę (delegowanie)
xb-q-posting_months = Ile miesięcy ma trwać Twoje delegowanie?
xb-q-posting_months-hint = Od początku delegowania do planowanego końca.
xb-q-residence_share = Jaką część pracy wykonujesz w kraju, w którym mieszkasz?
xb-q-residence_share-hint = W procentach czasu pracy, łącznie z pracą z domu. 0, jeśli pracujesz tylko za granicą.
xb-q-telework_share = Jaką część czasu pracy pracujesz z domu?
xb-q-telework_share-hint = W procentach. 0, jeśli nigdy nie pracujesz z domu.
xb-q-days_outside_work_state = Ile dni w tym roku pracujesz { $work_code ->
        [NL] poza Niderlandami
        [DE] poza Niemcami
       *[BE] poza Belgią
    }?
xb-q-days_outside_work_state-hint = Dni pracy z domu lub w innym kraju; dzień liczy się od 30 minut pracy. 0, jeśli żadnych.
xb-q-children_residence = Czy masz dzieci, na które przysługuje zasiłek rodzinny? Gdzie mieszkają?
xb-no-children = Nie mam dzieci albo nie dotyczy
xb-q-other_parent_works_in = Czy drugi rodzic dzieci pracuje? Gdzie?
xb-other-parent-no-work = Nie pracuje (albo nie ma drugiego rodzica)
xb-q-unemployment = Czy jesteś bezrobotny albo pracujesz w skróconym czasie pracy?
xb-unemployment-whole = Straciłem/straciłam pracę (całkowicie bezrobotny)
xb-unemployment-short-time = Skrócony czas pracy
xb-not-unemployed = Nie
xb-error-number = Wpisz liczbę od 0 do najwyższej możliwej wartości, na przykład 20.
xb-error-choose = Wybierz jedną z odpowiedzi.
xb-unit-months = miesięcy
xb-unit-days = dni
xb-unit-percent = %
xb-answer-title = Co dotyczy Ciebie po obu stronach granicy
xb-disclaimer = Ogólne informacje z publicznych przepisów, a nie decyzja. O Twojej sytuacji decyduje punkt informacji przygranicznej lub właściwa instytucja.
xb-source = Źródło
xb-changes-title = Co by się zmieniło
xb-handover-title = Omów to z doradcą
xb-handover = Poproś { $organisation } o telefon
xb-handover-hint = Twoja sytuacja jest już wpisana w zgłoszenie; możesz ją zmienić przed wysłaniem, a bez Twojej zgody nic nie zostanie wysłane.
xb-summary = Mieszkasz { $home_code ->
        [NL] w Niderlandach
        [DE] w Niemczech
       *[BE] w Belgii
    } i pracujesz { $work_code ->
        [NL] w Niderlandach
        [DE] w Niemczech
       *[BE] w Belgii
    } ({ $kind }); { $share } % pracy w kraju zamieszkania, { $telework } % z domu, { $days } dni { $work_code ->
        [NL] poza Niderlandami
        [DE] poza Niemcami
       *[BE] poza Belgią
    } w tym roku; odpowiedzi na dzień { $date }.
xb-problem-date = Możemy odpowiadać tylko dla dat objętych przepisami (2024–2027).
xb-problem-other = Niektórych odpowiedzi nie dało się użyć. Zacznij od nowa.
xb-option-telework = Na wspólny wniosek pracodawcy i Ciebie (umowa ramowa o telepracy): { $answer }
xb-a-needs-adviser = Przepisy nie rozstrzygają tego w Twojej sytuacji: { $reason } Doradca przeanalizuje to z Tobą.
xb-reason-several-employers = pracujesz dla kilku pracodawców w kilku krajach.
xb-reason-centre-of-interest = zależy to od tego, gdzie jest centrum Twojej działalności.
xb-reason-private-insurance = przy prywatnym ubezpieczeniu zdrowotnym nie ma formularza S1.
xb-reason-social-security-first = najpierw trzeba ustalić, który kraj odpowiada za Twoje ubezpieczenia społeczne.
xb-reason-children-in-a-third-country = Twoje dzieci mieszkają w kraju, w którym żaden z rodziców nie pracuje.
xb-reason-not-verified = ten przepis nie jest potwierdzony w oficjalnym tekście.
xb-reason-rule-not-in-force = przepis, który by to rozstrzygał, nie obowiązuje w tym dniu.
xb-a-social-security-country = Podlegasz ubezpieczeniom społecznym { $country_code ->
        [NL] w Niderlandach
        [DE] w Niemczech
       *[BE] w Belgii
    }.
xb-a-health-care-country = Jesteś ubezpieczony zdrowotnie { $country_code ->
        [NL] w Niderlandach
        [DE] w Niemczech
       *[BE] w Belgii
    }, jak wszyscy, którzy tam mieszkają.
xb-a-health-care-insured-abroad = Jesteś ubezpieczony { $insured_code ->
        [NL] w Niderlandach
        [DE] w Niemczech
       *[BE] w Belgii
    }. Zarejestruj się z formularzem S1 { $registered_code ->
        [NL] w Niderlandach
        [DE] w Niemczech
       *[BE] w Belgii
    }; Ty i Twoja rodzina możecie leczyć się w obu krajach.
xb-a-wage-tax-country = Całe Twoje wynagrodzenie jest opodatkowane { $country_code ->
        [NL] w Niderlandach
        [DE] w Niemczech
       *[BE] w Belgii
    }.
xb-a-wage-tax-per-day = Każdy dzień pracy jest opodatkowany tam, gdzie go przepracowałeś: dni w kraju pracy { $work_code ->
        [NL] w Niderlandach
        [DE] w Niemczech
       *[BE] w Belgii
    }, dni pracy z domu { $home_code ->
        [NL] w Niderlandach
        [DE] w Niemczech
       *[BE] w Belgii
    }.
xb-a-unemployment-country = Zasiłek dla bezrobotnych wypłacany jest { $country_code ->
        [NL] w Niderlandach
        [DE] w Niemczech
       *[BE] w Belgii
    }.
xb-a-child-benefit-country = Zasiłek rodzinny wypłacany jest { $country_code ->
        [NL] w Niderlandach
        [DE] w Niemczech
       *[BE] w Belgii
    }.
xb-a-child-benefit-first-and-top-up = Zasiłek rodzinny najpierw wypłaca kraj: { $first }; różnicę do własnej kwoty dopłaca kraj: { $top_up }.
xb-a-compensation-applies = Holenderska regulacja kompensacyjna zwraca podatek zapłacony ponad to, co kosztowałaby praca w Niderlandach.
xb-a-compensation-does-not-apply = Holenderska regulacja kompensacyjna jest dla pracowników; nie dotyczy Ciebie.
xb-a-ninety-percent-applies = Jeśli 90 % lub więcej Twoich dochodów jest tam opodatkowane, przysługują Ci ulgi rezydenta.
xb-a-ninety-percent-does-not-apply = Mniej niż 90 % Twoich dochodów jest tam opodatkowane: bez ulg rezydenta.
xb-a-thirty-percent-applies = Spełniasz warunek odległości ulgi 30 %.
xb-a-thirty-percent-does-not-apply = Nie spełniasz warunku odległości ulgi 30 %.
xb-if-days-from = Przy 35 lub więcej dniach { $work_code ->
        [NL] poza Niderlandami
        [DE] poza Niemcami
       *[BE] poza Belgią
    } w tym roku
xb-if-days-below = Przy mniej niż 35 dniach { $work_code ->
        [NL] poza Niderlandami
        [DE] poza Niemcami
       *[BE] poza Belgią
    } w tym roku
xb-if-share-from = Przy 25 % lub więcej pracy { $home_code ->
        [NL] w Niderlandach
        [DE] w Niemczech
       *[BE] w Belgii
    }
xb-if-share-below = Przy mniej niż 25 % pracy { $home_code ->
        [NL] w Niderlandach
        [DE] w Niemczech
       *[BE] w Belgii
    }
fd-explainer = Który kraj odpowiada za Twoje ubezpieczenia społeczne, ubezpieczenie zdrowotne, podatek od wynagrodzenia i zasiłek rodzinny? Przewodnik przygraniczny odpowiada w kilku pytaniach, z przepisami za każdą odpowiedzią.
fd-explainer-link = Sprawdź, co dotyczy Ciebie po obu stronach granicy
nav-cross-border = Za granicą
xb-reason-marginal-work = to, czy Twoja praca w drugim kraju jest marginalna, ocenia właściwa instytucja.
xb-reason-civil-servant-tax = wynagrodzenie od pracodawcy publicznego za granicą jest opodatkowane według przepisów zależnych od obywatelstwa, miejsca zamieszkania i miejsca pracy.

## Wydarzenia (publiczne)
ev-title = Wydarzenia
nav-events = Wydarzenia
ev-intro = Spotkania, wydarzenia powitalne i kursy dla osób, które mieszkają i pracują w regionie. Zapisy są bezpłatne; nie potrzebujesz konta.
ev-none = Obecnie nie ma zaplanowanych wydarzeń.
ev-filter-region = Region
ev-filter-all = Wszystkie regiony
ev-filter-submit = Pokaż
ev-subscribe = Dodaj te wydarzenia do swojego kalendarza
ev-subscribe-hint = Skopiuj ten link do aplikacji kalendarza; nowe i zmienione terminy pojawią się automatycznie.
ev-when = Kiedy
ev-where = Gdzie
ev-online = Online
ev-languages = Język
ev-organiser = Organizator
ev-places-left = { $places ->
    [one] zostało 1 miejsce
    [few] zostały { $places } miejsca
   *[other] zostało { $places } miejsc
}
ev-full = Brak miejsc: lista oczekujących
ev-cancelled = Odwołane
ev-more = Więcej o: { $title }
ev-dates = Terminy
ev-register-title = Zapisz się
ev-register-date = Termin
ev-register-name = Imię i nazwisko
ev-register-email = Adres e-mail
ev-register-email-hint = Wyślemy tu potwierdzenie i link do wypisania się.
ev-register-party = Ile osób przyjdzie (łącznie z Tobą)
ev-register-consent = Zgadzam się, aby { $organiser } przechowywał(a) moje imię, nazwisko i adres e-mail w celu organizacji tego wydarzenia. Zostaną usunięte 30 dni po terminie.
ev-register-submit = Zapisz się
ev-register-another = Zapisz kolejną osobę
ev-error-name-required = Wpisz swoje imię i nazwisko.
ev-error-name-too-long = Imię i nazwisko może mieć najwyżej 120 znaków.
ev-error-email-invalid = Wpisz adres e-mail, np. imie@przyklad.pl.
ev-error-party-range = Wpisz liczbę od 1 do 10.
ev-error-consent-required = Zaznacz pole zgody, w przeciwnym razie nie możemy Cię zapisać.
ev-error-date-closed = Zapisy na ten termin są zamknięte. Wybierz inny termin.
ev-done-confirmed = Jesteś zapisany(-a) na: { $title }, { $when }.
ev-done-waiting = Ten termin jest pełny. Jesteś na liście oczekujących na: { $title }, { $when }. Jeśli zwolni się miejsce, napiszemy do Ciebie.
ev-done-mailed = Wysłaliśmy szczegóły na adres { $email }.
ev-code = Twój kod przy wejściu: { $code }
ev-calendar-file = Dodaj do kalendarza (.ics)
ev-booking-title = Twoje zgłoszenie
ev-booking-status-confirmed = Masz { $places ->
    [one] miejsce
    [few] { $places } miejsca
   *[other] { $places } miejsc
}.
ev-booking-status-waiting = Jesteś na liście oczekujących.
ev-booking-status-offered = Czeka na Ciebie wolne miejsce do { $until }.
ev-booking-status-cancelled = To zgłoszenie zostało anulowane.
ev-booking-status-expired = Zaproponowane miejsce nie zostało przyjęte na czas.
ev-booking-accept = Przyjmij miejsce
ev-booking-cancel = Wypisz mnie
ev-booking-cancel-hint = Nie możesz przyjść? Wypisz się, a Twoje miejsce dostanie osoba z listy oczekujących.
ev-booking-cancelled = Wypisaliśmy Cię. Dziękujemy za informację.
ev-booking-accepted = Miejsce jest Twoje. Do zobaczenia!
ev-booking-too-late = Ta oferta wygasła albo miejsce zostało już zajęte.
ev-booking-unknown = Ten link nie należy do żadnego zgłoszenia. Być może został źle skopiowany.
ev-back = Wszystkie wydarzenia
ev-for-you = Wydarzenia dla Ciebie

## Wiadomości o wydarzeniach
event-mail-confirmed-subject = Twoje miejsce: { $title }
event-mail-confirmed-body = Jesteś zapisany(-a) na: { $title }, { $when } ({ $place }); liczba osób: { $places }.

    Twój kod przy wejściu: { $code }

    Nie możesz przyjść? Wypisz się tutaj, a Twoje miejsce dostanie osoba z listy oczekujących:
    { $link }
event-mail-waiting-subject = Lista oczekujących: { $title }
event-mail-waiting-body = { $title }, { $when }: brak wolnych miejsc. Jesteś na liście oczekujących.

    Jeśli zwolni się miejsce, napiszemy do Ciebie. Będziesz mieć wtedy { $hours } godz. na jego przyjęcie.

    Już nie jesteś zainteresowany(-a)? Wypisz się tutaj:
    { $link }
event-mail-reminder-subject = Przypomnienie: { $title }, { $when }
event-mail-reminder-body = Do zobaczenia: { $title }, { $when } ({ $place }).

    Twój kod przy wejściu: { $code }

    Jednak nie możesz przyjść? Wypisz się tutaj, a Twoje miejsce dostanie osoba z listy oczekujących:
    { $link }
event-mail-moved-subject = Zmiana: { $title }
event-mail-moved-body = { $title } przeniesiono na { $when }. Twoje zgłoszenie pozostaje aktualne.

    Nie możesz w nowym terminie? Wypisz się linkiem z potwierdzenia, a Twoje miejsce dostanie ktoś inny.
    { $url }
event-mail-cancelled-subject = Odwołane: { $title }, { $when }
event-mail-cancelled-body = { $title }, { $when }: wydarzenie zostało odwołane. Przepraszamy.

    Inne terminy, jeśli są:
    { $url }
event-mail-offer-subject = Zwolniło się miejsce dla Ciebie: { $title }
event-mail-offer-body = Zwolniło się miejsce na: { $title }, { $when } ({ $place }). Rezerwujemy je dla Ciebie do { $until }.

    Przyjmij je tutaj:
    { $link }
