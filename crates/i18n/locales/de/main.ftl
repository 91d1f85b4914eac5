# German.
site-name = loket
site-tagline = Eine Anlaufstelle für Arbeit über die Grenze in Limburg und der Euregio
skip-to-content = Zum Inhalt
nav-label = Hauptmenü
nav-home = Startseite
nav-services = Angebote suchen
nav-organizations = Organisationen
nav-accessibility = Barrierefreiheit
language-switch-label = Sprache
footer-text = loket ist der gemeinsame Angebotsführer der Partner in Limburg und der Euregio Maas-Rhein.
footer-api = Offene Daten (HSDS-API)
home-title = Wohin mit Ihrer Frage zur Arbeit?
home-intro = Wohnen oder arbeiten Sie jenseits der Grenze, kommen Sie aus dem Ausland oder suchen Sie Personal? Hier finden Sie die Stelle, die Ihnen weiterhilft.
home-search-label = Worum geht es in Ihrer Frage?
home-search-hint = Zum Beispiel: Steuern, Krankenversicherung, Arbeit in den Niederlanden, Aufenthaltstitel, Wohnung.
home-search-button = Suchen
home-by-group = Wer sind Sie?
home-by-topic = Themen
home-by-region = Regionen
home-stats = { $services } Angebote von { $organizations } Organisationen.
search-title = Angebote suchen
search-filters = Filter
filter-q = Suchbegriffe
filter-topic = Thema
filter-group = Für wen
filter-area = Gemeinde oder Region
filter-language = Sprache des Angebots
filter-channel = Kontakt
filter-any = Alle
filter-regions = Regionen
filter-municipalities = Gemeinden
filter-apply = Angebote zeigen
filter-reset = Filter löschen
search-count = { $count ->
    [one] 1 Angebot gefunden
   *[other] { $count } Angebote gefunden
}
search-none = Keine Angebote gefunden.
search-none-hint = Versuchen Sie andere oder weniger Wörter oder weniger Filter.
search-did-you-mean = Meinten Sie
search-none-front-door = Frage stellen: in wenigen Schritten zum passenden Angebot
search-none-generalists = Das Werkcentrum in Ihrer Region hilft allen weiter
search-results = Ergebnisse
pagination-label = Seitennavigation
page-prev = Vorherige Seite
page-next = Nächste Seite
page-of = Seite { $page } von { $pages }
error-summary-title = Bitte prüfen Sie Ihre Eingabe
error-unknown-choice = Wählen Sie einen Wert aus der Liste.
error-text-too-long = Verwenden Sie höchstens 200 Zeichen.
error-page = Diese Seite gibt es nicht.
service-by = Angeboten von
service-for-whom = Für wen
service-topics = Themen
service-how = So erreichen Sie diesen Dienst
reach-call = Anrufen
reach-email = E-Mail
reach-website = Website
reach-visit = Vorbeikommen
reach-directions = Route
reach-incomplete = Hausnummer oder Postleitzahl noch nicht bestätigt
reach-callback = Rückruf
reach-none = Für diesen Dienst ist noch keine Telefonnummer, E-Mail-Adresse, Website oder Adresse bekannt. Bitten Sie unten um einen Rückruf, dann meldet sich die Organisation bei Ihnen.
service-practical = Praktisches
service-channels = Kontakt
service-where = Standorte
service-languages = Sprachen
service-area = Einzugsgebiet
service-fees = Kosten
service-eligibility = Voraussetzungen
service-age = Alter: { $min } bis { $max } Jahre
service-age-min = Alter: ab { $min } Jahren
service-hours = Öffnungszeiten
service-hours-unknown = Die Öffnungszeiten sind noch nicht bekannt. Bitte wenden Sie sich an die Organisation.
service-hours-exception = Abweichend
service-closed = geschlossen
service-assured = Von der Organisation geprüft am { $date }.
service-not-assured = Noch nicht von der Organisation geprüft.
service-modified = Zuletzt geändert am { $date }.
service-status-inactive = Dieses Angebot ist zurzeit nicht aktiv.
service-status-defunct = Dieses Angebot gibt es nicht mehr.
service-status-temporarily-closed = Dieses Angebot ist vorübergehend geschlossen.
service-location-unconfirmed = Die genaue Adresse ist noch nicht bestätigt.
service-line-second = Fachstelle: meist erreichen Sie sie über eine Erstberatungsstelle.
org-reach = Kontakt
org-reach-none = Für diese Organisation sind noch keine Kontaktdaten bekannt. Wählen Sie unten einen Dienst und bitten Sie um einen Rückruf.
org-about = Über diese Organisation
org-services = Angebote
org-locations = Standorte
org-identifiers = Registernummern
orgs-title = Organisationen
orgs-intro = Diese Organisationen arbeiten im Angebotsführer zusammen.
orgs-service-count = { $count ->
    [one] 1 Angebot
   *[other] { $count } Angebote
}
a11y-title = Erklärung zur Barrierefreiheit
a11y-intro = Wir möchten, dass alle Menschen diese Website nutzen können, auch mit einer Behinderung.
a11y-standard-title = Welcher Standard
a11y-standard = Diese Website muss die Web Content Accessibility Guidelines (WCAG) 2.2 auf Stufe AA erfüllen, wie es das niederländische Recht für öffentliche Stellen vorschreibt.
a11y-how-title = Wie wir das prüfen
a11y-how = Bei jeder Änderung testen wir die Seiten automatisch mit axe-core in einem echten Browser, in allen vier Sprachen. Die Seiten funktionieren ohne JavaScript und nur mit der Tastatur.
a11y-limits-title = Bekannte Einschränkungen
a11y-limits = Texte von Organisationen gibt es nicht immer in allen Sprachen; dann sehen Sie den niederländischen Text.
a11y-contact-title = Funktioniert etwas nicht?
a11y-contact = Melden Sie es der Organisation, die diese Website für Ihre Region betreibt. Wir antworten innerhalb von fünf Werktagen.
notfound-title = Seite nicht gefunden
notfound-body = Diese Seite gibt es nicht (mehr). Bitte suchen Sie das Angebot erneut.
error-title = Etwas ist schiefgegangen
error-body = Bitte versuchen Sie es später erneut.
weekday-mo = Montag
weekday-tu = Dienstag
weekday-we = Mittwoch
weekday-th = Donnerstag
weekday-fr = Freitag
weekday-sa = Samstag
weekday-su = Sonntag
language-nl = Niederländisch
language-en = Englisch
language-de = Deutsch
language-fr = Französisch
language-pl = Polnisch
language-ro = Rumänisch
language-bg = Bulgarisch
language-es = Spanisch
language-pt = Portugiesisch
nav-front-door = Frage stellen
home-front-door-title = Sie wissen nicht, wohin?
home-front-door-intro = Beantworten Sie ein paar kurze Fragen. Wir finden die Stelle, die Ihnen weiterhilft.
home-front-door-start = Mit den Fragen beginnen
fd-step = Frage { $n }
fd-next = Weiter
fd-back = Vorherige Frage
fd-restart = Neu beginnen
fd-place-choose = Aus der Liste wählen
fd-place-postcode = Oder geben Sie Ihre Postleitzahl ein
fd-elsewhere-NL = Anderswo in den Niederlanden
fd-elsewhere-DE = Anderswo in Deutschland
fd-elsewhere-BE = Anderswo in Belgien
fd-abroad = In einem anderen Land
fd-none = Noch nicht bekannt
fd-other-places = Sonstiges
fd-no-preference = Keine Vorliebe
fd-link-notice = Dieser Link war nicht ganz richtig. Wir haben die falschen Teile weggelassen.
fd-result-title = Hier bekommen Sie Hilfe
fd-result-intro = Nach Ihren Antworten passen diese Angebote am besten zu Ihrer Frage.
fd-fallback = Wir konnten kein passendes Angebot für Ihre Frage finden. Das Arbeitszentrum in Ihrer Region hilft Ihnen weiter.
fd-channel-missing = Keines dieser Angebote ist so erreichbar, wie Sie es wünschen ({ $channel }). Bei jedem Angebot sehen Sie, wie Sie es erreichen.
fd-why = Warum dieses Angebot
fd-how = So erreichen Sie sie
fd-bring = So gehen Sie vor
fd-your-answers = Ihre Antworten
fd-share = Speichern, drucken oder teilen
fd-share-hint = Der Link unten enthält nur Ihre Antworten, keinen Namen und keine Adresse. Sie können diese Seite auch drucken.
fd-share-link = Link zu diesem Ergebnis
answer-error-missing = Bitte beantworten Sie diese Frage.
answer-error-unknown-choice = Wählen Sie eine der Antworten.
answer-error-too-many = Wählen Sie eine Antwort.
answer-error-unknown-place = Wählen Sie einen Ort aus der Liste.
answer-error-unknown-postcode = Diese Postleitzahl kennen wir nicht. Wählen Sie Ihre Gemeinde aus der Liste.
answer-error-unknown-question = Diese Frage kennen wir nicht.
answer-error-not-asked = Diese Frage passt nicht zu Ihren Antworten.
reason-target-group = Für: { $group }.
reason-topic = Hilft bei: { $topic }.
reason-topic-focused = Spezialisiert auf: { $topic }.
reason-serves-both = Zuständig für { $live }, wo Sie wohnen, und für { $work }, wo Sie arbeiten.
reason-serves-live = Zuständig für { $place }, wo Sie wohnen.
reason-serves-work = Zuständig für { $place }, wo Sie arbeiten oder arbeiten möchten.
reason-serves-company = Zuständig für { $place }, wo Ihr Unternehmen sitzt.
reason-serves-staff = Auch tätig in { $place }, wo Sie Personal suchen.
reason-border = Kennt die Grenze { $countries }.
reason-language = Hilft Ihnen auf { $languages }.
reason-channel = So erreichbar, wie Sie es möchten: { $channel }.
reason-first-line = Berät Sie persönlich.
reason-residence-country = Arbeitslosengeld zahlt das Land, in dem Sie wohnen.
reason-eu-no-permit = Mit der Staatsangehörigkeit eines EU-Landes, des EWR oder der Schweiz brauchen Sie keinen Aufenthaltstitel. Sie müssen sich aber anmelden.
reason-generalist = Wir konnten kein passendes Angebot finden. Dort hilft man Ihnen weiter.
hours-open-until = Jetzt geöffnet, bis { $time }.
hours-opens-today = Jetzt geschlossen. Heute ab { $time } geöffnet.
hours-opens-on = Jetzt geschlossen. Wieder geöffnet am { $day }, { $date }, um { $time }.
hours-unknown = Öffnungszeiten noch nicht bekannt.
feedback-title = Hat das Ihre Frage nicht beantwortet?
feedback-label = Sagen Sie uns, was Sie gesucht haben (freiwillig)
feedback-hint = Schreiben Sie keinen Namen, keine Adresse und keine anderen persönlichen Daten. Höchstens 1000 Zeichen. Wir nutzen dies nur, um den Angebotsführer zu verbessern.
feedback-send = Senden
feedback-thanks = Vielen Dank. Wir nutzen Ihre Antwort, um den Angebotsführer zu verbessern.
feedback-back = Zurück zu Ihrem Ergebnis
feedback-error-expired = Das Formular war abgelaufen. Bitte senden Sie es noch einmal.
feedback-error-too-long = Verwenden Sie höchstens 1000 Zeichen.
insight-title = Einblick in die digitale Eingangstür
insight-door = Eingangstür
insight-doors-all = Alle Eingangstüren
insight-door-deployment = Gemeinsame Eingangstür (/voordeur)
insight-show = Zahlen zeigen
insight-intro = Wie oft welche Kombination von Antworten gegeben wurde, wo die Eingangstür kein passendes Angebot fand, und was Besucher zurückgeschrieben haben. Anonym: keine IP-Adressen, keine Cookies.
insight-since = Ab
insight-since-error = Geben Sie ein Datum wie 2026-01-31 ein.
insight-total = Anzahl der Weiterleitungen:
insight-gaps = Lücken im Angebot
insight-gaps-caption = Kombinationen, die zum Arbeitszentrum gingen, weil nichts Passendes da war
insight-combinations = Gegebene Antworten
insight-combinations-caption = Kombinationen von Antworten, die häufigsten zuerst
insight-combination = Antworten
insight-count = Anzahl
insight-fell-back = Zum Arbeitszentrum
insight-yes = ja
insight-no = nein
insight-feedback = Rückmeldungen von Besuchern
insight-answers = Antworten
insight-none = Noch nichts.
nav-privacy = Datenschutz
privacy-title = Datenschutzerklärung
privacy-intro = Welche Daten dieser Angebotsführer verarbeitet, wozu, auf welcher Grundlage und wie lange. Diese Seite stammt direkt aus dem Verzeichnis der Verarbeitungstätigkeiten.
privacy-controller-each = Jede Organisation, die Ihre Daten erhält oder erfasst (eine Rückrufbitte, einen Kontakt, eine Weiterleitung), ist dafür verantwortlich.
privacy-controller-list = Alle Organisationen und wie Sie sie erreichen
privacy-controller = Verantwortlicher:
privacy-planned = noch nicht in Gebrauch
privacy-purpose = Zweck
privacy-basis = Rechtsgrundlage
privacy-data = Daten
privacy-retention = Speicherdauer
privacy-retention-years = { $years ->
    [one] 1 Jahr
   *[other] { $years } Jahre
}
privacy-retention-months = { $months ->
    [one] 1 Monat
   *[other] { $months } Monate
}
privacy-retention-days = { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
}
privacy-retention-anonymous = Anonym; aufbewahrt, solange es nützlich ist.
privacy-retention-after-activity = nach Ihrer letzten Aktivität
privacy-rights-title = Ihre Rechte
privacy-rights = Sie dürfen Ihre Daten einsehen, berichtigen oder löschen lassen und widersprechen. Wenden Sie sich an die Organisation, die Ihnen hilft. Wenn Sie mit unserem Umgang mit Ihren Daten nicht einverstanden sind, können Sie sich bei der niederländischen Datenschutzbehörde (Autoriteit Persoonsgegevens) beschweren.
basis-consent = Einwilligung
basis-contract = Vertrag
basis-legal-obligation = Rechtliche Verpflichtung
basis-vital-interests = Lebenswichtige Interessen
basis-public-task = Öffentliche Aufgabe
basis-legitimate-interests = Berechtigtes Interesse

