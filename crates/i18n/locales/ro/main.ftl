# Română: paginile publice, ghișeul digital (întrebările) și cererea de a fi contactat.
# Ce lipsește aici apare în engleză (paginile pentru personalul organizațiilor).
site-name = loket
site-tagline = Un singur ghișeu pentru munca peste graniță în Limburg și Euregio
skip-to-content = Salt la conținut
nav-label = Meniu principal
nav-home = Acasă
nav-services = Găsește ajutor
nav-organizations = Organizații
nav-accessibility = Accesibilitate
language-switch-label = Limbă
footer-text = loket este ghidul comun de servicii al partenerilor din Limburg și Euregio Meuse-Rin.
footer-api = Date deschise (HSDS API)
home-title = Unde poți merge cu întrebarea ta despre muncă?
home-intro = Locuiești sau lucrezi peste graniță, vii din străinătate sau cauți personal? Aici găsești organizația care te poate ajuta.
home-search-label = Despre ce este întrebarea ta?
home-search-hint = De exemplu: impozite, asigurare de sănătate, un loc de muncă în Germania, locuință, înregistrare.
home-search-button = Caută
home-by-group = Cine ești?
home-by-topic = Subiecte
home-by-region = Regiuni
home-stats = { $services } servicii de la { $organizations } organizații.
search-title = Găsește ajutor
search-filters = Filtre
filter-q = Cuvinte de căutare
filter-topic = Subiect
filter-group = Pentru cine
filter-area = Localitate sau regiune
filter-language = Limba serviciului
filter-channel = Contact
filter-any = Toate
filter-regions = Regiuni
filter-municipalities = Localități
filter-apply = Arată serviciile
filter-reset = Șterge filtrele
search-count = { $count ->
    [one] 1 serviciu găsit
    [few] { $count } servicii găsite
   *[other] { $count } de servicii găsite
}
search-none = Nu s-a găsit niciun serviciu.
search-none-hint = Încearcă alte cuvinte sau mai puține, ori mai puține filtre.
search-did-you-mean = Ai vrut să scrii
search-none-front-door = Pune întrebarea: câțiva pași până la serviciul potrivit
search-none-generalists = Centrul de muncă din regiunea ta ajută pe oricine mai departe
search-results = Rezultate
pagination-label = Pagini
page-prev = Pagina anterioară
page-next = Pagina următoare
page-of = Pagina { $page } din { $pages }
error-summary-title = Verifică datele introduse
error-unknown-choice = Alege o valoare din listă.
error-text-too-long = Folosește cel mult 200 de caractere.
error-page = Această pagină nu există.
service-by = Oferit de
service-for-whom = Pentru cine
service-topics = Subiecte
service-how = Cum contactezi acest serviciu
reach-call = Sună
reach-email = E-mail
reach-website = Site web
reach-visit = Vizită
reach-directions = Traseu
reach-incomplete = numărul sau codul poștal nu este încă confirmat
reach-callback = Apel înapoi
reach-none = Nu cunoaștem încă un număr de telefon, o adresă de e-mail, un site sau o adresă a acestui serviciu. Cere mai jos să fii contactat și organizația te va contacta.
service-practical = Informații practice
service-channels = Contact
service-where = Locații
service-languages = Limbi
service-area = Zona deservită
service-fees = Costuri
service-eligibility = Condiții
service-age = Vârstă: { $min }–{ $max } ani
service-age-min = Vârstă: de la { $min } ani
service-hours = Program
service-hours-unknown = Programul nu este încă cunoscut. Contactează organizația.
service-hours-exception = Program diferit
service-closed = închis
service-assured = Verificat de organizație la { $date }.
service-not-assured = Încă neverificat de organizație.
service-modified = Ultima modificare: { $date }.
service-status-inactive = Acest serviciu nu este activ în prezent.
service-status-defunct = Acest serviciu nu mai există.
service-status-temporarily-closed = Acest serviciu este închis temporar.
service-location-unconfirmed = Adresa exactă nu a fost încă confirmată.
service-line-second = Serviciu specializat: de obicei ajungi la el printr-un ghișeu de primă linie.
org-reach = Contact
org-reach-none = Nu cunoaștem încă datele de contact ale acestei organizații. Alege mai jos un serviciu și cere să fii contactat.
org-about = Despre această organizație
org-services = Servicii
org-locations = Birouri
org-identifiers = Numere de înregistrare
orgs-title = Organizații
orgs-intro = Aceste organizații colaborează în ghidul de servicii.
orgs-service-count = { $count ->
    [one] 1 serviciu
    [few] { $count } servicii
   *[other] { $count } de servicii
}
a11y-title = Declarație de accesibilitate
a11y-intro = Vrem ca toată lumea să poată folosi acest site, inclusiv persoanele cu dizabilități.
a11y-standard-title = Ce standard
a11y-standard = Acest site trebuie să respecte ghidurile WCAG 2.2 la nivelul AA, așa cum cere legea olandeză instituțiilor publice.
a11y-how-title = Cum verificăm
a11y-how = La fiecare modificare testăm automat paginile cu axe-core într-un browser real, în toate limbile. Paginile funcționează fără JavaScript și doar cu tastatura.
a11y-limits-title = Limitări cunoscute
a11y-limits = Textele organizațiilor nu sunt întotdeauna disponibile în fiecare limbă; atunci vezi textul în engleză sau neerlandeză.
a11y-contact-title = Ceva nu funcționează?
a11y-contact = Spune-i organizației care administrează acest site în regiunea ta. Răspundem în cinci zile lucrătoare.
notfound-title = Pagina nu a fost găsită
notfound-body = Această pagină nu (mai) există. Caută din nou serviciul.
error-title = Ceva nu a mers
error-body = Încearcă din nou mai târziu.
weekday-mo = luni
weekday-tu = marți
weekday-we = miercuri
weekday-th = joi
weekday-fr = vineri
weekday-sa = sâmbătă
weekday-su = duminică
language-nl = neerlandeză
language-en = engleză
language-de = germană
language-fr = franceză
language-pl = poloneză
language-ro = română
language-bg = bulgară
language-es = spaniolă
language-pt = portugheză
nav-front-door = Pune o întrebare
home-front-door-title = Nu știi unde să mergi?
home-front-door-intro = Răspunde la câteva întrebări scurte. Găsim organizația care te poate ajuta.
home-front-door-start = Începe întrebările
fd-step = Întrebarea { $n }
fd-next = Mai departe
fd-back = Întrebarea anterioară
fd-restart = Ia-o de la capăt
fd-place-choose = Alege din listă
fd-place-postcode = Sau introdu codul poștal
fd-elsewhere-NL = În altă parte în Țările de Jos
fd-elsewhere-DE = În altă parte în Germania
fd-elsewhere-BE = În altă parte în Belgia
fd-abroad = În altă țară
fd-none = Încă nu știu
fd-other-places = Altele
fd-no-preference = Nicio preferință
fd-link-notice = Acest link nu era complet corect. Am lăsat deoparte părțile greșite.
fd-result-title = Unde poți merge
fd-result-intro = Pe baza răspunsurilor tale, aceste servicii se potrivesc cel mai bine întrebării tale.
fd-fallback = Nu am găsit un serviciu anume pentru întrebarea ta. Centrul de muncă din regiunea ta te ajută mai departe.
fd-channel-missing = Niciunul dintre aceste servicii nu poate fi contactat cum ai dorit ({ $channel }). La fiecare vezi cum îl poți contacta.
fd-why = De ce acest serviciu
fd-how = Cum îi contactezi
fd-bring = Cum procedezi
fd-your-answers = Răspunsurile tale
fd-share = Salvează, tipărește sau trimite
fd-share-hint = Linkul de mai jos conține doar răspunsurile tale, fără nume sau adresă. Poți și să tipărești această pagină.
fd-share-link = Link către acest rezultat
answer-error-missing = Răspunde la această întrebare.
answer-error-unknown-choice = Alege unul dintre răspunsuri.
answer-error-too-many = Alege un singur răspuns.
answer-error-unknown-place = Alege un loc din listă.
answer-error-unknown-postcode = Nu cunoaștem acest cod poștal. Alege localitatea din listă.
answer-error-unknown-question = Nu cunoaștem această întrebare.
answer-error-not-asked = Această întrebare nu se potrivește cu răspunsurile tale.
reason-target-group = Pentru: { $group }.
reason-topic = Ajută cu: { $topic }.
reason-topic-focused = Specializat în: { $topic }.
reason-serves-both = Lucrează pentru { $live }, unde locuiești, și pentru { $work }, unde lucrezi.
reason-serves-live = Lucrează pentru { $place }, unde locuiești.
reason-serves-work = Lucrează pentru { $place }, unde lucrezi sau vrei să lucrezi.
reason-serves-company = Lucrează pentru { $place }, unde este firma ta.
reason-serves-staff = Lucrează și în { $place }, unde cauți personal.
reason-border = Cunoaște granița { $countries }.
reason-language = Te ajută în { $languages }.
reason-channel = Poți lua legătura cum preferi: { $channel }.
reason-first-line = Îți oferă sfaturi personale.
reason-residence-country = Ajutorul de șomaj îl plătește țara în care locuiești.
reason-eu-no-permit = Cu cetățenia unei țări din UE, SEE sau Elveția nu ai nevoie de permis de ședere. Trebuie însă să te înregistrezi.
reason-generalist = Nu am găsit un serviciu anume. Aici te ajută mai departe.
hours-open-until = Deschis acum, până la { $time }.
hours-opens-today = Închis acum. Deschis azi de la { $time }.
hours-opens-on = Închis acum. Se redeschide { $day } { $date } la { $time }.
hours-unknown = Programul nu este încă cunoscut.
feedback-title = Nu ți-a răspuns la întrebare?
feedback-label = Spune-ne ce căutai (opțional)
feedback-hint = Nu scrie numele, adresa sau alte date personale. Cel mult 1000 de caractere. Folosim asta doar pentru a îmbunătăți ghidul.
feedback-send = Trimite
feedback-thanks = Mulțumim. Răspunsul tău ne ajută să îmbunătățim ghidul.
feedback-back = Înapoi la rezultat
feedback-error-expired = Formularul a expirat. Trimite-l din nou.
feedback-error-too-long = Folosește cel mult 1000 de caractere.
nav-privacy = Confidențialitate
privacy-title = Declarație de confidențialitate
privacy-intro = Ce date prelucrează acest ghid, de ce, pe ce temei și cât timp. Această pagină provine direct din registrul activităților de prelucrare.
privacy-controller-each = Fiecare organizație care primește sau înregistrează datele tale (o cerere de a fi contactat, un contact, o trimitere) este operatorul lor.
privacy-controller-list = Toate organizațiile și cum le contactezi
privacy-controller = Operator:
privacy-planned = încă nefolosit
privacy-purpose = Scop
privacy-basis = Temei legal
privacy-data = Date
privacy-retention = Păstrate timp de
privacy-retention-years = { $years ->
    [one] 1 an
    [few] { $years } ani
   *[other] { $years } de ani
}
privacy-retention-months = { $months ->
    [one] 1 lună
    [few] { $months } luni
   *[other] { $months } de luni
}
privacy-retention-days = { $days ->
    [one] 1 zi
    [few] { $days } zile
   *[other] { $days } de zile
}
privacy-retention-anonymous = Anonim; păstrat cât timp este util.
privacy-retention-after-activity = după ultima ta activitate
privacy-rights-title = Drepturile tale
privacy-rights = Îți poți vedea datele, le poți corecta sau șterge și te poți opune prelucrării. Contactează organizația care te ajută. Dacă nu ești de acord cu modul în care sunt tratate datele tale, poți depune o plângere la autoritatea olandeză pentru protecția datelor (Autoriteit Persoonsgegevens).
basis-consent = Consimțământ
basis-contract = Contract
basis-legal-obligation = Obligație legală
basis-vital-interests = Interese vitale
basis-public-task = Misiune publică
basis-legitimate-interests = Interese legitime
nav-account = Contul meu
nav-staff-area = Pentru personal
sign-out = Deconectare
form-error-summary = Corectează următoarele
form-error-rate-limited = Prea multe cereri de la adresa ta. Așteaptă o oră și încearcă din nou.
forbidden-title = Fără acces
who-signed-in-as = Conectat ca
who-home = Pagina mea de start
forbidden-home = La pagina mea de start
forbidden-body = Contul tău nu permite această pagină sau acțiune. Încercarea a fost înregistrată. Întreabă administratorul organizației tale dacă crezi că ai nevoie de acces.
forbidden-signed-in-as = Ești conectat ca { $email }.
csrf-title = Formular neacceptat
csrf-body = Acest formular a expirat sau nu provine de pe acest site, așa că nu s-a schimbat nimic. Întoarce-te, reîncarcă pagina și încearcă din nou.
lang-name-nl = neerlandeză
lang-name-en = engleză
lang-name-de = germană
lang-name-fr = franceză
lang-name-pl = poloneză
lang-name-ro = română
lang-name-bg = bulgară
lang-name-es = spaniolă
lang-name-pt = portugheză
lang-name-tr = turcă
lang-name-ar = arabă
lang-name-uk = ucraineană
footer-join = Alătură-te rețelei
country-other = Altă țară
referral-error-required = Completează acest câmp.
referral-error-too-long = Este prea lung.
referral-error-unknown = Alege una dintre opțiuni.
referral-error-language-unknown = Alege o limbă.
referral-error-question-required = Scrie întrebarea ta.
referral-error-question-too-long = Întrebarea ta este prea lungă (cel mult 2000 de caractere).
intake-title = Cere-i lui { $service } să te contacteze
intake-link = Cere acestui serviciu să te contacteze
intake-intro = Lasă întrebarea ta; cineva de la acest serviciu te va contacta.
intake-name = Numele tău
intake-question = Întrebarea ta
intake-language = În ce limbă vrei să primești ajutor?
intake-consent = Sunt de acord ca { $organization } să folosească numele, datele de contact, limba și întrebarea mea pentru a mă contacta în legătură cu această întrebare.
intake-privacy = Poți retrage oricând acest consimțământ la organizație. Mai multe despre ce facem cu datele tale:
intake-submit = Trimite întrebarea
intake-error-consent = Dă-ți consimțământul, altfel organizația nu te poate contacta.
intake-purpose = Contactarea persoanei în legătură cu întrebarea sa către { $service }
intake-contact = Cum te putem contacta?
intake-contact-hint = Numărul tău de telefon (de exemplu +40 721 234 567 sau +31 6 12345678) sau adresa de e-mail.
intake-thanks-title = Întrebarea ta a fost trimisă
intake-thanks = { $organization } a primit întrebarea ta și te va contacta.
intake-reference = Numărul tău de referință: { $reference }. Menționează-l dacă iei tu legătura cu ei.
intake-answer-by = { $organization } te va contacta cel târziu pe { $date }.
intake-mailed = Am trimis o confirmare la { $email }.
intake-error-name-required = Scrie-ți numele.
intake-error-name-too-short = Scrie-ți numele (cel puțin două litere).
intake-error-contact-required = Scrie numărul de telefon sau adresa de e-mail.
intake-error-contact-unreachable = Nu te putem contacta la aceasta. Scrie un număr de telefon (de exemplu +40 721 234 567 sau +31 6 12345678) sau o adresă de e-mail.
intake-error-question-required = Scrie întrebarea ta.
intake-error-too-fast = Verifică datele și trimite formularul încă o dată.
mail-callback-subject = Întrebarea ta către { $organization } (referință { $reference })
mail-callback-body =
    Bună ziua,

    { $organization } a primit întrebarea ta despre „{ $service }” și te va contacta cel târziu pe { $date }.

    Numărul tău de referință este { $reference }. Menționează-l dacă iei tu legătura cu ei.

    Despre serviciu: { $link }

    Primești acest e-mail pentru că ai cerut să fii contactat prin loket. Dacă nu ai făcut-o, îl poți ignora.