## Konten, Anmeldung und Verwaltungsbereich
nav-account = Mein Konto
nav-staff-area = Verwaltung
sign-out = Abmelden
yes = Ja
no = Nein
role-staff = Mitarbeiter/in
role-org-admin = Administrator/in der Organisation
role-coordinator = Koordinator/in
role-funder = Geldgeber
role-platform-admin = Plattform-Administrator/in
role-employer = Arbeitgeber
role-candidate = Kandidat/in
form-error-summary = Bitte korrigieren Sie Folgendes
form-error-expired = Dieses Formular ist abgelaufen oder kam nicht von dieser Website. Bitte versuchen Sie es erneut.
form-error-rate-limited = Zu viele Anfragen von Ihrer Adresse. Bitte warten Sie eine Stunde und versuchen Sie es erneut.
forbidden-title = Kein Zugriff
who-signed-in-as = Angemeldet als
who-home = Meine Startseite
forbidden-home = Zu meiner Startseite
forbidden-body = Ihr Konto erlaubt diese Seite oder Handlung nicht. Der Versuch wurde protokolliert. Wenden Sie sich an die Administration Ihrer Organisation, wenn Sie Zugriff brauchen.
forbidden-signed-in-as = Sie sind angemeldet als { $email }.
csrf-title = Formular nicht angenommen
csrf-body = Dieses Formular ist abgelaufen oder kam nicht von dieser Website; nichts wurde geändert. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.
signin-title = Anmelden
signin-email = E-Mail-Adresse
signin-password = Passwort
signin-submit = Anmelden
signin-forgot = Passwort vergessen?
signin-error-email = Geben Sie eine E-Mail-Adresse ein, z. B. name@beispiel.de.
signin-error-password-missing = Geben Sie Ihr Passwort ein.
signin-error-wrong = E-Mail-Adresse oder Passwort stimmen nicht.
signin-error-throttled = Zu viele fehlgeschlagene Versuche. Die Anmeldung ist für dieses Konto und diese Adresse 15 Minuten gesperrt.
signin-notice-signed-out = Sie haben sich abgemeldet.
signin-notice-everywhere = Sie wurden auf allen Geräten abgemeldet.
signin-notice-password-set = Ihr Passwort wurde festgelegt. Bitte melden Sie sich an.
code-title = Zweiter Schritt: Ihr Code
code-label = Code
code-hint = Der 6-stellige Code aus Ihrer Authenticator-App oder einer Ihrer Wiederherstellungscodes.
code-submit = Weiter
code-error-wrong = Dieser Code stimmt nicht. Prüfen Sie die Uhrzeit Ihres Telefons und versuchen Sie den neuesten Code.
code-error-used = Dieser Code wurde gerade verwendet. Warten Sie auf den nächsten Code.
enrol-title = Zweiten Schritt einrichten
enrol-intro = Mit Ihrem Konto können Sie personenbezogene Daten sehen oder andere verwalten. Deshalb braucht die Anmeldung einen zweiten Schritt: einen Code aus einer Authenticator-App auf Ihrem Telefon.
enrol-step-app = Installieren Sie eine Authenticator-App (zum Beispiel FreeOTP, Aegis oder Google Authenticator).
enrol-qr-label = QR-Code mit dem Schlüssel für Ihre Authenticator-App
enrol-qr-caption = Scannen Sie diesen Code mit Ihrer App oder tippen Sie den Schlüssel daneben ab.
enrol-step-secret = Fügen Sie in der App ein Konto mit diesem Schlüssel hinzu:
enrol-open-app = Oder öffnen Sie diesen Link auf dem Telefon mit der App
enrol-step-code = Geben Sie den 6-stelligen Code ein, den die App zeigt.
enrol-submit = Bestätigen und weiter
recovery-title = Ihre Wiederherstellungscodes
recovery-intro = Bewahren Sie diese Codes sicher auf, nicht bei Ihrem Telefon. Jeder Code funktioniert einmal, falls Sie Ihr Telefon verlieren. Sie werden nur jetzt angezeigt.
recovery-continue = Ich habe sie gespeichert – weiter
forgot-title = Passwort vergessen
forgot-intro = Geben Sie die E-Mail-Adresse Ihres Kontos ein. Sie erhalten einen Link, um ein neues Passwort festzulegen; er gilt eine Stunde und einmal.
forgot-submit = Link senden
forgot-sent = Wenn es ein Konto mit dieser Adresse gibt, haben wir einen Link dorthin gesendet. Sehen Sie in Ihrem Posteingang (und Spam-Ordner) nach.
setpw-title = Passwort festlegen
setpw-intro = Wählen Sie ein Passwort für Ihr loket-Konto.
setpw-password = Neues Passwort
setpw-hint = Mindestens 12 Zeichen. Einige Wörter hintereinander sind leicht zu merken und schwer zu erraten.
setpw-again = Neues Passwort wiederholen
setpw-submit = Passwort festlegen
setpw-error-mismatch = Die beiden Passwörter sind nicht gleich.
password-too-short = Das Passwort ist zu kurz: mindestens 12 Zeichen.
password-too-long = Das Passwort ist zu lang: höchstens 128 Zeichen.
password-common = Dieses Passwort gehört zu den meistgenutzten. Wählen Sie ein anderes.
password-contains-email = Das Passwort darf Ihre E-Mail-Adresse nicht enthalten.
link-error-unknown = Dieser Link ist ungültig. Kopieren Sie den ganzen Link aus der E-Mail oder fordern Sie einen neuen an.
link-error-expired = Dieser Link ist abgelaufen. Fordern Sie einen neuen an.
link-error-used = Dieser Link wurde bereits verwendet. Fordern Sie einen neuen an, wenn Sie ihn noch brauchen.
link-request-new = Neuen Link anfordern
mail-reset-subject = Neues Passwort für loket festlegen
mail-reset-body = Jemand (hoffentlich Sie) hat ein neues Passwort für Ihr loket-Konto angefordert. Verwenden Sie diesen Link innerhalb einer Stunde; er funktioniert einmal:

    { $link }

    Wenn Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren.
mail-invite-subject = Sie wurden zu loket eingeladen
mail-invite-body = Sie wurden eingeladen, in loket zu arbeiten, dem gemeinsamen Angebotsführer des Limburger Arbeitsmarkts. Legen Sie innerhalb von sieben Tagen Ihr Passwort mit diesem Link fest; er funktioniert einmal:

    { $link }
account-title = Mein Konto
account-name = Name
account-roles = Rollen
account-sessions = Aktive Sitzungen
account-recovery-left = Verbleibende Wiederherstellungscodes
account-data-heading = Meine Daten
account-data-html = Alles ansehen, was loket über mich speichert
account-data-json = Als JSON herunterladen
account-sign-out-heading = Abmelden
account-sign-out-everywhere = Auf allen Geräten abmelden
export-title = Alles, was loket über dieses Konto speichert
export-intro = Diese Übersicht zeigt alle personenbezogenen Daten, die loket über dieses Konto speichert, und die Protokolleinträge dazu. Passwörter und Geheimnisse des zweiten Schritts sind so gespeichert, dass niemand sie lesen kann, und werden daher nicht gezeigt.
export-account = Konto
export-created = Angelegt
export-second-factor = Zweiter Schritt eingerichtet
export-log = Protokoll
manage-title = Verwaltung
manage-welcome = Willkommen, { $name }.
manage-invite-heading = Kolleginnen und Kollegen einladen
manage-services-heading = Angebote, die Sie bearbeiten können
manage-no-services = Es gibt keine Angebote, die Sie bearbeiten können.
manage-col-service = Angebot
manage-col-organization = Organisation
manage-col-assured = Zuletzt bestätigt
manage-col-actions = Aktionen
history-link = Verlauf
edit-title = Bearbeiten: { $name }
edit-public-page = Öffentliche Seite
edit-saved = Die Änderungen wurden gespeichert und sind auf den öffentlichen Seiten sichtbar.
edit-conflict = Jemand anderes hat dieses Angebot gespeichert, während Sie es bearbeitet haben. Ihre Änderungen wurden nicht gespeichert.
edit-reload = Neueste Fassung öffnen
edit-preview-heading = Vorschau
edit-preview = Vorschau
edit-save = Speichern
edit-contact-legend = Kontakt und Sprachen
edit-field-name = Name
edit-field-description = Beschreibung
edit-field-eligibility = Für wen
edit-field-application_process = So beantragen Sie es
edit-field-fees = Kosten
edit-field-url = Website
edit-field-email = E-Mail-Adresse
edit-field-languages = Sprachen des Angebots
edit-field-status = Status
edit-languages-hint = Zweibuchstabige Codes, durch Kommas getrennt, zum Beispiel nl, de, en.
edit-error-too-long = Dieser Text ist zu lang.
edit-error-control-characters = Dieser Text enthält Zeichen, die nicht angezeigt werden können.
edit-error-required-dutch = Füllen Sie den niederländischen Text aus; er wird gezeigt, wenn eine Übersetzung fehlt.
edit-error-url = Geben Sie eine Webadresse ein, die mit https:// beginnt.
edit-error-email = Geben Sie eine E-Mail-Adresse ein, z. B. name@beispiel.de.
edit-error-languages = Verwenden Sie zweibuchstabige Sprachcodes, zum Beispiel nl, de, en.
edit-error-status = Wählen Sie einen Status.
edit-confirm-heading = Noch richtig?
edit-confirm-last = Zuletzt bestätigt: { $date }.
edit-never-confirmed = nie
edit-confirm = Bestätigen, dass dieses Angebot stimmt
status-active = Aktiv
status-temporarily-closed = Vorübergehend geschlossen
status-inactive = Nicht aktiv
status-defunct = Eingestellt
lang-name-nl = Niederländisch
lang-name-en = Englisch
lang-name-de = Deutsch
lang-name-fr = Französisch
history-title = Verlauf: { $name }
history-back = Zurück zur Bearbeitung
history-none = Noch keine Fassungen gespeichert.
history-version = Fassung
history-who = Von
history-changed = Geändert
history-first = Erste Fassung
history-import = Import des Katalogs
history-unknown-person = (gelöschtes Konto)
stale-title = Zu ergänzende und zu bestätigende Einträge
stale-intro = Angebote, die in den letzten zwölf Monaten niemand bestätigt hat, die ältesten zuerst.
stale-none = Jedes Angebot ist erreichbar und wurde in den letzten zwölf Monaten bestätigt.
invite-title = Jemanden zu { $organization } einladen
invite-intro = Die Person erhält eine E-Mail mit einem Link, um ein Passwort festzulegen. Der Link gilt sieben Tage.
invite-role = Rolle
invite-submit = Einladung senden
invite-done = { $email } wurde eingeladen.
invite-error-name = Geben Sie einen Namen ein (höchstens 100 Zeichen).
invite-error-role = Wählen Sie eine Rolle.
log-title = Protokoll
log-action = Handlung
log-actor = Von
log-result = Ergebnis
log-from = Von
log-to = Bis
log-any = alle
log-filter = Filtern
log-at = Zeit (niederländische Zeit)
log-at-utc = Zeit (UTC)
log-object = Objekt
log-origin = Herkunft
log-subject = Betroffene Person
log-export = Als CSV exportieren
log-count = { $count ->
    [one] { $count } Eintrag
   *[other] { $count } Einträge
}
accounts-title = Konten
accounts-data = Daten (Auskunftsersuchen)
accounts-erase = Löschen
accounts-erase-confirm = Ja, { $email } löschen
accounts-erased = Das Konto wurde gelöscht. Das Pseudonym bleibt im Protokoll und in den anonymen Zählungen.
edit-hours-legend = Öffnungszeiten
edit-hours-hint = Pro Tag, zum Beispiel 09:00-12:00, 13:00-17:00. Leer lassen, wenn geschlossen.
edit-error-hours-format = Schreiben Sie die Zeiten wie 09:00-12:00, 13:00-17:00.
edit-error-hours-order = Die Schließzeit muss nach der Öffnungszeit liegen.
edit-error-hours-overlap = Diese Zeiten überschneiden sich.
taxonomy-topic = Themen
taxonomy-target-group = Zielgruppen
taxonomy-channel = Kanäle
terms-title = Taxonomien
terms-intro = Die Begriffe, mit denen Angebote verschlagwortet sind. Ihre Namen erscheinen in Filtern und in der Eingangstür; mit den Suchwörtern finden Menschen sie in jeder Sprache.
edit-field-accessibility = Barrierefreiheit
edit-field-address = Straße und Hausnummer
edit-field-postal-code = Postleitzahl
edit-field-city = Ort
edit-field-country = Land (NL, DE oder BE)
edit-field-keywords = Suchwörter
edit-address-legend = Adresse und Website
edit-keywords-legend = Suchwörter in jeder Sprache
edit-error-required-with-address = Füllen Sie Straße und Ort aus (die Postleitzahl kann später folgen) oder lassen Sie die Adresse leer.
edit-error-country = Verwenden Sie NL, DE oder BE.
manage-locations-heading = Standorte, die Sie bearbeiten können
proposal-title = Dem Netzwerk beitreten
proposal-intro = Hilft Ihre Organisation Grenzgängern, internationalen Fachkräften, Arbeitsmigranten, Arbeitsuchenden oder Arbeitgebern in der Region? Beantragen Sie die Aufnahme in den Angebotsführer. Die Koordination prüft jeden Antrag.
proposal-name = Name der Organisation
proposal-email = Allgemeine E-Mail-Adresse der Organisation
proposal-description = Was bietet Ihre Organisation an, und für wen?
proposal-submit = Antrag senden
proposal-thanks = Vielen Dank. Die Koordination prüft Ihren Antrag und antwortet per E-Mail.
edit-error-required = Bitte ausfüllen.
proposals-title = Beitrittsanträge
proposals-none = Es warten keine Anträge.
proposals-submitted = Eingegangen
proposals-approve = Annehmen
proposals-decline = Ablehnen
footer-join = Dem Netzwerk beitreten
flow-title = Fragen der Eingangstür
flow-intro = Ändern Sie den Wortlaut der Fragen, Hinweise und Antwortmöglichkeiten, eine Sprache nach der anderen. Welche Fragen gestellt werden und wohin eine Antwort führt, bleibt unverändert.
flow-language = Zu bearbeitende Sprache
flow-question = Frage
flow-hint = Hinweis
flow-option = Antwort „{ $option }“
flow-example = Beispiel zu „{ $option }“
flow-dutch = Niederländisch
flow-show = Anzeigen
# Contacts and referrals
referral-from-front-door = Digitale Eingangstür
referral-person-removed = (Daten entfernt)
inbox-title = Weiterleitungen
inbox-empty = Hier gibt es keine Weiterleitungen.
inbox-tab-open = Offen ({ $count })
inbox-tab-new = Neu ({ $count })
inbox-tab-due = Bald fällig ({ $count })
inbox-tab-overdue = Überfällig ({ $count })
inbox-tab-mine = Mir zugewiesen ({ $count })
inbox-tab-all = Alle empfangenen
inbox-tab-sent = Gesendet ({ $count })
inbox-organization = Organisation
inbox-show = Anzeigen
inbox-views = Ansichten der Weiterleitungen
inbox-col-received = Eingegangen
inbox-col-person = Person
inbox-col-service = Angebot
inbox-col-to = An
inbox-col-from = Von
inbox-col-status = Status
inbox-col-due = Fällig
inbox-overdue = überfällig
inbox-back = Zurück zu den Weiterleitungen
pager-previous = Zurück
pager-next = Weiter
notifications-unread = { $count ->
    [one] 1 neue Meldung
   *[other] { $count } neue Meldungen
}
notifications-title = Meldungen
notifications-none = Keine Meldungen.
notifications-new = neu
notice-new = Neue Weiterleitung eingegangen
notice-status = Der Status einer Weiterleitung hat sich geändert
notice-withdrawn = Einwilligung für eine Weiterleitung widerrufen
notice-overdue = Eine Weiterleitung ist überfällig
notice-escalated = Eine Weiterleitung ist überfällig und wird eskaliert
referral-status-requested = Angefragt
referral-status-received = Eingegangen
referral-status-accepted = Angenommen
referral-status-rejected = Abgelehnt
referral-status-in-progress = In Bearbeitung
referral-status-on-hold = Pausiert
referral-status-completed = Abgeschlossen
referral-status-failed = Gescheitert
referral-status-cancelled = Zurückgezogen
referral-reason = Grund
referral-reason-not-eligible = Nicht anspruchsberechtigt
referral-reason-no-capacity = Keine Kapazität
referral-reason-wrong-service = Falsches Angebot
referral-reason-could-not-contact = Nicht erreichbar
referral-reason-client-declined = Person hat abgelehnt
referral-reason-other = Anderer Grund
referral-outcome = Ergebnis
referral-outcome-got-help = Geholfen
referral-outcome-referred-on = Weiterverwiesen
referral-outcome-no-longer-needed = Nicht mehr nötig
referral-outcome-other = Sonstiges
referral-action-received = Eingang bestätigen
referral-action-accepted = Annehmen
referral-action-rejected = Ablehnen
referral-action-in-progress = In Bearbeitung nehmen
referral-action-on-hold = Pausieren
referral-action-completed = Abschließen
referral-action-failed = Als gescheitert markieren
referral-action-cancelled = Weiterleitung zurückziehen
referral-title = Weiterleitung an { $service }
referral-done-status = Der Status wurde aktualisiert.
referral-done-assigned = Die Zuweisung wurde aktualisiert.
referral-done-withdrawn = Die Einwilligung wurde widerrufen; die personenbezogenen Daten wurden entfernt.
referral-done-note = Die Notiz wurde gespeichert.
referral-done-sent = Die Weiterleitung wurde gesendet.
referral-conflict-title = Jemand anderes war schneller
referral-conflict = Eine Kollegin oder ein Kollege hat diese Weiterleitung inzwischen geändert; der Status ist jetzt: { $status }. Prüfen Sie die Weiterleitung und versuchen Sie es bei Bedarf erneut.
referral-error-reason = Wählen Sie einen Grund.
referral-error-outcome = Wählen Sie ein Ergebnis.
referral-error-not-allowed = Dieser Schritt ist vom aktuellen Status aus nicht möglich.
referral-error-required = Bitte ausfüllen.
referral-error-too-long = Das ist zu lang.
referral-error-unknown = Wählen Sie eine der Möglichkeiten.
referral-error-no-basis = Halten Sie zuerst die Einwilligung der Person oder eine andere Rechtsgrundlage fest.
referral-error-receiver-only = Nur die empfangende Organisation weist Weiterleitungen zu.
referral-error-no-consent = Es gibt keine Einwilligung zum Widerrufen.
referral-error-own-organization = Wählen Sie ein Angebot einer anderen Organisation; innerhalb Ihrer Organisation übergeben Sie direkt.
referral-error-only-for-follow-up = Einen Namen speichern Sie nur, wenn eine Nachverfolgung nötig ist.
referral-error-too-many = Wählen Sie höchstens zehn Themen.
referral-error-out-of-range = Geben Sie eine Minutenzahl zwischen 1 und 480 ein.
referral-error-service_id-required = Wählen Sie das Angebot.
referral-error-service_id-unknown = Dieses Angebot gibt es nicht (mehr); wählen Sie ein anderes.
referral-error-previous_id-unknown = Die Weiterleitung, die hier fortgesetzt wird, wurde nicht gefunden.
referral-error-language-unknown = Wählen Sie eine Sprache.
referral-error-channel-required = Wählen Sie, wie die Person Kontakt aufgenommen hat.
referral-error-outcome-required = Wählen Sie, wie der Kontakt endete.
referral-error-name-required = Geben Sie den Namen ein.
referral-error-contact-required = Geben Sie an, wie die Person erreichbar ist.
referral-status = Status
referral-from = Von
referral-to = An
referral-due = Nächster Schritt fällig
referral-assignee = Bearbeitet von
referral-unassigned = Noch niemand
referral-person = Person
referral-name = Name
referral-contact = Telefon oder E-Mail
referral-language = Bevorzugte Sprache
referral-note = Frage und Übergabenotiz
referral-consent = Einwilligung oder Rechtsgrundlage
referral-basis = Rechtsgrundlage
referral-purpose = Zweck der Weitergabe
referral-recorded = Festgehalten am
referral-withdrawn = Widerrufen am
referral-withdraw = Die Person widerruft die Einwilligung
referral-withdraw-explain = Name, Kontaktdaten und die Notiz der Person werden jetzt gelöscht und können nicht wiederhergestellt werden. Die Weiterleitung endet (storniert), und die andere Organisation wird benachrichtigt. Die Zahlen bleiben erhalten.
referral-withdraw-confirm = Ja, Einwilligung widerrufen und Daten löschen
referral-confirm-rejected = Die Weiterleitung wird abgelehnt und geschlossen; die weiterleitende Organisation erhält eine Nachricht mit dem Grund. Das kann nicht rückgängig gemacht werden.
referral-confirm-failed = Die Weiterleitung wird als nicht erfolgreich geschlossen; die weiterleitende Organisation erhält eine Nachricht mit dem Grund. Das kann nicht rückgängig gemacht werden.
referral-confirm-cancelled = Ihre Anfrage wird zurückgezogen und geschlossen; die empfangende Organisation wird benachrichtigt. Das kann nicht rückgängig gemacht werden.
referral-actions = Nächster Schritt
referral-no-actions = Für Sie gibt es bei dieser Weiterleitung keinen nächsten Schritt.
referral-release = Zuweisung an mich aufheben
referral-assign-me = Mir zuweisen
referral-refer-on = An eine andere Organisation weiterverweisen
referral-previous = Frühere Weiterleitung dieser Person
referral-history = Statusverlauf
referral-detail = Grund oder Ergebnis
referral-by = Durch
referral-notes = Interne Notizen
referral-notes-hint = Nur Ihre eigene Organisation sieht diese Notizen.
referral-note-add = Neue Notiz
referral-note-save = Notiz speichern
referral-new-title = Jemanden weiterleiten
referral-new-intro = Übergeben Sie die Person an das Angebot, das weiterhilft. Nur das, was für die Kontaktaufnahme nötig ist, wird weitergegeben.
referral-new-onward = Fortsetzung der Weiterleitung an { $service }.
referral-new-from = Im Namen von
referral-new-service = An welches Angebot?
referral-minimal-data = Name, Erreichbarkeit, Sprache und die Frage: nicht mehr.
referral-handover-note = Frage und Übergabenotiz
referral-new-submit = Weiterleitung senden
lang-name-pl = Polnisch
lang-name-ro = Rumänisch
lang-name-bg = Bulgarisch
lang-name-es = Spanisch
lang-name-pt = Portugiesisch
lang-name-tr = Türkisch
lang-name-ar = Arabisch
lang-name-uk = Ukrainisch
overdue-title = Überfällige Weiterleitungen
overdue-intro = Weiterleitungen, auf die die empfangende Organisation nicht rechtzeitig reagiert hat. Ohne personenbezogene Daten.
overdue-none = Nichts überfällig.
overdue-days = Tage überfällig
contact-title = Kundenkontakt erfassen
contact-saved = Der Kontakt wurde erfasst. Sie können den nächsten eingeben.
contact-today = { $count ->
    [one] Heute 1 Kontakt erfasst
   *[other] Heute { $count } Kontakte erfasst
}
contact-service = Angebot
contact-channel = Kanal
contact-channel-walk-in = Am Schalter
contact-channel-phone = Telefon
contact-channel-email = E-Mail
contact-channel-chat = Chat
contact-channel-event = Veranstaltung
contact-target-group = Zielgruppe
contact-unknown = Unbekannt
contact-topics = Themen
contact-residence = Wohnland
contact-work = Arbeitsland
contact-language = Sprache des Gesprächs
contact-outcome = Ergebnis
contact-outcome-answered = Beantwortet
contact-outcome-referred = Weiterverwiesen
contact-outcome-follow-up = Nachverfolgung nötig
contact-minutes = Minuten (optional)
contact-follow-up = Angaben für eine Nachverfolgung
contact-follow-up-hint = Nur ausfüllen, wenn eine Nachverfolgung nötig ist, mit Einwilligung oder anderer Rechtsgrundlage. Ein gewöhnlicher Kontakt bleibt anonym.
contact-save = Kontakt erfassen
country-NL = Niederlande
country-BE = Belgien
country-DE = Deutschland
country-other = Anderes Land
intake-title = { $service } um Kontakt bitten
intake-link = Dieses Angebot um Kontaktaufnahme bitten
intake-intro = Hinterlassen Sie Ihre Frage; eine Mitarbeiterin oder ein Mitarbeiter meldet sich bei Ihnen.
intake-name = Ihr Name
intake-question = Ihre Frage
intake-language = In welcher Sprache möchten Sie Hilfe?
intake-consent = Ich erlaube { $organization }, meinen Namen, meine Kontaktdaten, meine Sprache und meine Frage zu verwenden, um mich zu dieser Frage zu kontaktieren.
intake-privacy = Sie können diese Einwilligung jederzeit bei der Organisation widerrufen. Mehr darüber, was wir mit Ihren Daten tun:
intake-submit = Meine Frage senden
intake-error-consent = Geben Sie Ihre Einwilligung, sonst kann die Organisation Sie nicht kontaktieren.
intake-purpose = Kontaktaufnahme zur Frage an { $service }
intake-contact = Wie können wir Sie erreichen?
intake-contact-hint = Ihre Telefonnummer (zum Beispiel +49 241 123456 oder +31 6 12345678) oder E-Mail-Adresse.
intake-thanks-title = Ihre Frage wurde gesendet
intake-thanks = Ihre Frage wurde an { $organization } weitergeleitet; man wird sich bei Ihnen melden.
intake-reference = Ihre Referenznummer: { $reference }. Nennen Sie sie, wenn Sie sich selbst melden.
intake-answer-by = { $organization } meldet sich spätestens am { $date } bei Ihnen.
intake-mailed = Wir haben eine Bestätigung an { $email } gesendet.
intake-error-name-required = Geben Sie Ihren Namen ein.
intake-error-name-too-short = Geben Sie Ihren Namen ein (mindestens zwei Buchstaben).
intake-error-contact-required = Geben Sie Ihre Telefonnummer oder E-Mail-Adresse ein.
intake-error-contact-unreachable = Darüber können wir Sie nicht erreichen. Geben Sie eine Telefonnummer (zum Beispiel +49 241 123456) oder eine E-Mail-Adresse ein.
referral-error-name-too-short = Geben Sie einen Namen mit mindestens zwei Buchstaben ein.
referral-error-contact-unreachable = Geben Sie eine Telefonnummer (zum Beispiel +31 6 12345678) oder eine E-Mail-Adresse ein.
mail-callback-subject = Ihre Frage an { $organization } (Referenz { $reference })
mail-callback-body =
    Guten Tag,

    { $organization } hat Ihre Frage zu „{ $service }“ erhalten und meldet sich spätestens am { $date } bei Ihnen.

    Ihre Referenznummer ist { $reference }. Nennen Sie sie, wenn Sie sich selbst melden.

    Zum Angebot: { $link }

    Sie erhalten diese E-Mail, weil Sie über loket um Kontakt gebeten haben. Falls nicht, können Sie sie ignorieren.
intake-error-question-required = Schreiben Sie Ihre Frage auf.
referral-error-question-required = Schreiben Sie Ihre Frage auf.
referral-error-question-too-long = Ihre Frage ist zu lang (höchstens 2.000 Zeichen).
manage-referrals-heading = Kundenkontakte und Weiterleitungen
mail-notice-subject = Neuigkeiten zu einer Weiterleitung in loket
mail-notice-body = Es gibt Neuigkeiten zu einer Weiterleitung Ihrer Organisation: { $what }. Öffnen Sie die Weiterleitung (nach der Anmeldung):

    { $link }

    Diese E-Mail enthält bewusst keine personenbezogenen Daten.
figures-title = Kennzahlen
figures-network = Gesamtes Netzwerk
figures-scope = Zahlen von
figures-region = Region { $name }
figures-year = Jahr
figures-suppressed = weniger als 5
figures-suppressed-note = Zahlen unter 5 werden nicht angezeigt, damit niemand erkennbar ist. Wo eine verborgene Zahl sonst aus der Summe errechnet werden könnte, wird auch die nächstkleinere Zahl verborgen; Quoten erscheinen nur, wenn beide Teile mindestens 5 sind.
figures-none = noch nicht verfügbar
figures-summary = Übersicht
figures-contacts = Kundenkontakte
figures-sent = Weiterleitungen gesendet
figures-received = Weiterleitungen empfangen
figures-acceptance = Annahmequote
figures-median-accept = Mediane Zeit bis zur Annahme
figures-hours = { $count ->
    [one] 1 Stunde
   *[other] { $count } Stunden
}
figures-loop-closure = Kreis geschlossen (Rückmeldung erhalten)
figures-by-service = Kontakte pro Angebot
figures-by-topic = Kontakte pro Thema
figures-by-month = Kontakte pro Monat
figures-by-channel = Kontakte pro Kanal
figures-outcomes = Ergebnisse empfangener Weiterleitungen
tokens-title = API-Schlüssel
tokens-intro = Mit einem API-Schlüssel verbindet Ihre Organisation ein eigenes System mit loket: Kontakte erfassen und Weiterleitungen bearbeiten, nur für Ihre Organisation. Senden Sie ihn im Header Authorization: Bearer.
tokens-created = Der Schlüssel wurde erstellt. Kopieren Sie ihn jetzt: Er wird nicht erneut angezeigt.
tokens-name = Name (wofür ist der Schlüssel?)
tokens-scopes = Berechtigungen
tokens-scope-contacts = Kontakte erfassen
tokens-scope-referrals = Weiterleitungen lesen und bearbeiten
tokens-create = Schlüssel erstellen
tokens-created-at = Erstellt
tokens-revoked-at = Widerrufen
tokens-revoke = Widerrufen
tokens-error-scopes = Wählen Sie mindestens eine Berechtigung.
intake-error-too-fast = Bitte prüfen Sie Ihre Angaben und senden Sie das Formular noch einmal.