nav-vacancies = Locuri de muncă
language-label = Limbă
error-unavailable-title = Indisponibil temporar
error-unavailable-body = Ceva nu a mers la salvarea sau citirea datelor. Nu s-a pierdut nimic; încearcă din nou în curând.
error-method-title = Acest lucru nu se poate face aici
error-method-body = Această adresă nu poate fi folosită astfel. Întoarce-te la pagina anterioară sau începe de la pagina principală.
error-too-large-title = Prea mare pentru a fi trimis
error-too-large-body = Ce ai trimis este mai mare decât acceptă orice formular de aici. Micșorează fișierul și încearcă din nou.
error-too-slow-title = Conexiunea a fost prea lentă
error-too-slow-body = Ce ai trimis nu a ajuns la timp. Nu s-a salvat nimic; încearcă din nou.
error-conflict-title = Altcineva a fost mai rapid
error-conflict-body = Între timp cineva a modificat acest lucru. Deschide din nou pagina și vezi cum arată acum.
error-expired-title = Acest link nu mai funcționează
error-expired-body = Linkul a expirat sau a fost deja folosit. Cere unul nou dacă ai nevoie.
error-retry = Încearcă din nou
error-invalid-title = Nu poate fi procesat așa cum a fost trimis
error-invalid-body = Ce s-a trimis nu este corect. Întoarce-te, verifică câmpurile și trimite din nou.
date = { $day }.{ $month }.{ $year }
month-1 = ianuarie
month-2 = februarie
month-3 = martie
month-4 = aprilie
month-5 = mai
month-6 = iunie
month-7 = iulie
month-8 = august
month-9 = septembrie
month-10 = octombrie
month-11 = noiembrie
month-12 = decembrie
staff-nav-label = Meniul zonei de lucru
staff-nav-public = Site-ul public
tag-for = Pentru:
filter-more = Mai multe filtre