## Welcome to Maastricht Region: Stellen, Kandidaten, Matching, Vorstellungen, Vermittlungen
nav-vacancies = Stellen
choose = Bitte wählen…
optional = Freiwillig
esco-attribution = Berufe und Fähigkeiten: ESCO. Dieser Dienst verwendet die ESCO-Klassifikation der Europäischen Kommission.
esco-lines-hint = Eine pro Zeile. Geben Sie den Namen eines Berufs oder einer Fähigkeit ein, wie ESCO ihn nennt (Englisch); beim Tippen erscheinen Vorschläge.
esco-one-hint = Geben Sie den Namen des Berufs ein, wie ESCO ihn nennt (Englisch); beim Tippen erscheinen Vorschläge.
salary-hint = Brutto pro Monat in Euro, ohne Urlaubsgeld.
salary-range = { $min }–{ $max } € brutto pro Monat
years = { $count ->
    [one] { $count } Jahr
   *[other] { $count } Jahre
}
in-dutch = Niederländisch
in-english = Englisch
in-german = Deutsch
in-french = Französisch
language-label = Sprache
level-label = Niveau
minimum-level-label = Mindestniveau
eqf-none = Kein bestimmtes Niveau
eqf-1 = EQR 1 (Grundbildung)
eqf-2 = EQR 2 (MBO 1)
eqf-3 = EQR 3 (MBO 2)
eqf-4 = EQR 4 (MBO 3–4, Abitur)
eqf-5 = EQR 5 (Kurzstudium)
eqf-6 = EQR 6 (Bachelor)
eqf-7 = EQR 7 (Master)
eqf-8 = EQR 8 (Promotion)
work-place-on-site = Vor Ort
work-place-hybrid = Hybrid
work-place-remote = Fernarbeit
contract-permanent = Unbefristet
contract-fixed-term = Befristet
contract-temporary = Zeitarbeit
contract-internship = Praktikum
sector-agrofood = Agrar und Lebensmittel
sector-life-sciences-health = Life Sciences & Gesundheit
sector-logistics = Logistik
sector-chemistry-materials = Chemie & Werkstoffe
sector-manufacturing = Industrie
sector-ict = IKT
sector-construction = Bau
sector-care = Pflege und Soziales
sector-education = Bildung
sector-hospitality = Gastgewerbe
sector-retail = Einzelhandel
sector-public-sector = Öffentlicher Dienst
sector-other = Sonstiges
size-micro = Weniger als 10 Beschäftigte
size-small = 10 bis 49 Beschäftigte
size-medium = 50 bis 249 Beschäftigte
size-large = 250 Beschäftigte oder mehr
country-FR = Frankreich
country-LU = Luxemburg
country-PL = Polen
country-RO = Rumänien
country-BG = Bulgarien
country-ES = Spanien
country-PT = Portugal
country-IT = Italien
country-GR = Griechenland
country-HU = Ungarn
country-UA = Ukraine
country-TR = Türkei
country-IN = Indien
country-PH = Philippinen
country-ID = Indonesien
country-CN = China
country-BR = Brasilien
country-ZA = Südafrika
country-NG = Nigeria
country-US = Vereinigte Staaten
country-GB = Vereinigtes Königreich
nationality-eu-eea-swiss = Staatsangehörigkeit der EU, des EWR oder der Schweiz
nationality-other = Eine andere Staatsangehörigkeit
age-band-under30 = Unter 30
age-band-from30 = 30 oder älter
vacancies-title = Stellen in der Region
vacancies-intro = Stellen von Arbeitgebern in Süd-Limburg, die internationale und grenzüberschreitende Fachkräfte willkommen heißen, mit Welcome to Maastricht Region.
vacancies-search = Stellen suchen
vacancies-count = { $count ->
    [one] { $count } Stelle
   *[other] { $count } Stellen
}
vacancy-title = Stellenbezeichnung
vacancy-description = Beschreibung
vacancy-occupation = Beruf
vacancy-essential-skills = Erforderliche Fähigkeiten
vacancy-optional-skills = Erwünschte Fähigkeiten
vacancy-languages = Sprachen
vacancy-eqf = Bildungsniveau
vacancy-experience = Erfahrung
vacancy-work-place = Wo
vacancy-municipality = Arbeitsort
vacancy-hours = Stunden pro Woche
vacancy-contract = Vertrag
vacancy-salary = Gehalt
vacancy-salary-min = Gehalt ab
vacancy-salary-max = Gehalt bis
vacancy-start = Beginn
vacancy-start-hint = Leer lassen für so bald wie möglich.
vacancy-start-asap = So bald wie möglich
vacancy-positions = Anzahl Stellen
vacancy-permit = Arbeitserlaubnis
vacancy-permit-sponsor = Der Arbeitgeber ist bei der IND anerkannte Referenz und beantragt eine Erlaubnis.
vacancy-permit-blue-card = Der Arbeitgeber beantragt eine Blaue Karte EU, wo die Regeln es erlauben.
vacancy-permit-none = Der Arbeitgeber beantragt keine Arbeitserlaubnis: Sie müssen in den Niederlanden arbeiten dürfen.
vacancy-sponsors = Wir beantragen eine Arbeitserlaubnis für Kandidaten, die eine brauchen
vacancy-sponsors-short = beantragt Erlaubnis
vacancy-no-sponsorship-short = kein Erlaubnisantrag
vacancy-apply = Als Kandidat anmelden
vacancy-edit-title = Stelle bearbeiten
vacancy-edit = Bearbeiten
vacancy-edit-publish = Vervollständigen und veröffentlichen
vacancy-close-explain = Die Stelle verschwindet aus der öffentlichen Liste und aus dem Matching. Laufende Vorstellungen bleiben bestehen.
vacancy-close-confirm = Ja, Stelle schließen
vacancy-new-title = Stelle ausschreiben
vacancy-publish = Veröffentlichen
vacancy-save-draft = Als Entwurf speichern
vacancy-status = Status
vacancy-status-draft = Entwurf
vacancy-status-published = Veröffentlicht
vacancy-status-closed = Geschlossen
vacancy-unverified-notice = Das Programmteam hat Ihre Organisation noch nicht geprüft. Sie können Entwürfe speichern; veröffentlichen können Sie nach der Prüfung.
employer-register-title = Als Arbeitgeber anmelden
employer-register-intro = Gewinnen Sie internationale und grenzüberschreitende Fachkräfte mit Welcome to Maastricht Region. Das Programmteam prüft Ihre Organisation, bevor Ihre Stellen öffentlich werden.
employer-organisation = Ihre Organisation
employer-account = Ihr Konto
employer-name = Name der Organisation
employer-kvk = KvK-Nummer
employer-kvk-hint = Acht Ziffern, aus dem niederländischen Handelsregister.
employer-sector = Branche
employer-size = Größe
employer-municipality = Gemeinde
employer-sponsor = Wir stehen im öffentlichen Register anerkannter Referenzen der IND
employer-contact-name = Ihr Name
employer-email = Ihre E-Mail-Adresse
employer-password = Wählen Sie ein Passwort
employer-password-hint = Mindestens 12 Zeichen; ein paar Wörter merkt man sich leichter als Tricks.
employer-register-submit = Anmelden
employer-registered-title = Anmeldung erhalten
employer-registered = Vielen Dank. Sie können sich jetzt anmelden und Stellen vorbereiten; das Programmteam prüft Ihre Organisation in Kürze.
employer-home-title = Ihre Stellen
employer-verified = Vom Programmteam geprüft
employer-unverified = Wartet auf Prüfung durch das Programmteam
employer-is-sponsor = anerkannte Referenz
employer-vacancies = Stellen und Vorstellungen
employer-no-vacancies = Noch keine Stellen.
candidate-register-title = Als internationale Fachkraft anmelden
candidate-register-intro = Erzählen Sie, was Sie tun und können. Das Team von Welcome to Maastricht Region sucht passende Arbeitgeber in der Region und fragt Sie, bevor es Sie vorstellt.
candidate-staff-title = Kandidaten anmelden
candidate-staff-intro = Melden Sie jemanden in seinem Namen an, mit seiner Einwilligung.
candidate-you = Über Sie
candidate-work = Ihre Arbeit
candidate-name = Name
candidate-email = E-Mail-Adresse
candidate-phone = Telefon
candidate-residence = Land, in dem Sie wohnen
candidate-municipality = Gemeinde in der Region
candidate-outside-region = Ich wohne außerhalb der Region
candidate-nationality = Staatsangehörigkeit
candidate-work-authorised = Ich habe bereits einen Aufenthaltstitel, mit dem ich in den Niederlanden jede Arbeit ausüben darf
candidate-age-band = Alter
candidate-recent-graduate = Ich habe in den letzten drei Jahren meinen Abschluss gemacht oder bin im Suchjahr
candidate-occupations = Berufe
candidate-skills = Fähigkeiten
candidate-experience = Jahre Berufserfahrung
candidate-eqf = Höchstes Bildungsniveau
candidate-languages = Sprachen und Niveau (GER)
candidate-commute = Wie weit fahren Sie zur Arbeit (km)?
candidate-relocate = Ich bin bereit, für eine Stelle umzuziehen
candidate-salary = Gehaltswunsch
candidate-available = Verfügbar ab
candidate-cv = Lebenslauf
candidate-cv-hint = Nur PDF, höchstens 5 MB. Freiwillig.
candidate-consent-legend = Einwilligung
candidate-consent-text = Wir verwenden Ihre Angaben nur, um Sie mit Arbeitgebern in der Region zusammenzubringen, und bewahren sie bis zwölf Monate nach Ihrer letzten Aktivität auf. Ein Arbeitgeber sieht Ihren Namen, Ihre Kontaktdaten und Ihren Lebenslauf erst, wenn Sie jeder Vorstellung zustimmen.
candidate-consent-self = Ich willige in diese Verwendung meiner Angaben ein
candidate-consent-staff = Die Person hat in diese Verwendung ihrer Angaben eingewilligt
candidate-submit = Anmelden
candidate-registered-title = Danke für Ihre Anmeldung
candidate-registered = Wir haben Ihre Angaben erhalten. Passt ein Arbeitgeber zu Ihnen, fragen wir Sie per E-Mail, bevor wir Sie vorstellen.
candidate-home = Wohnt in
candidate-lives-abroad = Außerhalb der Region ({ $country })
candidate-consent-on = Erteilt am { $day }
candidate-vacancies = Passende Stellen
candidate-awaiting-consent = Eine Person (wartet auf Einwilligung)
candidate-erased = Eine Person (Angaben gelöscht)
cv-download = Lebenslauf herunterladen (PDF)
consent-title = Eine Vorstellung bei einem Arbeitgeber
consent-summary = Welcome to Maastricht Region möchte Sie { $employer } für die Stelle „{ $vacancy }“ in { $place } vorstellen.
consent-what-is-shared = Wenn Sie zustimmen, sieht der Arbeitgeber Ihren Namen, Ihre E-Mail-Adresse, Telefonnummer, Ihr Profil und Ihren Lebenslauf. Wenn Sie ablehnen, erfährt der Arbeitgeber nichts über Sie.
consent-yes = Ja, stellen Sie mich vor
consent-no = Nein, danke
consent-given = Vielen Dank. Der Arbeitgeber sieht jetzt Ihr Profil und meldet sich bei Ihnen.
consent-declined = Verstanden: Der Arbeitgeber sieht Ihre Angaben nicht.
consent-unknown = Dieser Link ist nicht (mehr) gültig. Vielleicht haben Sie schon geantwortet.
consent-expired = Dieser Link ist abgelaufen. Wenden Sie sich an Welcome to Maastricht Region, wenn Sie noch Interesse haben.
introductions-title = Vorstellungen
introduction-title = Vorstellung
introduction-status = Status
introduction-candidate = Die Person
introduction-awaiting-consent = Die Person hat noch nicht eingewilligt: Ihre Angaben bleiben bis dahin verborgen.
introduction-next-step = Nächster Schritt
introduction-start-date = Beginn (bei Einstellung)
introduction-reason = Grund (wenn nicht eingestellt)
introduction-save = Speichern
introduction-saved = Gespeichert.
introduction-conflict = Jemand anderes hat diese Vorstellung inzwischen geändert; siehe den aktuellen Status.
introduction-history = Verlauf
introduction-status-proposed = Vorgeschlagen, wartet auf Einwilligung
introduction-status-consented = Eingewilligt
introduction-status-declined = Von der Person abgelehnt
introduction-status-withdrawn = Zurückgezogen
introduction-status-introduced = Vorgestellt
introduction-status-interviewing = Im Gespräch
introduction-status-hired = Eingestellt
introduction-status-not-hired = Nicht eingestellt
not-hired-skills = Fähigkeiten passten nicht
not-hired-language = Sprachniveau
not-hired-salary = Gehalt
not-hired-candidate-withdrew = Die Person hat sich zurückgezogen
not-hired-position-filled = Die Stelle ist besetzt
not-hired-other = Anderer Grund
manage-talent-heading = Welcome to Maastricht Region
talent-title = Fachkräfte vermitteln
talent-counts = { $candidates ->
        [one] 1 Kandidat
       *[other] { $candidates } Kandidaten
    } und { $vacancies ->
        [one] 1 veröffentlichte Stelle
       *[other] { $vacancies } veröffentlichte Stellen
    } können zusammengebracht werden.