## Labour-market regions: the national entry, a region's home and the hand-over between regions
region-handover = { $place } se află în regiunea { $region }, nu în { $here }. Punctul de acces al regiunii { $region } cunoaște serviciile de acolo; răspunsurile tale merg cu tine.
region-handover-link = Continuă la punctul de acces al regiunii { $region }
region-entry-title = Găsește punctul de acces al regiunii tale
region-entry-intro = Fiecare regiune a pieței muncii are propriul punct de acces pentru muncă, locuință și munca transfrontalieră. Introdu codul poștal sau localitatea, în Țările de Jos, Germania sau Belgia.
region-entry-label = Codul tău poștal sau localitatea
region-entry-hint = De exemplu 6041 AB, Roermond, 52062 sau Aachen
region-entry-submit = Găsește regiunea mea
region-entry-error-empty = Introdu un cod poștal sau numele unei localități.
region-entry-error-unknown = Nu cunoaștem „{ $text }”. Verifică codul poștal sau numele localității, sau alege o regiune mai jos.
region-entry-error-outside = { $place } nu face (încă) parte dintr-o regiune din loket. Alege o regiune mai jos sau folosește punctul de acces general.
region-entry-list = Regiunile din loket
region-entry-general = Punctul de acces general (toate serviciile)
region-home-intro = Toate serviciile pentru muncă, locuință și munca transfrontalieră din regiunea { $region }, într-un singur loc. Răspunde la câteva întrebări și îți arătăm cine te poate ajuta.
region-home-start = Începe cu întrebările
region-home-menu = Serviciile regiunii { $region }
region-home-menu-intro = Oferta regională: ce aduce fiecare partener. Serviciile naționale (precum UWV și SVB) fac mereu parte din ea.
region-home-feed = Date deschise: serviciile acestei regiuni în format HSDS
region-home-other = Alege o altă regiune
crossborder-domain-social-security = Asigurări sociale
crossborder-domain-health-care = Asistență medicală
crossborder-domain-wage-tax = Impozit pe salariu
crossborder-domain-unemployment = Indemnizație de șomaj
crossborder-domain-child-benefit = Alocație pentru copii
crossborder-domain-compensation = Regimul olandez de compensare
crossborder-domain-ninety-percent = Statutul de 90 %
crossborder-domain-thirty-percent = Regimul de 30 %
xb-step = Întrebarea { $n } din cel mult { $of }
xb-country-NL = Țările de Jos
xb-country-DE = Germania
xb-country-BE = Belgia
xb-q-residence = În ce țară locuiești?
xb-q-work = În ce țară lucrezi?
xb-q-kind = Cum lucrezi?
xb-kind-employee = Ca angajat
xb-kind-self-employed = Ca independent
xb-kind-civil-servant = Ca funcționar public
xb-kind-posted = Trimis temporar în străinătate de angajator (detașat)
xb-q-posting_months = Câte luni ar trebui să dureze detașarea ta?
xb-q-posting_months-hint = De la începutul detașării până la sfârșitul planificat.
xb-q-residence_share = Ce parte din muncă o faci în țara în care locuiești?
xb-q-residence_share-hint = În procente din timpul de lucru, inclusiv munca de acasă. 0 dacă lucrezi doar peste graniță.
xb-q-telework_share = Ce parte din timpul de lucru lucrezi de acasă?
xb-q-telework_share-hint = În procente. 0 dacă nu lucrezi niciodată de acasă.
xb-q-days_outside_work_state = În câte zile din acest an lucrezi { $work_code ->
        [NL] în afara Țărilor de Jos
        [DE] în afara Germaniei
       *[BE] în afara Belgiei
    }?
xb-q-days_outside_work_state-hint = Zile de lucru de acasă sau în altă țară; o zi contează de la 30 de minute de lucru. 0 dacă niciuna.
xb-q-children_residence = Ai copii pentru care primești alocație? Unde locuiesc?
xb-no-children = Nu am copii sau nu este cazul
xb-q-other_parent_works_in = Celălalt părinte al copiilor lucrează? Unde?
xb-other-parent-no-work = Nu lucrează (sau nu există alt părinte)
xb-q-unemployment = Ești șomer sau lucrezi cu program redus?
xb-unemployment-whole = Mi-am pierdut locul de muncă (șomaj total)
xb-unemployment-short-time = Program redus de lucru
xb-not-unemployed = Nu
xb-error-number = Scrie un număr de la 0 până la valoarea cea mai mare posibilă, de exemplu 20.
xb-error-choose = Alege unul dintre răspunsuri.
xb-unit-months = luni
xb-unit-days = zile
xb-unit-percent = %
xb-answer-title = Ce se aplică în cazul tău de o parte și de alta a graniței
xb-disclaimer = Informații generale din regulile publice, nu o decizie. Punctul de informare transfrontalieră sau instituția competentă decide în cazul tău.
xb-source = Sursa
xb-changes-title = Ce s-ar schimba
xb-handover-title = Discută cu un consilier
xb-handover = Roagă { $organisation } să te sune
xb-handover-hint = Situația ta este deja scrisă în cerere; o poți modifica înainte de a o trimite și nimic nu se trimite fără acordul tău.
xb-summary = Locuiești { $home_code ->
        [NL] în Țările de Jos
        [DE] în Germania
       *[BE] în Belgia
    } și lucrezi { $work_code ->
        [NL] în Țările de Jos
        [DE] în Germania
       *[BE] în Belgia
    } ({ $kind }); { $share } % din muncă în țara de reședință, { $telework } % de acasă, { $days } zile { $work_code ->
        [NL] în afara Țărilor de Jos
        [DE] în afara Germaniei
       *[BE] în afara Belgiei
    } în acest an; răspunsuri pentru { $date }.