talent-employers = Arbeitgeber
talent-verification = Prüfung
talent-confirm-sponsor = Anerkannte Referenz (im IND-Register geprüft)
talent-verify = Prüfen
talent-vacancies = Veröffentlichte Stellen
talent-no-vacancies = Keine veröffentlichten Stellen.
talent-candidates = Kürzlich angemeldete Kandidaten
matches-ranked = Beste Kandidaten
matches-none = Noch keine Person teilt eine Fähigkeit oder den Beruf und erfüllt alle Anforderungen.
matches-filtered = Ausgefiltert
matches-none-filtered = Niemand mit passenden Fähigkeiten wurde ausgefiltert.
matches-propose = Vorstellung vorschlagen
matches-proposed = Die Vorstellung ist vorgeschlagen; die Person wurde per E-Mail um Einwilligung gebeten.
matches-not-published = Diese Stelle ist nicht veröffentlicht und wird daher nicht zugeordnet.
match-score = Punktzahl { $score } von 100
factor-essential-skills = Erforderliche Fähigkeiten
factor-optional-skills = Erwünschte Fähigkeiten
factor-occupation = Beruf
factor-eqf = Bildungsniveau
factor-experience = Erfahrung
factor-salary = Gehalt
explain-skills = hat { $has } von { $of }: { $matched }. Es fehlt: { $missing }
explain-occupation-same = derselbe Beruf
explain-occupation-group = ein verwandter Beruf (ISCO-Gruppe { $isco })
explain-occupation-different = ein anderer Beruf
explain-occupation-not-asked = die Stelle nennt keinen Beruf
explain-eqf = EQR { $candidate }, gefragt { $required }
explain-experience = { $years } Jahre, gefragt { $wanted }
explain-salary = wünscht { $desired } €, die Stelle zahlt bis { $max } €
explain-salary-none = kein Gehaltswunsch
admission-free-movement = Darf arbeiten: Freizügigkeit in der EU
admission-authorised = Darf arbeiten: hat einen Aufenthaltstitel, der Arbeit erlaubt
admission-highly-skilled = Darf als hochqualifizierte Fachkraft arbeiten (Schwelle { $threshold } €, { $year })
admission-blue-card = Darf mit einer Blauen Karte EU arbeiten (Schwelle { $threshold } €, { $year })
admission-commute = { $km } km zum Arbeitsort
admission-no-commute = kein Arbeitsweg (Fernarbeit oder Umzug)
exclusion-right-to-work = Darf nicht arbeiten: { $highly_skilled } (hochqualifizierte Fachkraft); { $blue_card } (Blaue Karte EU)
exclusion-language = { $language } auf { $required } ist erforderlich; die Person hat { $has }
exclusion-language-none = keins
exclusion-commute = { $km } km zum Arbeitsort; fährt höchstens { $max } km
exclusion-availability = verfügbar ab { $from }, gebraucht bis { $needed }
obstacle-not-recognised-sponsor = der Arbeitgeber ist keine anerkannte Referenz
obstacle-no-sponsorship = der Arbeitgeber beantragt für diese Stelle keine Erlaubnis
obstacle-no-higher-education = keine Hochschulbildung (EQR { $eqf })
obstacle-salary-below = das Gehalt (bis { $offered } €) liegt unter der Schwelle von { $threshold } € ({ $year })
placements-title = Vermittlungen
placements-caption = Vermittlungen { $year }
placements-expected = Erwartete Vermittlungen (Ziel)
placements-effective = Erreichte Vermittlungen
placements-share = Vom Ziel
placements-no-target = kein Ziel festgelegt
placements-list = Vermittlungen (ohne personenbezogene Daten)
placements-set-target = Erwartete Vermittlungen in diesem Jahr
placements-save-target = Ziel speichern
mail-introduction-subject = Ein Arbeitgeber in Süd-Limburg möchte Sie kennenlernen
mail-introduction-body = Guten Tag { $name },

    Welcome to Maastricht Region möchte Sie { $employer } für die Stelle „{ $vacancy }“ vorstellen.

    Der Arbeitgeber sieht Ihren Namen, Ihre Kontaktdaten und Ihren Lebenslauf nur, wenn Sie zustimmen. Bitte antworten Sie hier (der Link ist { $days } Tage gültig):

    { $link }

    Wenn Sie sich nicht bei Welcome to Maastricht Region angemeldet haben, können Sie diese Nachricht ignorieren.
talent-error-required = Bitte ausfüllen.
talent-error-too-long = Das ist zu lang.
talent-error-too-many = Das sind zu viele.
talent-error-not-found = Nicht gefunden: { $values }.
talent-error-unknown-esco = In ESCO nicht gefunden: Wählen Sie einen der Vorschläge.
talent-error-unknown-level = Wählen Sie ein Niveau von A1 bis C2.
talent-error-unknown-language = Wählen Sie eine Sprache aus der Liste.
talent-error-duplicate-language = Eine Sprache steht doppelt in der Liste.
talent-error-negative = Das darf nicht negativ sein.
talent-error-not-a-number = Geben Sie eine ganze Zahl ein.
talent-error-out-of-range = Diese Zahl liegt außerhalb des Bereichs.
talent-error-not-a-date = Geben Sie ein Datum ein (Jahr-Monat-Tag).
talent-error-below-minimum = Das Maximum liegt unter dem Minimum.
talent-error-invalid = Das ist nicht gültig.
talent-error-taken = Das ist bereits angemeldet.
talent-error-unknown = Wählen Sie einen Eintrag aus der Liste.
talent-error-other-country = Diese Gemeinde liegt in einem anderen Land als dem gewählten.
talent-error-already-proposed = Diese Person ist für diese Stelle bereits vorgeschlagen.
talent-error-employer-unverified = Veröffentlichen ist nach der Prüfung Ihrer Organisation möglich; speichern Sie die Stelle vorerst als Entwurf.
talent-error-not-allowed = Dieser Schritt ist jetzt nicht möglich.
talent-error-not-pdf = Der Lebenslauf muss ein PDF-Dokument sein.
talent-error-too-large = Der Lebenslauf darf höchstens 5 MB groß sein.
talent-error-empty = Die Datei ist leer.
talent-error-too-short = Verwenden Sie mindestens 12 Zeichen.
talent-error-common = Dieses Passwort ist zu verbreitet; wählen Sie ein anderes.
talent-error-contains-email = Das Passwort darf Ihre E-Mail-Adresse nicht enthalten.
talent-error-occupation-unknown-esco = Kein ESCO-Beruf: Wählen Sie einen der Vorschläge.
talent-error-occupations-unknown-esco = Einer davon ist kein ESCO-Beruf: Wählen Sie aus den Vorschlägen.
talent-error-essential_skills-unknown-esco = Eine davon ist keine ESCO-Fähigkeit: Wählen Sie aus den Vorschlägen.
talent-error-optional_skills-unknown-esco = Eine davon ist keine ESCO-Fähigkeit: Wählen Sie aus den Vorschlägen.
talent-error-skills-unknown-esco = Eine davon ist keine ESCO-Fähigkeit: Wählen Sie aus den Vorschlägen.
talent-error-consent-required = Für die Anmeldung ist Ihre Einwilligung nötig.
talent-error-kvk_number-invalid = Eine KvK-Nummer hat acht Ziffern.
talent-error-email-taken = Es gibt bereits ein Konto mit dieser Adresse: Bitte melden Sie sich an.
talent-error-email-invalid = Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.
talent-error-start_date-required = Zu einer Einstellung gehört ein Beginn.
talent-error-reason-required = Wählen Sie, warum die Person nicht eingestellt wurde.
board-heading = Employer Board { $year }
board-status-none = Nicht gefragt
board-status-invited = Eingeladen
board-status-member = Mitglied (10.000 € in Rechnung gestellt)
board-status-paid = Mitglied, Beitrag bezahlt
board-status-ended = Ausgetreten oder abgelehnt
employer-see-candidates = Passende Kandidaten
employer-matches-title = Passende Kandidaten: { $vacancy }
employer-matches-intro = Kandidaten erscheinen ohne Namen und Kontaktdaten. Setzen Sie jemanden auf die Auswahlliste, und wir bitten um Einwilligung; stimmt die Person zu, sehen Sie Profil und Lebenslauf.
employer-candidate-number = Kandidat { $n }
employer-shortlist = Auf die Auswahlliste
vacancy-close = Schließen

# One error path (web/src/error.rs)
error-unavailable-title = Vorübergehend nicht erreichbar
error-unavailable-body = Beim Speichern oder Lesen der Daten ist etwas schiefgegangen. Es ist nichts verloren gegangen; bitte versuchen Sie es gleich noch einmal.
error-method-title = Das ist hier nicht möglich
error-method-body = Diese Adresse kann so nicht verwendet werden. Gehen Sie zur vorigen Seite zurück oder beginnen Sie auf der Startseite.
error-too-large-title = Zu groß zum Senden
error-too-large-body = Was Sie gesendet haben, ist größer, als ein Formular hier annimmt. Verkleinern Sie die Datei und versuchen Sie es erneut.
error-too-slow-title = Die Verbindung war zu langsam
error-too-slow-body = Was Sie gesendet haben, ist nicht rechtzeitig angekommen. Es wurde nichts gespeichert; bitte versuchen Sie es erneut.
error-conflict-title = Jemand anderes war schneller
error-conflict-body = Eine Kollegin oder ein Kollege hat dies inzwischen geändert. Öffnen Sie die Seite erneut und sehen Sie sich den neuen Stand an, bevor Sie fortfahren.
error-expired-title = Dieser Link funktioniert nicht mehr
error-expired-body = Der Link ist abgelaufen oder wurde bereits verwendet. Fordern Sie bei Bedarf einen neuen an.
error-retry = Erneut versuchen
error-invalid-title = Dies kann so nicht verarbeitet werden
error-invalid-body = Die gesendeten Angaben stimmen nicht. Gehen Sie zurück, prüfen Sie die Felder und senden Sie erneut.

# Dates
date = { $day }.{ $month }.{ $year }
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
staff-nav-label = Menü des Arbeitsbereichs
staff-nav-public = Öffentliche Website
tag-for = Für:
filter-more = Weitere Filter
completeness-intro = Angebote, die Besucher nicht gut erreichen können oder die in den letzten zwölf Monaten niemand bestätigt hat, nach Organisation. Ergänzen Sie einen Eintrag selbst oder bitten Sie die Administratoren der Organisation, ihre Einträge zu ergänzen und zu bestätigen.
completeness-summary =
    { $services ->
        [one] Ein Angebot
       *[other] { $services } Angebote
    } bei { $organizations ->
        [one] einer Organisation
       *[other] { $organizations } Organisationen
    } { $services ->
        [one] braucht
       *[other] brauchen
    } Aufmerksamkeit.
completeness-ask = Administratoren um Ergänzung und Bestätigung bitten
completeness-asked =
    { $count ->
        [one] Wir haben dem Administrator von { $organization } die Liste gemailt.
       *[other] Wir haben den { $count } Administratoren von { $organization } die Liste gemailt.
    }
completeness-no-admin = { $organization } hat noch keinen Administrator in loket; niemand konnte gefragt werden.
completeness-invite = Einen Administrator einladen
completeness-gap-unreachable = Kein Telefon, keine E-Mail, keine Website, keine Adresse: Besucher können nur um Rückruf bitten.
completeness-gap-address = Offene Sprechstunde oder Termine angeboten, aber keine Besuchsadresse.
completeness-gap-channels = Bietet { $channels } an, ohne die Kontaktdaten dafür.
completeness-gap-never-confirmed = Nie von der Organisation bestätigt.
completeness-gap-unconfirmed = Zuletzt am { $date } bestätigt, vor mehr als zwölf Monaten.
mail-completeness-subject = Bitte ergänzen und bestätigen Sie die Angebote von { $organization } in loket
mail-completeness-body =
    Guten Tag,
    
    die regionale Koordination bittet Sie, die Angebote von { $organization } in loket zu ergänzen und zu bestätigen, damit Besucher, die an Sie weitergeleitet werden, Sie auch erreichen. { $count ->
        [one] Ein Angebot braucht
       *[other] { $count } Angebote brauchen
    } Aufmerksamkeit:
    { $list }
    Öffnen Sie jeden Link, ergänzen Sie, was fehlt (Telefonnummer, E-Mail-Adresse, Website oder Besuchsadresse), und wählen Sie „Bestätigen, dass dieses Angebot stimmt“.
    
    Vielen Dank,
    loket
menu-records = Zu ergänzen
menu-insight = Einblick Eingangstür
exclusion-outside-the-region = wohnt außerhalb der Region (im Ausland) und zieht nicht um
candidate-cv-kept = Ihr Lebenslauf ist gespeichert. Sie müssen ihn nicht erneut auswählen; wählen Sie nur dann eine andere Datei, wenn Sie ihn ersetzen möchten.
figures-percent = { $percent } %
figures-acceptance-counted = { $percent } % ({ $part } von { $whole } beantwortet)
figures-loop-closure-counted = { $percent } % ({ $part } von { $whole } abgeschlossen)
edit-field-phone = Telefonnummer
edit-hint-phone = Wird beim Speichern international geschrieben, z. B. +31 43 350 4040. Leer lassen, wenn das Angebot keine eigene Nummer hat.
edit-error-phone = Geben Sie eine gültige Telefonnummer ein, z. B. +49 241 123456.

## Labour-market regions: the national entry, a region's home and the hand-over between regions
region-handover = { $place } liegt in { $region }, nicht in { $here }. Der Zugang von { $region } kennt die Angebote dort; Ihre Antworten nehmen Sie mit.
region-handover-link = Weiter beim Zugang von { $region }
region-entry-title = Finden Sie den Zugang Ihrer Region
region-entry-intro = Jede Arbeitsmarktregion hat ihren eigenen Zugang zu Arbeit, Wohnen und Grenzarbeit. Geben Sie Ihre Postleitzahl oder Gemeinde ein, in den Niederlanden, Deutschland oder Belgien.
region-entry-label = Ihre Postleitzahl oder Gemeinde
region-entry-hint = Zum Beispiel 6041 AB, Roermond, 52062 oder Aachen
region-entry-submit = Meine Region finden
region-entry-error-empty = Geben Sie eine Postleitzahl oder den Namen einer Gemeinde ein.
region-entry-error-unknown = „{ $text }“ kennen wir nicht. Prüfen Sie die Postleitzahl oder den Namen der Gemeinde, oder wählen Sie unten eine Region.
region-entry-error-outside = { $place } liegt (noch) in keiner Region auf loket. Wählen Sie unten eine Region oder nutzen Sie den allgemeinen Zugang.
region-entry-list = Regionen auf loket
region-entry-general = Der allgemeine Zugang (alle Angebote)
region-home-intro = Alle Angebote für Arbeit, Wohnen und Grenzarbeit in { $region } an einem Ort. Beantworten Sie ein paar Fragen, und wir zeigen, wer Ihnen hilft.
region-home-start = Mit den Fragen beginnen
region-home-menu = Die Angebote von { $region }
region-home-menu-intro = Die regionale Angebotskarte: was jeder Partner beiträgt. Landesweite Angebote (wie UWV und SVB) gehören immer dazu.
region-home-feed = Offene Daten: die Angebote dieser Region als HSDS
region-home-other = Eine andere Region wählen