xb-problem-date = Putem răspunde doar pentru datele acoperite de reguli (2024–2027).
xb-problem-other = Unele răspunsuri nu au putut fi folosite. Te rugăm să reîncepi.
xb-option-telework = La cererea comună a angajatorului și a ta (acordul-cadru privind munca la distanță): { $answer }
xb-a-needs-adviser = Regulile nu decid acest lucru pentru situația ta: { $reason } Un consilier analizează cu tine.
xb-reason-several-employers = lucrezi pentru mai mulți angajatori în mai multe țări.
xb-reason-centre-of-interest = depinde de locul în care se află centrul activității tale.
xb-reason-private-insurance = cu o asigurare de sănătate privată nu există formularul S1.
xb-reason-social-security-first = mai întâi trebuie stabilit ce țară este competentă pentru asigurările tale sociale.
xb-reason-children-in-a-third-country = copiii tăi locuiesc într-o țară în care niciun părinte nu lucrează.
xb-reason-not-verified = această regulă nu este confirmată într-un text oficial.
xb-reason-rule-not-in-force = regula care ar decide nu se aplică la această dată.
xb-a-social-security-country = Ești asigurat social { $country_code ->
        [NL] în Țările de Jos
        [DE] în Germania
       *[BE] în Belgia
    }.
xb-a-health-care-country = Ești asigurat pentru sănătate { $country_code ->
        [NL] în Țările de Jos
        [DE] în Germania
       *[BE] în Belgia
    }, ca toți cei care locuiesc acolo.
xb-a-health-care-insured-abroad = Ești asigurat { $insured_code ->
        [NL] în Țările de Jos
        [DE] în Germania
       *[BE] în Belgia
    }. Înregistrează-te cu formularul S1 { $registered_code ->
        [NL] în Țările de Jos
        [DE] în Germania
       *[BE] în Belgia
    }; tu și familia ta puteți primi îngrijiri în ambele țări.
xb-a-wage-tax-country = Întregul tău salariu este impozitat { $country_code ->
        [NL] în Țările de Jos
        [DE] în Germania
       *[BE] în Belgia
    }.
xb-a-wage-tax-per-day = Fiecare zi de lucru este impozitată acolo unde ai lucrat-o: zilele din țara de lucru { $work_code ->
        [NL] în Țările de Jos
        [DE] în Germania
       *[BE] în Belgia
    }, zilele de acasă { $home_code ->
        [NL] în Țările de Jos
        [DE] în Germania
       *[BE] în Belgia
    }.
xb-a-unemployment-country = Indemnizația de șomaj se plătește { $country_code ->
        [NL] în Țările de Jos
        [DE] în Germania
       *[BE] în Belgia
    }.