## A region's coordinator: menu, look and wording
regionadmin-list-title = Regionen
regionadmin-none = Sie koordinieren keine Region.
regionadmin-status-live = öffentlich
regionadmin-status-draft = in Vorbereitung
regionadmin-title = { $region }: Angebotskarte und Aussehen
regionadmin-public = Der Zugang der Region
regionadmin-wording = Die Fragen des Zugangs formulieren
regionadmin-wording-title = { $region }: die Fragen des Zugangs
regionadmin-menu = Die Angebotskarte
regionadmin-menu-intro = Die Angebote im Paket dieser Region und der Partner, der jedes beiträgt. Landesweite Angebote (UWV, SVB, Belastingdienst) stehen immer auf der Karte und werden hier nicht aufgeführt.
regionadmin-col-service = Angebot
regionadmin-col-contributor = Beigetragen von
regionadmin-col-action = Aktion
regionadmin-remove = Von der Karte nehmen
regionadmin-add-label = Angebot hinzufügen
regionadmin-add-submit = Auf die Karte setzen
regionadmin-look = Aussehen
regionadmin-look-name = Name in der Kopfzeile
regionadmin-look-colour = Farbe (#rrggbb)
regionadmin-look-colour-hint = Weiße Schrift muss darauf lesbar bleiben (Kontrast mindestens 4,5:1). Leer: die Farbe von loket.
regionadmin-look-submit = Aussehen speichern
regionadmin-logo = Logo
regionadmin-logo-current = Das aktuelle Logo
regionadmin-logo-none = Noch kein Logo: Die Kopfzeile zeigt nur den Namen.
regionadmin-logo-label = Neues Logo
regionadmin-logo-hint = Eine PNG- oder SVG-Datei von höchstens 100 KB. Es steht vor dem Namen in der Kopfzeile, auf der Farbe der Region.
regionadmin-logo-submit = Logo speichern
regionadmin-logo-remove = Logo entfernen
regionadmin-error-logo-not-an-image = Wählen Sie ein PNG- oder SVG-Bild.
regionadmin-error-logo-too-large = Die Datei ist größer als 100 KB. Wählen Sie ein kleineres Bild.
regionadmin-error-logo-missing = Wählen Sie eine Datei.
regionadmin-saved = Gespeichert. Jede Seite der Region zeigt es innerhalb weniger Sekunden.
regionadmin-error-too-light = Weiße Schrift ist auf dieser Farbe nicht lesbar; wählen Sie eine dunklere.
regionadmin-error-not-a-colour = Schreiben Sie die Farbe als #rrggbb, zum Beispiel #0b4f8a.
regionadmin-error-too-long = Verwenden Sie höchstens 60 Zeichen.
regionadmin-error-invalid = Das kann nicht gespeichert werden; prüfen Sie den Wert.
regionadmin-error-unknown = Wählen Sie ein Angebot aus der Liste.
regionadmin-error-duplicate = Dieses Angebot steht schon auf der Karte.

## Monitoring: results against targets
results-title = Ergebnisse
results-number = { $n }
results-rate-counted = { $percent } % ({ $part } von { $whole })
results-hidden = verborgen
results-not-counted = entfällt
results-period = { $first } bis { $last }
results-target-reached = { $percent } % des Ziels von { $target } für { $year }.
results-target = Ziel für { $year }: { $target }.
results-summary = { $name }: { $value } im Zeitraum { $period }.
results-summary-before = Im Zeitraum davor: { $before }.
results-compared = verglichen mit
results-from = Von
results-to = Bis
results-show = Ergebnisse anzeigen
results-download = Herunterladen:
results-csv = CSV (Kommas)
results-csv-semicolon = CSV für Excel (Semikolons)
results-legend = Zahlen unter der Schwelle eines Indikators (meist 5) werden nicht gezeigt, damit niemand erkennbar ist. Wo sich eine verborgene Zahl sonst aus der Summe zurückrechnen ließe, wird auch die nächstkleinere verborgen. Ein Prozentsatz erscheint nur, wenn sowohl die einen als auch die anderen die Schwelle erreichen. Namentlich erfasste Personen zählen einmal; anonyme Kontakte zählen je als eine Person.
results-this-period = Dieser Zeitraum
results-target-label = Ziel
results-before = Zeitraum davor
results-table = Tabelle zum Diagramm
results-month = Monat
results-count = Anzahl
results-error-not-a-date = Geben Sie ein Datum wie 2026-01-31 ein.
results-error-before-begin = Das Enddatum liegt vor dem Anfangsdatum.
results-error-too-long = Wählen Sie einen Zeitraum von höchstens fünf Jahren.
results-unit-people = Personen
results-unit-events = Anzahl
results-unit-percent = Prozentsatz
results-file-period = Zeitraum
results-file-audience = Publikum
results-audience-exact = Genaue Zahlen (Koordination und Mitarbeitende)
results-audience-aggregates = Geldgeber: nur Summen, kleine Zahlen verborgen
results-file-legend = Legende
results-file-counted-at = Gezählt am
results-col-indicator = Indikator
results-col-name = Name
results-col-unit = Einheit
results-col-series = Reihe
results-col-period = Zeitraum
results-col-value = Wert
results-series-total = Summe
results-series-before = Zeitraum davor
results-series-target = Ziel
results-series-month = Monat
targets-title = Ziele
targets-lead = Legen Sie das Ziel eines Indikators für ein Jahr fest: für das Netzwerk, eine Region, eine Organisation oder ein Angebot. Jede Änderung bleibt erhalten.
targets-saved = Das Ziel ist gespeichert.
targets-indicator = Indikator
targets-choose = Indikator wählen
targets-scope = Für
targets-year = Jahr
targets-value = Ziel
targets-value-hint = Eine ganze Zahl; bei einem Prozentsatz 0 bis 100.
targets-save = Ziel speichern
targets-in-force = Ziele für { $year }
targets-none = Für dieses Jahr sind noch keine Ziele festgelegt.
targets-set-on = Festgelegt am
targets-earlier = Früher
targets-group-network = Netzwerk und Regionen
targets-group-organisations = Organisationen
targets-group-services = Angebote
targets-error-indicator-required = Wählen Sie einen Indikator.
targets-error-indicator-unknown = Diesen Indikator gibt es nicht. Wählen Sie einen aus der Liste.
targets-error-scope-unknown = Wählen Sie das Netzwerk, eine Region, eine Organisation oder ein Angebot aus der Liste.
targets-error-year-out-of-range = Geben Sie ein Jahr von 2020 bis 2040 ein.
targets-error-value-required = Geben Sie das Ziel ein.
targets-error-value-negative = Ein Ziel kann nicht negativ sein.
targets-error-value-not-a-whole-number = Geben Sie eine ganze Zahl ohne Komma oder Punkt ein.
targets-error-value-not-a-number = Geben Sie eine Zahl ein.
targets-error-value-too-large = Dieses Ziel liegt über 10 Millionen; prüfen Sie die Zahl.
targets-error-value-over-100 = Ein Prozentsatz beträgt höchstens 100.
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mär
month-short-4 = Apr
month-short-5 = Mai
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Okt
month-short-11 = Nov
month-short-12 = Dez
results-xlsx = Excel (XLSX)
results-pdf = PDF
results-summary-table = Übersicht
results-month-table = Pro Monat
results-col-target = Ziel { $year }
programme-title = Programm und Finanzen
programme-as-of = Stand am
programme-saved = Gespeichert.
programme-milestones = Meilensteine
programme-overdue-count = Überfällig
programme-milestones-summary = { $count } Meilensteine, davon { $overdue } überfällig
programme-planned = Geplant
programme-committed = Gebunden
programme-spent = Ausgegeben
programme-total = Summe
programme-budget = Budget je Aktionslinie
programme-indicators = Indikatoren gegenüber Zielen
programme-report = Fortschrittsbericht
programme-report-download = Fortschrittsbericht herunterladen
programme-format = Datei
programme-owner = Verantwortlich
programme-reporting = Berichterstattung
programme-theme = Thema
programme-col-goal = Ziel
programme-col-line = Aktionslinie
programme-col-programme-line = Programmlinie
programme-col-milestone = Meilenstein
programme-col-deadline = Frist
programme-col-status = Status
programme-col-owner = Verantwortlich
programme-col-overdue = Überfällig
programme-overdue = überfällig
programme-status-planned = geplant
programme-status-started = begonnen
programme-status-done = erledigt
programme-status-dropped = entfallen
programme-update-title = Einen Meilenstein aktualisieren
programme-budget-title = Geld erfassen
programme-choose = Auswählen…
programme-save-milestone = Meilenstein speichern
programme-save-budget = Betrag speichern
programme-kind = Art
programme-amount = Betrag in Euro
programme-amount-hint = Zum Beispiel 12.500,00 (höchstens zwei Dezimalstellen).
programme-on = Datum
programme-note = Anmerkung
programme-error-milestone-unknown = Wählen Sie einen Meilenstein aus der Liste.
programme-error-status-unknown = Wählen Sie einen Status aus der Liste.
programme-error-owner-required = Geben Sie an, wer für den Meilenstein verantwortlich ist.
programme-error-owner-too-long = Höchstens 120 Zeichen.
programme-error-action_line-unknown = Wählen Sie eine Aktionslinie aus der Liste.
programme-error-kind-unknown = Wählen Sie gebunden oder ausgegeben.
programme-error-amount-required = Geben Sie den Betrag ein.
programme-error-amount-negative = Ein Betrag kann nicht negativ sein.
programme-error-amount-three-decimals = Höchstens zwei Nachkommastellen (Cent).
programme-error-amount-not-an-amount = Geben Sie einen Betrag wie 12.500,00 ein.
programme-error-amount-too-large = Dieser Betrag ist zu groß; bitte prüfen.
programme-error-on-not-a-date = Geben Sie ein Datum wie 2026-01-31 ein.
programme-error-note-too-long = Höchstens 200 Zeichen.
programme-as-of-label = Stand am
drill-title = Aufschlüsselung
drill-by = Aufschlüsseln nach
drill-show = Aufschlüsselung anzeigen
drill-back = Zurück zu den Ergebnissen
drill-caption = { $indicator } nach { $breakdown } und Quartal
drill-legend = Zahlen unter der Schwelle werden nicht gezeigt. Wo nötig werden weitere Zellen verborgen, damit sich keine verborgene Zahl aus den Zeilen-, Spalten- oder Gesamtsummen zurückrechnen lässt.
drill-open = Aufschlüsseln
breakdown-organisation = Organisation
breakdown-service = Angebot
breakdown-channel = Kanal
breakdown-residence-country = Wohnland
breakdown-target-group = Zielgruppe
breakdown-region = Eingangstür
drill-error-indicator-unknown = Diesen Indikator gibt es nicht. Wählen Sie einen aus der Liste.
drill-error-breakdown-unknown = Diese Aufschlüsselung gibt es nicht. Wählen Sie eine aus der Liste.
drill-error-breakdown-not-allowed = Dieser Indikator wird nicht nach dieser Aufschlüsselung berichtet.
drill-error-breakdown-not-additive = Personen und Prozentsätze lassen sich nicht über Zeilen summieren; wählen Sie einen Indikator, der Ereignisse zählt.
drill-error-breakdown-not-a-row = Wählen Sie eine Aufschlüsselung aus der Liste.
funding-title = Finanzierung
funding-lead = Wer die Angebote finanziert, mit welchen Beträgen pro Jahr und unter welchen Bedingungen, wie die Quellen es festhalten.
funding-per-year = Pro Jahr
funding-agreements = Vereinbarungen (bekannte Beträge)
funding-board = Employer Board (bezahlt von zugesagt)
funding-board-paid = { $paid } von { $promised }
funding-members = Mitglieder
funding-board-fee = Jedes Mitglied des Employer Board zahlt { $fee } pro Jahr; Mitglieder und Zahlungen stammen aus den Arbeitgeberdaten.
funding-funders = Geldgeber
funding-recipients = Für
funding-signed = Beschlossen oder unterzeichnet
funding-maximum = Höchstbeitrag pro Jahr
funding-grants = Beitrag pro Jahr
funding-wording = In der Quelle
funding-no-amount = kein Betrag in der Quelle
funding-conditions = Bedingungen
funding-deadline-passed = Frist abgelaufen
funding-source = Quelle
subscription-title = Quartalsbericht per E-Mail
subscription-lead = Nach jedem Quartal erhalten Sie eine E-Mail mit einem Link zu den Ergebnissen von { $scope } für dieses Quartal und zu deren PDF. Die Zahlen selbst bleiben hinter Ihrer Anmeldung.
subscription-subscribe = Quartalsbericht an mich senden
subscription-active = Sie erhalten den Quartalsbericht von { $scope } per E-Mail.
subscription-stop = Quartalsbericht abbestellen
subscription-added = Angemeldet. Die erste E-Mail kommt nach dem Ende dieses Quartals.
subscription-ended = Sie erhalten keinen Quartalsbericht dieser Ergebnisse mehr.
subscription-error-scope-unknown = Für diese Ergebnisse können Sie sich nicht anmelden.
subscription-mail-subject = Quartalsbericht { $quarter }: { $scope }
subscription-mail-body = Die Ergebnisse von { $scope } für { $quarter } liegen vor.

    Die Ergebnisse am Bildschirm (nach der Anmeldung):
    { $results }

    Der Bericht als PDF (nach der Anmeldung):
    { $pdf }

    Sie erhalten diese E-Mail, weil Sie in loket den Quartalsbericht bestellt haben. Abbestellen (ohne Anmeldung):
    { $unsubscribe }
unsubscribe-title = Quartalsbericht abbestellen
unsubscribe-question = Möchten Sie den Quartalsbericht von { $scope } nicht mehr an diese Adresse erhalten?
unsubscribe-confirm = Ja, Quartalsbericht abbestellen
unsubscribe-done = Erledigt: Sie erhalten keinen Quartalsbericht von { $scope } mehr. Auf der Ergebnisseite können Sie ihn wieder bestellen.
unsubscribe-unknown = Dieser Link gehört (nicht mehr) zu einem Abonnement: Sie erhalten darüber keinen Quartalsbericht.
funding-saved = Gespeichert.
funding-what-you-fund = Was { $funder } finanziert
funding-their-results = Die Ergebnisse dieses Jahres der finanzierten Organisationen:
funding-split = Höchstbetrag je Organisation und Jahr
funding-organisation = Organisation
funding-shared = Verteilt
funding-shared-of = { $shared } von { $maximum }
funding-condition-state = Stand
funding-status-open = Offen
funding-status-met = Erfüllt
funding-status-not-met = Nicht erfüllt
funding-condition-met-on = Erfüllt am { $day } (erfasst von { $who })
funding-condition-not-met-on = Nicht erfüllt am { $day } (erfasst von { $who })
funding-share-title = Einen Höchstbeitrag aufteilen
funding-share-hint = Das Meiste, was eine Organisation in einem Jahr aus der Vereinbarung erhalten darf. Zusammen dürfen die Anteile den Höchstbetrag der Vereinbarung nicht überschreiten; ein neuer Anteil ersetzt den früheren der Organisation, der in der Historie bleibt.
funding-agreement = Vereinbarung
funding-share-amount = Höchstbetrag für diese Organisation (Euro)
funding-share-save = Anteil speichern
funding-condition-title = Erfassen, wie eine Bedingung steht
funding-condition = Bedingung
funding-condition-on = Am
funding-condition-on-hint = Der Tag, an dem sie erfüllt oder als nicht erfüllt festgestellt wurde; leer lassen, solange sie offen ist.
funding-condition-save = Stand speichern
funding-accounts-title = Konten von Geldgebern
funding-accounts-hint = Ein Geldgeberkonto, das mit einem Geldgeber verknüpft ist, sieht zuerst, was dieser finanziert, mit Links zu diesen Ergebnissen.
funding-accounts-none = Es gibt noch keine Geldgeberkonten. Laden Sie unter Konten eines mit der Rolle Geldgeber ein.
funding-accounts-unlinked = mit keinem Geldgeber verknüpft
funding-unlink = Verknüpfung entfernen
funding-account = Geldgeberkonto
funding-funder = Geldgeber
funding-link = Konto verknüpfen
funding-error-agreement-unknown = Wählen Sie eine Vereinbarung aus der Liste.
funding-error-recipient-unknown = Wählen Sie eine Organisation, die diese Vereinbarung finanziert.
funding-error-year-unknown = Wählen Sie ein Jahr dieser Vereinbarung.
funding-error-amount-required = Geben Sie den Betrag ein.
funding-error-amount-negative = Ein Betrag kann nicht negativ sein.
funding-error-amount-three-decimals = Verwenden Sie höchstens zwei Nachkommastellen (Cent).
funding-error-amount-not-an-amount = Geben Sie einen Betrag wie 12500,00 ein.
funding-error-amount-too-large = Dieser Betrag ist zu groß; bitte prüfen.
funding-error-amount-over-maximum = Zusammen mit den Anteilen der anderen Organisationen ist das mehr als der Höchstbetrag der Vereinbarung für dieses Jahr.
funding-error-condition-unknown = Wählen Sie eine Bedingung aus der Liste.
funding-error-status-unknown = Wählen Sie einen Stand aus der Liste.
funding-error-on-required = Geben Sie den Tag ein, an dem sie erfüllt oder nicht erfüllt wurde.
funding-error-on-future = Dieser Tag ist noch nicht gekommen.
funding-error-on-not-a-date = Geben Sie ein Datum wie 2026-01-31 ein.
funding-error-note-too-long = Verwenden Sie höchstens 300 Zeichen.
funding-error-account-unknown = Wählen Sie ein Geldgeberkonto aus der Liste.
funding-error-funder-unknown = Wählen Sie einen Geldgeber aus der Liste.
labour-title = Arbeitsmarkt
labour-lead = Wo Mangel und Fehlpassung liegen, aus den eigenen Daten von loket: offene Stellen gegenüber den für das Matching registrierten Kandidaten, und was an der Eingangstür gefragt wird.
labour-summary = Offene Stellenangebote: { $vacancies }, zusammen { $positions } Stellen. Registrierte Kandidaten: { $candidates }.
labour-legend = Kandidaten und Fragen unter dem Schwellenwert (meist 5) werden nicht gezeigt, damit niemand erkennbar ist; wo eine verborgene Zahl aus einer Summe ableitbar wäre, wird eine weitere verborgen. Stellenangebote sind öffentlich und immer sichtbar.
labour-none = Noch nichts zu zeigen.
labour-sectors = Je Branche
labour-sectors-caption = Offene Stellenangebote je Branche des Arbeitgebers und die Kandidaten, die einen dort gefragten Beruf suchen
labour-shortage = Berufe mit offenen Stellen
labour-shortage-caption = Berufe mit offenen Stellen, der größte Mangel zuerst
labour-unmatched = Kandidaten ohne passendes Stellenangebot
labour-unmatched-caption = Berufe, die Kandidaten suchen und für die kein Stellenangebot offen ist
labour-areas = Je Region
labour-areas-caption = Offene Stellenangebote je Region des Arbeitsorts und Kandidaten je Region, in der sie wohnen
labour-questions-title = Fragen an der Eingangstür
labour-since = Gezählt seit { $day }.
labour-questions = Fragen je Thema und Eingangstür
labour-gaps = Fragen, die bei einer allgemeinen Stelle landeten (Lücken im Angebot)
labour-col-sector = Branche
labour-col-occupation = Beruf
labour-col-area = Region
labour-col-topic = Thema
labour-col-total = Summe
labour-col-vacancies = Stellenangebote
labour-col-positions = Stellen
labour-col-candidates = Kandidaten
labour-col-candidates-fit = Passende Kandidaten
labour-col-candidates-living = Dort wohnende Kandidaten
labour-col-gap = Saldo
labour-shortage-of = { $n } fehlen
labour-surplus-of = { $n } Kandidaten mehr als Stellen
labour-balanced = ausgeglichen
labour-area-unknown = Unbekannt
labour-area-abroad = Ausland ({ $country })
labour-topic-other = Sonstiges
targets-programme = Programm: { $name }
crossborder-rules-title = Grenzregeln
crossborder-rules-lead = Die Regeln, die der Grenzlotse anwendet, jede mit Artikel, Quelle und Geltungsdauer. Prüfen Sie eine Regel an der Quelle, bevor sie endet; der Testbefehl schlägt fehl, sobald eine Regel abgelaufen ist oder keine Quelle hat.
crossborder-rules-covers = Der Lotse antwortet für Daten vom { $from } bis { $to }.
crossborder-rules-caption = Regeln, ihre Quellen und Geltung
crossborder-rules-col-rule = Regel
crossborder-rules-col-domain = Thema
crossborder-rules-col-says = Was sie sagt
crossborder-rules-col-source = Quelle
crossborder-rules-col-valid = Gilt
crossborder-rules-open-ended = bis auf Weiteres
crossborder-rules-ends-early = endet vor dem letzten Datum des Lotsen
crossborder-domain-social-security = Sozialversicherung
crossborder-domain-health-care = Krankenversicherung
crossborder-domain-wage-tax = Lohnsteuer
crossborder-domain-unemployment = Arbeitslosengeld
crossborder-domain-child-benefit = Kindergeld
crossborder-domain-compensation = Niederländische Ausgleichsregelung
crossborder-domain-ninety-percent = 90-%-Regel
crossborder-domain-thirty-percent = 30-%-Regelung
xb-step = Frage { $n } von höchstens { $of }
xb-country-NL = Niederlande
xb-country-DE = Deutschland
xb-country-BE = Belgien
xb-q-residence = In welchem Land wohnen Sie?
xb-q-work = In welchem Land arbeiten Sie?
xb-q-kind = Wie arbeiten Sie?
xb-kind-employee = Als Arbeitnehmer
xb-kind-self-employed = Selbstständig
xb-kind-civil-servant = Als Beamter oder im öffentlichen Dienst
xb-kind-posted = Von meinem Arbeitgeber vorübergehend ins Ausland entsandt
xb-q-posting_months = Wie viele Monate dauert Ihre Entsendung voraussichtlich?
xb-q-posting_months-hint = Vom Beginn der Entsendung bis zum geplanten Ende.
xb-q-residence_share = Wie viel Ihrer Arbeit leisten Sie im Land, in dem Sie wohnen?
xb-q-residence_share-hint = In Prozent Ihrer Arbeitszeit, Homeoffice eingeschlossen. 0, wenn Sie nur jenseits der Grenze arbeiten.
xb-q-telework_share = Wie viel Ihrer Arbeitszeit arbeiten Sie im Homeoffice?
xb-q-telework_share-hint = In Prozent. 0, wenn Sie nie von zu Hause arbeiten.
xb-q-days_outside_work_state = An wie vielen Tagen in diesem Jahr arbeiten Sie { $work_code ->
        [NL] außerhalb der Niederlande
        [DE] außerhalb Deutschlands
       *[BE] außerhalb Belgiens
    }?
xb-q-days_outside_work_state-hint = Tage im Homeoffice oder in einem anderen Land; ein Tag zählt ab 30 Minuten Arbeit dort. 0, wenn keine.
xb-q-children_residence = Haben Sie Kinder, für die es Kindergeld gibt? Wo wohnen sie?
xb-no-children = Keine Kinder, oder nicht zutreffend
xb-q-other_parent_works_in = Arbeitet der andere Elternteil der Kinder? Wo?
xb-other-parent-no-work = Arbeitet nicht (oder es gibt keinen anderen Elternteil)
xb-q-unemployment = Sind Sie arbeitslos oder in Kurzarbeit?
xb-unemployment-whole = Ich habe meine Stelle verloren (vollständig arbeitslos)
xb-unemployment-short-time = Kurzarbeit
xb-not-unemployed = Nein
xb-error-number = Geben Sie eine Zahl von 0 bis zum höchstmöglichen Wert ein, zum Beispiel 20.
xb-error-choose = Wählen Sie eine der Antworten.
xb-unit-months = Monate
xb-unit-days = Tage
xb-unit-percent = %
xb-answer-title = Was für Sie über die Grenze gilt
xb-disclaimer = Allgemeine Informationen aus den öffentlichen Regeln, keine Entscheidung. Der GrenzInfoPunkt oder die zuständige Stelle entscheidet über Ihren Fall.
xb-source = Quelle
xb-changes-title = Was sich ändern würde
xb-handover-title = Mit einer Beratung besprechen
xb-handover = { $organisation } um Rückruf bitten
xb-handover-hint = Ihre Situation steht schon in der Anfrage; Sie können sie vor dem Senden ändern, und ohne Ihre Einwilligung wird nichts gesendet.
xb-summary = Sie wohnen { $home_code ->
        [NL] in den Niederlanden
        [DE] in Deutschland
       *[BE] in Belgien
    } und arbeiten { $work_code ->
        [NL] in den Niederlanden
        [DE] in Deutschland
       *[BE] in Belgien
    } ({ $kind }); { $share } % Ihrer Arbeit im Wohnland, { $telework } % im Homeoffice, { $days } Tage { $work_code ->
        [NL] außerhalb der Niederlande
        [DE] außerhalb Deutschlands
       *[BE] außerhalb Belgiens
    } in diesem Jahr; Antworten für den { $date }.
xb-problem-date = Wir können nur für Daten antworten, die die Regeln abdecken (2024 bis 2027).
xb-problem-other = Einige Antworten konnten nicht verwendet werden. Bitte beginnen Sie neu.
xb-option-telework = Auf gemeinsamen Antrag von Arbeitgeber und Ihnen (Rahmenübereinkommen zur Telearbeit): { $answer }
xb-a-needs-adviser = Die Regeln entscheiden das für Ihre Situation nicht: { $reason } Eine Beratung sieht es sich mit Ihnen an.
xb-reason-several-employers = Sie arbeiten für mehrere Arbeitgeber in mehreren Ländern.
xb-reason-centre-of-interest = es hängt davon ab, wo der Mittelpunkt Ihrer Tätigkeit liegt.
xb-reason-private-insurance = mit einer privaten Krankenversicherung gibt es kein S1-Formular.
xb-reason-social-security-first = zuerst muss klar sein, welches Land für Ihre Sozialversicherung zuständig ist.
xb-reason-children-in-a-third-country = Ihre Kinder wohnen in einem Land, in dem kein Elternteil arbeitet.
xb-reason-not-verified = diese Regel ist nicht in einem amtlichen Text bestätigt.
xb-reason-rule-not-in-force = die Regel, die es entscheiden würde, gilt an diesem Datum nicht.
xb-a-social-security-country = Sie sind { $country_code ->
        [NL] in den Niederlanden
        [DE] in Deutschland
       *[BE] in Belgien
    } sozialversichert.
xb-a-health-care-country = Sie sind { $country_code ->
        [NL] in den Niederlanden
        [DE] in Deutschland
       *[BE] in Belgien
    } krankenversichert, wie alle, die dort wohnen.
xb-a-health-care-insured-abroad = Sie sind { $insured_code ->
        [NL] in den Niederlanden
        [DE] in Deutschland
       *[BE] in Belgien
    } versichert. Melden Sie sich mit einem S1-Formular { $registered_code ->
        [NL] in den Niederlanden
        [DE] in Deutschland
       *[BE] in Belgien
    } an; Sie und Ihre Familie können in beiden Ländern behandelt werden.
xb-a-wage-tax-country = { $country_code ->
        [NL] Die Niederlande besteuern
        [DE] Deutschland besteuert
       *[BE] Belgien besteuert
    } Ihren ganzen Lohn.
xb-a-wage-tax-per-day = Jeder Arbeitstag wird dort besteuert, wo Sie ihn gearbeitet haben: Tage im Arbeitsland { $work_code ->
        [NL] von den Niederlanden
        [DE] von Deutschland
       *[BE] von Belgien
    }, Homeoffice-Tage { $home_code ->
        [NL] von den Niederlanden
        [DE] von Deutschland
       *[BE] von Belgien
    }.
xb-a-unemployment-country = { $country_code ->
        [NL] Die Niederlande zahlen
        [DE] Deutschland zahlt
       *[BE] Belgien zahlt
    } Ihr Arbeitslosengeld.
xb-a-child-benefit-country = { $country_code ->
        [NL] Die Niederlande zahlen
        [DE] Deutschland zahlt
       *[BE] Belgien zahlt
    } Ihr Kindergeld.
xb-a-child-benefit-first-and-top-up = Das Kindergeld zahlt zuerst: { $first }. Den Unterschied bis zum eigenen Betrag zahlt: { $top_up }.
xb-a-compensation-applies = Die niederländische Ausgleichsregelung erstattet Steuern, die Sie mehr zahlen, als wenn Sie in den Niederlanden arbeiten würden.
xb-a-compensation-does-not-apply = Die niederländische Ausgleichsregelung gilt für Arbeitnehmer, nicht für Sie.
xb-a-ninety-percent-applies = Wenn 90 % oder mehr Ihres Einkommens dort besteuert werden, erhalten Sie die Abzüge eines Einwohners.
xb-a-ninety-percent-does-not-apply = Weniger als 90 % Ihres Einkommens werden dort besteuert: keine Abzüge eines Einwohners.
xb-a-thirty-percent-applies = Sie erfüllen die Entfernungsbedingung der 30-%-Regelung.
xb-a-thirty-percent-does-not-apply = Sie erfüllen die Entfernungsbedingung der 30-%-Regelung nicht.
xb-if-days-from = Mit 35 Tagen oder mehr { $work_code ->
        [NL] außerhalb der Niederlande
        [DE] außerhalb Deutschlands
       *[BE] außerhalb Belgiens
    } in diesem Jahr
xb-if-days-below = Mit weniger als 35 Tagen { $work_code ->
        [NL] außerhalb der Niederlande
        [DE] außerhalb Deutschlands
       *[BE] außerhalb Belgiens
    } in diesem Jahr
xb-if-share-from = Mit 25 % oder mehr Ihrer Arbeit { $home_code ->
        [NL] in den Niederlanden
        [DE] in Deutschland
       *[BE] in Belgien
    }
xb-if-share-below = Mit weniger als 25 % Ihrer Arbeit { $home_code ->
        [NL] in den Niederlanden
        [DE] in Deutschland
       *[BE] in Belgien
    }
fd-explainer = Welches Land ist für Ihre Sozialversicherung, Krankenversicherung, Lohnsteuer und Ihr Kindergeld zuständig? Der Grenzlotse antwortet in wenigen Fragen, mit den Regeln hinter jeder Antwort.
fd-explainer-link = Prüfen, was für Sie über die Grenze gilt
nav-cross-border = Über die Grenze
xb-reason-marginal-work = ob Ihre Arbeit im anderen Land geringfügig ist, beurteilt die zuständige Stelle.
xb-reason-civil-servant-tax = Bezüge eines öffentlichen Arbeitgebers über die Grenze werden nach Regeln besteuert, die von Staatsangehörigkeit, Wohnsitz und Arbeitsort abhängen.

## Veranstaltungen (öffentlich)
ev-title = Veranstaltungen
nav-events = Veranstaltungen
ev-intro = Treffen, Willkommensveranstaltungen und Kurse für alle, die in der Region wohnen und arbeiten. Die Anmeldung ist kostenlos; Sie brauchen kein Konto.
ev-none = Zurzeit sind keine Veranstaltungen geplant.
ev-filter-region = Region
ev-filter-all = Alle Regionen
ev-filter-submit = Anzeigen
ev-subscribe = Diese Veranstaltungen in Ihren Kalender übernehmen
ev-subscribe-hint = Kopieren Sie diesen Link in Ihre Kalender-App; neue und geänderte Termine erscheinen dann von selbst.
ev-when = Wann
ev-where = Wo
ev-online = Online
ev-languages = Sprache
ev-organiser = Veranstaltet von
ev-places-left = { $places ->
    [one] noch 1 Platz
   *[other] noch { $places } Plätze
}
ev-full = Ausgebucht: Warteliste
ev-cancelled = Abgesagt
ev-more = Mehr über { $title }
ev-dates = Termine
ev-register-title = Anmelden
ev-register-date = Termin
ev-register-name = Ihr Name
ev-register-email = Ihre E-Mail-Adresse
ev-register-email-hint = Dorthin senden wir Ihre Bestätigung und einen Link zum Abmelden.
ev-register-party = Mit wie vielen Personen kommen Sie (Sie selbst mitgezählt)
ev-register-consent = Ich bin einverstanden, dass { $organiser } meinen Namen und meine E-Mail-Adresse für diese Veranstaltung speichert. Sie werden 30 Tage nach dem Termin gelöscht.
ev-register-submit = Anmelden
ev-register-another = Noch jemanden anmelden
ev-error-name-required = Geben Sie Ihren Namen ein.
ev-error-name-too-long = Ihr Name darf höchstens 120 Zeichen lang sein.
ev-error-email-invalid = Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.
ev-error-party-range = Geben Sie eine Zahl von 1 bis 10 ein.
ev-error-consent-required = Kreuzen Sie das Kästchen an, sonst können wir Sie nicht anmelden.
ev-error-date-closed = Für diesen Termin ist keine Anmeldung mehr möglich. Wählen Sie einen anderen Termin.
ev-done-confirmed = Sie sind für { $title } am { $when } angemeldet.
ev-done-waiting = Dieser Termin ist ausgebucht. Sie stehen auf der Warteliste für { $title } am { $when }. Wird ein Platz frei, schreiben wir Ihnen.
ev-done-mailed = Wir haben die Angaben an { $email } gesendet.
ev-code = Ihr Code am Eingang: { $code }
ev-calendar-file = In Ihren Kalender übernehmen (.ics)
ev-booking-title = Ihre Anmeldung
ev-booking-status-confirmed = Sie haben { $places ->
    [one] einen Platz
   *[other] { $places } Plätze
}.
ev-booking-status-waiting = Sie stehen auf der Warteliste.
ev-booking-status-offered = Ein Platz ist für Sie frei bis { $until }.
ev-booking-status-cancelled = Diese Anmeldung ist storniert.
ev-booking-status-expired = Der angebotene Platz wurde nicht rechtzeitig angenommen.
ev-booking-accept = Platz annehmen
ev-booking-cancel = Abmelden
ev-booking-cancel-hint = Sie können nicht kommen? Melden Sie sich ab, dann bekommt jemand auf der Warteliste Ihren Platz.
ev-booking-cancelled = Sie sind abgemeldet. Danke, dass Sie Bescheid geben.
ev-booking-accepted = Der Platz gehört Ihnen. Bis dann!
ev-booking-too-late = Dieses Angebot ist abgelaufen, oder der Platz wurde schon angenommen.
ev-booking-unknown = Dieser Link gehört zu keiner Anmeldung. Vielleicht wurde er falsch übernommen.
ev-back = Alle Veranstaltungen
ev-for-you = Veranstaltungen für Sie

## E-Mails zu Veranstaltungen
event-mail-confirmed-subject = Ihr Platz: { $title }
event-mail-confirmed-body = Sie sind für { $title } am { $when } ({ $place }) angemeldet, mit { $places } { $places ->
    [one] Person
   *[other] Personen
}.

    Ihr Code am Eingang: { $code }

    Sie können nicht kommen? Melden Sie sich hier ab, dann bekommt jemand auf der Warteliste Ihren Platz:
    { $link }
event-mail-waiting-subject = Warteliste: { $title }
event-mail-waiting-body = { $title } am { $when } ist ausgebucht. Sie stehen auf der Warteliste.

    Wird ein Platz frei, schreiben wir Ihnen. Sie haben dann { $hours } Stunden Zeit, ihn anzunehmen.

    Kein Interesse mehr? Tragen Sie sich hier aus:
    { $link }
event-mail-reminder-subject = Erinnerung: { $title } am { $when }
event-mail-reminder-body = Bis bald bei { $title } am { $when } ({ $place }).

    Ihr Code am Eingang: { $code }

    Sie können doch nicht kommen? Melden Sie sich hier ab, dann bekommt jemand auf der Warteliste Ihren Platz:
    { $link }
event-mail-moved-subject = Geändert: { $title }
event-mail-moved-body = { $title } ist auf { $when } verlegt. Ihre Anmeldung bleibt bestehen.

    Sie können zum neuen Termin nicht? Melden Sie sich mit dem Link in Ihrer Bestätigung ab, dann bekommt jemand anderes Ihren Platz.
    { $url }
event-mail-cancelled-subject = Abgesagt: { $title } am { $when }
event-mail-cancelled-body = { $title } am { $when } fällt aus. Das tut uns leid.

    Weitere Termine, falls es welche gibt:
    { $url }
event-mail-offer-subject = Ein Platz ist für Sie frei: { $title }
event-mail-offer-body = Für { $title } am { $when } ({ $place }) ist ein Platz frei geworden. Wir halten ihn für Sie bis { $until }.

    Hier annehmen:
    { $link }

## Veranstaltungen (Veranstalter)
evorg-title = Veranstaltungen
evorg-intro = Veröffentlichen Sie die Veranstaltungen Ihrer Organisation. Jeder Termin hat eigene Plätze; ist ein Termin ausgebucht, kommen Interessierte auf die Warteliste, und ein frei gewordener Platz geht an die nächste Person.
evorg-none = Noch keine Veranstaltungen.
evorg-new = Neue Veranstaltung
evorg-organisation = Organisation
evorg-region = Region
evorg-title-field = Titel
evorg-description = Beschreibung
evorg-location = Ort
evorg-location-none = Online (kein Ort)
evorg-online-url = Adresse des Online-Treffens (https://…)
evorg-languages = Gesprochene Sprachen
evorg-capacity = Plätze je Termin
evorg-hold-hours = Stunden, die ein frei gewordener Platz für die nächste Person reserviert bleibt
evorg-starts = Erster Termin: Beginn (JJJJ-MM-TT HH:MM)
evorg-ends = Erster Termin: Ende (JJJJ-MM-TT HH:MM)
evorg-rule = Wiederholung (leer für einen Termin)
evorg-rule-hint = Eine iCalendar-Regel, die endet, z. B. FREQ=MONTHLY;BYDAY=1TH;COUNT=12 für den ersten Donnerstag in zwölf Monaten.
evorg-except = Ausfallende Termine (JJJJ-MM-TT, durch Kommas getrennt)
evorg-submit = Veröffentlichen
evorg-created = Die Veranstaltung ist veröffentlicht.
evorg-dates = Termine
evorg-date = Termin
evorg-confirmed = Angemeldet
evorg-waiting = Warteliste
evorg-attended = Gekommen
evorg-checkin = Anwesenheitsliste
evorg-checkin-title = Anwesenheit: { $title }, { $when }
evorg-checkin-intro = Kreuzen Sie an, wer gekommen ist, und speichern Sie. Der Code steht auf jeder Bestätigung (und im QR-Code).
evorg-checkin-save = Anwesenheit speichern
evorg-checkin-saved = Gespeichert: { $present } von { $confirmed } sind gekommen.
evorg-name = Name
evorg-party = Personen
evorg-code = Code
evorg-status = Status
evorg-position = Nr.
evorg-public-page = Öffentliche Seite
evorg-error-title-required = Geben Sie einen Titel ein.
evorg-error-title-too-long = Der Titel darf höchstens 200 Zeichen lang sein.
evorg-error-description-too-long = Die Beschreibung darf höchstens 5.000 Zeichen lang sein.
evorg-error-location_id-place-required = Wählen Sie einen Ort oder geben Sie die Adresse des Online-Treffens an.
evorg-error-location_id-unknown = Wählen Sie einen der Orte Ihrer Organisation.
evorg-error-online_url-not-https = Geben Sie eine Adresse an, die mit https:// beginnt.
evorg-error-languages-required = Wählen Sie mindestens eine Sprache.
evorg-error-languages-unknown = Wählen Sie aus den angezeigten Sprachen.
evorg-error-capacity-not-a-number = Geben Sie eine ganze Zahl ein.
evorg-error-capacity-at-least-one = Ein Termin braucht mindestens 1 Platz.
evorg-error-capacity-too-large = Höchstens 10.000 Plätze.
evorg-error-hold_hours-hold-range = Zwischen 1 und 168 Stunden.
evorg-error-starts-starts-invalid = Geben Sie Datum und Uhrzeit wie 2027-01-07 19:00 ein.
evorg-error-starts-starts-in-gap = Diese Uhrzeit gibt es nicht: Dann wird die Uhr vorgestellt. Wählen Sie eine andere Uhrzeit.
evorg-error-ends-ends-invalid = Geben Sie Datum und Uhrzeit wie 2027-01-07 21:00 ein.
evorg-error-ends-ends-before-start = Die Veranstaltung muss nach ihrem Beginn enden.
evorg-error-ends-too-long = Eine Veranstaltung dauert höchstens einen Tag.
evorg-error-rule-rule-invalid = Diese Wiederholungsregel kann loket nicht lesen.
evorg-error-rule-rule-never-ends = Die Regel endet nie: Fügen Sie COUNT (wie viele Termine) oder UNTIL (der letzte Tag) hinzu.
evorg-error-rule-too-many-dates = Höchstens 120 Termine.
evorg-error-except-except-invalid = Schreiben Sie jedes Datum als JJJJ-MM-TT.
evorg-error-except-except-not-a-date = Eines dieser Daten ist kein Termin der Reihe.
evorg-error-organisation-unknown = Wählen Sie eine Organisation, für die Sie arbeiten.
evorg-error-region-unknown = Wählen Sie eine Region.
evorg-status-confirmed = Angemeldet
evorg-status-waiting = Warteliste
evorg-status-offered = Platz angeboten
evorg-status-cancelled = Abgemeldet
evorg-status-expired = Angebot abgelaufen
evorg-move-title = Diesen Termin verlegen
evorg-move-hint = Alle Angemeldeten bekommen eine E-Mail; Kalender zeigen die neue Zeit.
evorg-move-starts = Beginn (JJJJ-MM-TT HH:MM)
evorg-move-ends = Ende (JJJJ-MM-TT HH:MM)
evorg-move-submit = Termin verlegen
evorg-moved = Der Termin ist verlegt; alle Angemeldeten bekommen eine E-Mail.
evorg-cancel-title = Diesen Termin absagen
evorg-cancel-hint = Alle Angemeldeten bekommen eine E-Mail; Kalender zeigen den Termin als abgesagt.
evorg-cancel-submit = Diesen Termin absagen
evorg-cancelled-done = Der Termin ist abgesagt; alle Angemeldeten bekommen eine E-Mail.
evorg-target-groups = Für wen ist es
evorg-target-groups-hint = Lassen Sie alles leer für alle. Die Eingangstür zeigt die Veranstaltung den Besuchern, für die sie ist.
evorg-error-target_groups-unknown = Wählen Sie aus den angezeigten Gruppen.