xb-a-child-benefit-country = Alocația pentru copii se plătește { $country_code ->
        [NL] în Țările de Jos
        [DE] în Germania
       *[BE] în Belgia
    }.
xb-a-child-benefit-first-and-top-up = Alocația o plătește mai întâi țara: { $first }; diferența până la propria sumă o plătește țara: { $top_up }.
xb-a-compensation-applies = Regimul olandez de compensare îți rambursează impozitul plătit în plus față de munca în Țările de Jos.
xb-a-compensation-does-not-apply = Regimul olandez de compensare este pentru angajați; nu se aplică în cazul tău.
xb-a-ninety-percent-applies = Cu 90 % sau mai mult din venit impozitat acolo, beneficiezi de deducerile unui rezident.
xb-a-ninety-percent-does-not-apply = Mai puțin de 90 % din venit este impozitat acolo: fără deducerile unui rezident.
xb-a-thirty-percent-applies = Îndeplinești condiția de distanță a regimului de 30 %.
xb-a-thirty-percent-does-not-apply = Nu îndeplinești condiția de distanță a regimului de 30 %.
xb-if-days-from = Cu 35 de zile sau mai multe { $work_code ->
        [NL] în afara Țărilor de Jos
        [DE] în afara Germaniei
       *[BE] în afara Belgiei
    } în acest an
xb-if-days-below = Cu mai puțin de 35 de zile { $work_code ->
        [NL] în afara Țărilor de Jos
        [DE] în afara Germaniei
       *[BE] în afara Belgiei
    } în acest an
xb-if-share-from = Cu 25 % sau mai mult din muncă { $home_code ->
        [NL] în Țările de Jos
        [DE] în Germania
       *[BE] în Belgia
    }
xb-if-share-below = Cu mai puțin de 25 % din muncă { $home_code ->
        [NL] în Țările de Jos
        [DE] în Germania
       *[BE] în Belgia
    }
fd-explainer = Ce țară este competentă pentru asigurările tale sociale, asigurarea de sănătate, impozitul pe salariu și alocația pentru copii? Ghidul transfrontalier răspunde în câteva întrebări, cu regulile din spatele fiecărui răspuns.
fd-explainer-link = Vezi ce se aplică în cazul tău de o parte și de alta a graniței
nav-cross-border = Peste graniță
xb-reason-marginal-work = dacă munca ta din cealaltă țară este marginală hotărăște instituția competentă.
xb-reason-civil-servant-tax = salariul de la un angajator public de peste graniță se impozitează după reguli care depind de cetățenie, reședință și locul de muncă.

## Evenimente (public)
ev-title = Evenimente
nav-events = Evenimente
ev-intro = Întâlniri, evenimente de bun venit și cursuri pentru cei care locuiesc și lucrează în regiune. Înscrierea este gratuită; nu aveți nevoie de cont.
ev-none = Momentan nu sunt evenimente planificate.
ev-filter-region = Regiune
ev-filter-all = Toate regiunile
ev-filter-submit = Afișează
ev-subscribe = Adăugați aceste evenimente în calendarul dvs.
ev-subscribe-hint = Copiați acest link în aplicația de calendar; datele noi și cele modificate vor apărea automat.
ev-when = Când
ev-where = Unde
ev-online = Online
ev-languages = Limba
ev-organiser = Organizat de
ev-places-left = { $places ->
    [one] mai este 1 loc
    [few] mai sunt { $places } locuri
   *[other] mai sunt { $places } de locuri
}
ev-full = Complet: listă de așteptare
ev-cancelled = Anulat
ev-more = Mai multe despre { $title }
ev-dates = Date
ev-register-title = Înscriere
ev-register-date = Data
ev-register-name = Numele dvs.
ev-register-email = Adresa dvs. de e-mail
ev-register-email-hint = Aici vă trimitem confirmarea și un link pentru a vă retrage.
ev-register-party = Câte persoane vin (inclusiv dvs.)
ev-register-consent = Sunt de acord ca { $organiser } să păstreze numele și adresa mea de e-mail pentru organizarea acestui eveniment. Ele se șterg la 30 de zile după dată.
ev-register-submit = Înscrie-mă
ev-register-another = Înscrieți încă o persoană
ev-error-name-required = Introduceți numele dvs.
ev-error-name-too-long = Numele poate avea cel mult 120 de caractere.
ev-error-email-invalid = Introduceți o adresă de e-mail precum nume@exemplu.ro.
ev-error-party-range = Introduceți un număr de la 1 la 10.
ev-error-consent-required = Bifați căsuța de acord, altfel nu vă putem înscrie.
ev-error-date-closed = Înscrierile pentru această dată s-au închis. Alegeți altă dată.
ev-done-confirmed = Sunteți înscris(ă) la { $title }, { $when }.
ev-done-waiting = Această dată este completă. Sunteți pe lista de așteptare pentru { $title }, { $when }. Dacă se eliberează un loc, vă scriem.
ev-done-mailed = Am trimis detaliile la { $email }.
ev-code = Codul dvs. la intrare: { $code }
ev-calendar-file = Adăugați în calendar (.ics)
ev-booking-title = Înscrierea dvs.
ev-booking-status-confirmed = Aveți { $places ->
    [one] un loc
    [few] { $places } locuri
   *[other] { $places } de locuri
}.
ev-booking-status-waiting = Sunteți pe lista de așteptare.
ev-booking-status-offered = Un loc vă este rezervat până la { $until }.
ev-booking-status-cancelled = Această înscriere este anulată.
ev-booking-status-expired = Locul oferit nu a fost luat la timp.
ev-booking-accept = Iau locul
ev-booking-cancel = Retrage-mă
ev-booking-cancel-hint = Nu puteți veni? Retrageți-vă, ca altcineva de pe lista de așteptare să primească locul.
ev-booking-cancelled = V-ați retras. Vă mulțumim că ne-ați anunțat.
ev-booking-accepted = Locul este al dvs. Ne vedem acolo!
ev-booking-too-late = Această ofertă a expirat sau locul a fost deja luat.
ev-booking-unknown = Acest link nu aparține niciunei înscrieri. Poate a fost copiat greșit.
ev-back = Toate evenimentele
ev-for-you = Evenimente pentru dvs.

## E-mailuri despre evenimente
event-mail-confirmed-subject = Locul dvs.: { $title }
event-mail-confirmed-body = Sunteți înscris(ă) la { $title }, { $when } ({ $place }); număr de persoane: { $places }.

    Codul dvs. la intrare: { $code }

    Nu puteți veni? Retrageți-vă aici, ca altcineva de pe lista de așteptare să primească locul:
    { $link }
event-mail-waiting-subject = Listă de așteptare: { $title }
event-mail-waiting-body = { $title }, { $when } este complet. Sunteți pe lista de așteptare.

    Dacă se eliberează un loc, vă scriem. Veți avea atunci { $hours } ore să îl luați.

    Nu mai sunteți interesat(ă)? Retrageți-vă aici:
    { $link }
event-mail-reminder-subject = Memento: { $title }, { $when }
event-mail-reminder-body = Ne vedem la { $title }, { $when } ({ $place }).

    Codul dvs. la intrare: { $code }

    Totuși nu puteți veni? Retrageți-vă aici, ca altcineva de pe lista de așteptare să primească locul:
    { $link }
event-mail-moved-subject = Modificare: { $title }
event-mail-moved-body = { $title } a fost mutat pe { $when }. Înscrierea dvs. rămâne valabilă.

    Nu puteți la noua oră? Retrageți-vă cu linkul din confirmare, ca altcineva să primească locul.
    { $url }
event-mail-cancelled-subject = Anulat: { $title }, { $when }
event-mail-cancelled-body = { $title }, { $when } este anulat. Ne pare rău.

    Alte date, dacă există:
    { $url }
event-mail-offer-subject = S-a eliberat un loc pentru dvs.: { $title }
event-mail-offer-body = S-a eliberat un loc la { $title }, { $when } ({ $place }). Vi-l rezervăm până la { $until }.

    Luați-l aici:
    { $link }
