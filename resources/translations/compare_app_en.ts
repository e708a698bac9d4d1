<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>candidate</name>
    <message>
        <source>visad</source>
        <translation>shown</translation>
    </message>
    <message>
        <source>delvis visad</source>
        <translation>partly shown</translation>
    </message>
    <message>
        <source>ej visad</source>
        <translation>not shown</translation>
    </message>
    <message>
        <source>praktiskt prov</source>
        <translation>practical test</translation>
    </message>
    <message>
        <source>observation i arbetet</source>
        <translation>observation at work</translation>
    </message>
    <message>
        <source>muntligt prov eller intervju</source>
        <translation>oral test or interview</translation>
    </message>
    <message>
        <source>skriftligt prov</source>
        <translation>written test</translation>
    </message>
    <message>
        <source>portfolio eller dokumentation</source>
        <translation>portfolio or documentation</translation>
    </message>
    <message>
        <source>projekt eller uppgift</source>
        <translation>project or assignment</translation>
    </message>
    <message>
        <source>tidigare intyg eller betyg</source>
        <translation>earlier certificate or grade</translation>
    </message>
    <message>
        <source>annan bedömning</source>
        <translation>other assessment</translation>
    </message>
</context>
<context>
    <name>CandidateView</name>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="67"/>
        <source>Kandidat</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="69"/>
        <source>Ny kandidat…</source>
        <translation>New candidate…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="71"/>
        <source>Ta bort kandidat</source>
        <translation>Remove candidate</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="73"/>
        <source>Importera resultat från Excel…</source>
        <translation>Import results from Excel…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="76"/>
        <source>Kandidat:</source>
        <translation>Candidate:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="83"/>
        <source>Krav-id</source>
        <translation>Requirement id</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="83"/>
        <source>Kompetensområde</source>
        <translation>Competence area</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="83"/>
        <source>Krav</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="84"/>
        <source>Resultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="84"/>
        <source>Hur och när</source>
        <translation>How and when</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="84"/>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="98"/>
        <source>(inte bedömt)</source>
        <translation>(not assessed)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="100"/>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="103"/>
        <source>(ingen angiven)</source>
        <translation>(none given)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="108"/>
        <source>Registrera för markerade krav</source>
        <translation>Record for selected requirements</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="125"/>
        <source>Tröskel för tillgodoräknande</source>
        <translation>Threshold for crediting</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="129"/>
        <source>Även PDF (LibreOffice)</source>
        <translation>Also PDF (LibreOffice)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="130"/>
        <source>Skriv valideringsresultat och studieplan…</source>
        <translation>Write validation result and study plan…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="133"/>
        <source>Tillgodoräkna från:</source>
        <translation>Credit from:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="214"/>
        <source>Lägg till en kandidat med Ny kandidat… eller importera resultat från granskningsfilen i Excel.</source>
        <translation>Add a candidate with New candidate… or import results from the Excel review workbook.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="217"/>
        <source>Kursinnehåll som visade krav täcker (godkända kopplingar):</source>
        <translation>Course content covered by shown requirements (accepted links):</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="220"/>
        <source> – föreslås</source>
        <translation> – proposed</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="224"/>
        <source>Inget ännu. Godkänn kopplingar under Granskning och registrera visade krav.</source>
        <translation>Nothing yet. Accept links under Review and record shown requirements.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="261"/>
        <source>Ny kandidat</source>
        <translation>New candidate</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="267"/>
        <source>Kandidatens namn:</source>
        <translation>Candidate's name:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="276"/>
        <source>Ta bort %1 och alla resultat? Det går att ångra.</source>
        <translation>Remove %1 and all results? This can be undone.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="293"/>
        <source>Registrera resultat</source>
        <translation>Record results</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="303"/>
        <source>Importera resultat</source>
        <translation>Import results</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="303"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="317"/>
        <source>Filen innehåller inga nya resultat.</source>
        <translation>The file holds no new results.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="320"/>
        <source>%1 resultat i %2 kolumner; nya kandidater: %3. Läsa in dem?</source>
        <translation>%1 results in %2 columns; new candidates: %3. Import them?</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="322"/>
        <source>inga</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="325"/>
        <source>granskningsfil (%1)</source>
        <translation>review workbook (%1)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="336"/>
        <source>Valideringsresultat och studieplan</source>
        <translation>Validation result and study plan</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="337"/>
        <source>Word (*.docx)</source>
        <translation>Word (*.docx)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="366"/>
        <source>Skriver valideringsresultat och studieplan…</source>
        <translation>Writing validation result and study plan…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="371"/>
        <source>Skrev %1</source>
        <translation>Wrote %1</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="375"/>
        <source>Alla krav är visade.</source>
        <translation>Every requirement is shown.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="377"/>
        <source>Studieplan: %1 kurser, %2 poäng; %3 krav täcks inte av någon kurs.</source>
        <translation>Study plan: %1 courses, %2 points; %3 requirements are covered by no course.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/candidate_view.py" line="387"/>
        <source>Kandidater</source>
        <translation>Candidates</translation>
    </message>
</context>
<context>
    <name>CurriculumTree</name>
    <message>
        <location filename="../../compare_app/ui/trees.py" line="132"/>
        <source>Kursinnehåll</source>
        <translation>Course content</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/trees.py" line="136"/>
        <source>Kursplanernas centrala innehåll</source>
        <translation>Central content of the syllabuses</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/trees.py" line="137"/>
        <source>Kurs → avsnitt → punkt i det centrala innehållet. Dra en punkt till ett krav för att länka.</source>
        <translation>Course → section → central-content item. Drag an item onto a requirement to link it.</translation>
    </message>
</context>
<context>
    <name>CurveChart</name>
    <message numerus="yes">
        <location filename="../../compare_app/ui/planner_view.py" line="100"/>
        <source>%n poäng</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="102"/>
        <source>täckta krav per poäng</source>
        <translation>covered requirements per point</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="93"/>
        <source>Kurvan över täckta krav per poäng visas när du har planerat.</source>
        <translation>The curve of requirements covered per point appears once you have planned.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../compare_app/ui/main_window.py"/>
        <source>Matchningsmetod</source>
        <translation>Matching method</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py"/>
        <source>Förslag: ord och betydelse</source>
        <translation>Proposals: words and meaning</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py"/>
        <source>Förslag: endast ord</source>
        <translation>Proposals: words only</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py"/>
        <source>Språkmodell {0} (vikter {1}, {2})</source>
        <translation>Language model {0} (weights {1}, {2})</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py"/>
        <source>Språkmodellen används inte: {0}</source>
        <translation>The language model is not used: {0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="125"/>
        <source>Kandidater</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="84"/>
        <source>Granskning</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="90"/>
        <source>Täckning totalt</source>
        <translation>Total coverage</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="120"/>
        <source>Enheter</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="121"/>
        <source>Planering</source>
        <translation>Planning</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="138"/>
        <source>&amp;Nytt projekt…</source>
        <translation>&amp;New project…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="139"/>
        <source>&amp;Öppna…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="140"/>
        <source>&amp;Spara</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="141"/>
        <source>Spara s&amp;om…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="142"/>
        <source>Lägg till kursplanekälla…</source>
        <translation>Add curriculum source…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="143"/>
        <source>Importera granskning från Excel…</source>
        <translation>Import review from Excel…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="144"/>
        <source>Rapport som &amp;Word…</source>
        <translation>Report as &amp;Word…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="145"/>
        <source>Rapport som &amp;Excel…</source>
        <translation>Report as &amp;Excel…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="146"/>
        <source>CASE-paket (JSON)…</source>
        <translation>CASE package (JSON)…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="147"/>
        <source>&amp;Inställningar…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="148"/>
        <source>&amp;Avsluta</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="149"/>
        <source>&amp;Ångra</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="151"/>
        <source>&amp;Gör om</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="153"/>
        <source>&amp;Kör matchning</source>
        <translation>&amp;Run matching</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="154"/>
        <source>Beräkna förslag igen; dina beslut behålls</source>
        <translation>Compute proposals again; your decisions are kept</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="155"/>
        <source>&amp;Nästa ogranskade</source>
        <translation>&amp;Next unreviewed</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="156"/>
        <source>Gå till nästa krav som ingen har granskat (N)</source>
        <translation>Go to the next requirement nobody has reviewed (N)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="157"/>
        <source>&amp;Föregående ogranskade</source>
        <translation>&amp;Previous unreviewed</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="158"/>
        <source>&amp;Godkänn länk</source>
        <translation>&amp;Accept link</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="158"/>
        <source>Godkänn markerad länk ({0})</source>
        <translation>Accept the selected link ({0})</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="159"/>
        <source>&amp;Avvisa länk</source>
        <translation>&amp;Reject link</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="159"/>
        <source>Avvisa markerad länk ({0})</source>
        <translation>Reject the selected link ({0})</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="160"/>
        <source>&amp;Ta bort beslut</source>
        <translation>Re&amp;move decision</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="161"/>
        <source>&amp;Länka markerat kursinnehåll</source>
        <translation>&amp;Link selected course content</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="162"/>
        <source>Länka punkten som är markerad i kursträdet till kravet (L)</source>
        <translation>Link the item selected in the course tree to the requirement (L)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="163"/>
        <source>Sök och länka…</source>
        <translation>Search and link…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="164"/>
        <source>Sök bland kraven</source>
        <translation>Search requirements</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="165"/>
        <source>Skriv anteckning</source>
        <translation>Write note</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="166"/>
        <source>Spara anteckning</source>
        <translation>Save note</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="171"/>
        <source>Status: {0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="173"/>
        <location filename="../../compare_app/ui/main_window.py" line="674"/>
        <source>Kortkommandon</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="174"/>
        <location filename="../../compare_app/ui/main_window.py" line="679"/>
        <source>Om compare_app</source>
        <translation>About compare_app</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="178"/>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="180"/>
        <source>Senaste projekt</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="185"/>
        <source>&amp;Exportera</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="189"/>
        <source>&amp;Redigera</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="193"/>
        <source>&amp;Granska</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="201"/>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="233"/>
        <source>(inte sparat)</source>
        <translation>(not saved)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="234"/>
        <source> (skrivskyddat)</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="276"/>
        <source>Upptagen</source>
        <translation>Busy</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="276"/>
        <source>Vänta tills det pågående arbetet är klart.</source>
        <translation>Wait until the running work has finished.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="294"/>
        <source>Klart.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="294"/>
        <source>Avbrutet.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="294"/>
        <source>Misslyckades.</source>
        <translation>Failed.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="307"/>
        <source>Avbryter…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="335"/>
        <source>Filen kunde inte användas</source>
        <translation>The file could not be used</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="337"/>
        <source>Fel</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="337"/>
        <source>Ett oväntat fel inträffade:
{0}</source>
        <translation>An unexpected error occurred:
{0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="349"/>
        <source>Osparade ändringar</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="350"/>
        <source>Projektet har ändringar som inte är sparade. Spara dem?</source>
        <translation>The project has unsaved changes. Save them?</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="380"/>
        <source>Läser in filerna…</source>
        <translation>Reading the files…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="387"/>
        <source>Öppnar exemplet…</source>
        <translation>Opening the example…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="399"/>
        <source>Matchar krav mot kursinnehåll…</source>
        <translation>Matching requirements against course content…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="404"/>
        <source>Öppna projekt</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="413"/>
        <source>Öppnar {0}…</source>
        <translation>Opening {0}…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="423"/>
        <source>Källfiler har ändrats sedan projektet sparades: {0}. Kör matchningen (F5) för nya förslag; dina beslut behålls.</source>
        <translation>Source files have changed since the project was saved: {0}. Run the matching (F5) for new proposals; your decisions are kept.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="425"/>
        <source>Originalfilerna finns inte här ({0}); projektet innehåller allt som behövs, men ändringar i originalen kan inte upptäckas.</source>
        <translation>The original files are not here ({0}); the project contains everything it needs, but changes to the originals cannot be detected.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="427"/>
        <source>Projektet öppnades skrivskyddat. Spara som en ny fil för att ändra.</source>
        <translation>The project was opened read-only. Save it as a new file to make changes.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="429"/>
        <source>Om projektet</source>
        <translation>About the project</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="446"/>
        <source>Spara projekt som</source>
        <translation>Save project as</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="461"/>
        <source>Kunde inte spara</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="470"/>
        <source>Filen har ändrats</source>
        <translation>The file has changed</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="470"/>
        <source>Någon annan har sparat {0} sedan du öppnade det. Inget har skrivits över.

Slå ihop: deras ändringar läggs till dina; där ni har beslutat olika om samma krav gäller ditt beslut och du får se vilka krav det gäller.</source>
        <translation>Someone else has saved {0} since you opened it. Nothing was overwritten.

Merge: their changes are added to yours; where you decided the same requirement differently your decision applies and you are shown which requirements that concerns.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="470"/>
        <source>Slå ihop besluten</source>
        <translation>Merge the decisions</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="470"/>
        <source>Spara som kopia…</source>
        <translation>Save as a copy…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="470"/>
        <source>Besluten har slagits ihop</source>
        <translation>The decisions were merged</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="470"/>
        <source>Ändringar från den andra versionen som lades till: {0}.</source>
        <translation>Changes from the other version that were added: {0}.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="470"/>
        <source>Ni har ändrat samma sak på olika sätt ({0}): {1}. Ditt beslut gäller där.</source>
        <translation>You both changed the same thing differently ({0}): {1}. Your decision applies there.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="470"/>
        <source>Den andra versionen finns kvar i {0}.</source>
        <translation>The other version is kept in {0}.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="470"/>
        <source>Den andra versionen hade inga andra ändringar än dina.</source>
        <translation>The other version had no changes besides yours.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="470"/>
        <source>krav {0}</source>
        <translation>requirement {0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="470"/>
        <source>enhet {0}</source>
        <translation>unit {0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="470"/>
        <source>Sparat i {0}</source>
        <translation>Saved to {0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="491"/>
        <source>Kunde inte spara det inlärda: {0}</source>
        <translation>Could not save what was learned: {0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="508"/>
        <source>Autospara misslyckades: {0}</source>
        <translation>Autosave failed: {0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="520"/>
        <source>aldrig sparat</source>
        <translation>never saved</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="524"/>
        <source>Återställ osparat arbete</source>
        <translation>Restore unsaved work</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="525"/>
        <source>Det finns osparat arbete i ”{0}” från {1} ({2}). Återställa det?</source>
        <translation>There is unsaved work in “{0}” from {1} ({2}). Restore it?</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="541"/>
        <location filename="../../compare_app/ui/main_window.py" line="558"/>
        <source>Lägg till kursplanekälla</source>
        <translation>Add curriculum source</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="560"/>
        <source>Läser {0}…</source>
        <translation>Reading {0}…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="563"/>
        <location filename="../../compare_app/ui/main_window.py" line="590"/>
        <source>Importera granskning</source>
        <translation>Import review</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="563"/>
        <location filename="../../compare_app/ui/main_window.py" line="594"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="594"/>
        <source>Word (*.docx)</source>
        <translation>Word (*.docx)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="594"/>
        <source>CASE JSON (*.json)</source>
        <translation>CASE JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="597"/>
        <source>Exportera</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="621"/>
        <source>Exporterar {0}…</source>
        <translation>Exporting {0}…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="622"/>
        <source>Exporterat till {0}</source>
        <translation>Exported to {0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="647"/>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="649"/>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="649"/>
        <source>Det nya språket används nästa gång programmet startar.</source>
        <translation>The new language is used the next time the program starts.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="653"/>
        <source>Alla krav som visas är granskade.</source>
        <translation>Every requirement shown has been reviewed.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="680"/>
        <source>compare_app {0}
Jämför en branschs kompetensstandard med kursernas centrala innehåll.</source>
        <translation>compare_app {0}
Compares a branch competence standard with the central content of courses.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="144"/>
        <source>Regional översikt (flera standarder)…</source>
        <translation>Regional overview (several standards)…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="145"/>
        <source>Jämför flera standarder eller projekt med samma kurser</source>
        <translation>Compare several standards or projects with the same courses</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="95"/>
        <source>Nytt projekt</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="102"/>
        <source>Projektets namn</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="104"/>
        <source>Kompetensstandardens fil</source>
        <translation>Competence standard file</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="105"/>
        <source>Excel-, CSV-, Word- eller CASE-fil</source>
        <translation>Excel, CSV, Word or CASE file</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="106"/>
        <location filename="../../compare_app/ui/dialogs.py" line="150"/>
        <source>Välj…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="113"/>
        <source>Kursplanekällor</source>
        <translation>Curriculum sources</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="115"/>
        <source>Lägg till fil…</source>
        <translation>Add file…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="117"/>
        <source>Lägg till mapp…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="119"/>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="132"/>
        <source>Yrkesutgång:</source>
        <translation>Vocational outcome:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="133"/>
        <source>Kurslista från fil:</source>
        <translation>Course list from file:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="134"/>
        <source>Alla kurser i källan:</source>
        <translation>All courses in the source:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="135"/>
        <source>Hela katalogen</source>
        <translation>The whole catalog</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="142"/>
        <source>Yrkesutgång</source>
        <translation>Vocational outcome</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="143"/>
        <source>Yrkesutgångarna i de valda kursplanekällorna; skriv för att söka</source>
        <translation>The vocational outcomes in the chosen curriculum sources; type to search</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="149"/>
        <source>Kurslista</source>
        <translation>Course list</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="153"/>
        <source>Källa vars kurser används</source>
        <translation>Source whose courses are used</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="154"/>
        <source>Paket (vilka kurser som jämförs)</source>
        <translation>Package (which courses are compared)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="167"/>
        <source>Namn:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="168"/>
        <source>Kompetensstandard:</source>
        <translation>Competence standard:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="169"/>
        <source>Kursplaner:</source>
        <translation>Syllabuses:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="172"/>
        <source>Skapa och matcha</source>
        <translation>Create and match</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="182"/>
        <source>Välj kompetensstandard</source>
        <translation>Choose competence standard</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="197"/>
        <source>Välj kurslista</source>
        <translation>Choose course list</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="203"/>
        <source>Välj kursplaner</source>
        <translation>Choose syllabuses</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="208"/>
        <source>Välj mapp med Skolverkets XML-filer</source>
        <translation>Choose a folder with Skolverket XML files</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="250"/>
        <source>Kunde inte läsa kursplanerna</source>
        <translation>Could not read the syllabuses</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="297"/>
        <source>Välj en kompetensstandard.</source>
        <translation>Choose a competence standard.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="299"/>
        <source>Lägg till minst en kursplanekälla.</source>
        <translation>Add at least one curriculum source.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="301"/>
        <source>Välj paket: en yrkesutgång, en kurslista eller en källa.</source>
        <translation>Choose a package: a vocational outcome, a course list or a source.</translation>
    </message>
</context>
<context>
    <name>OverviewDialog</name>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="84"/>
        <source>Regional översikt: flera standarder</source>
        <translation>Regional overview: several standards</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="93"/>
        <source>Standarder och projekt</source>
        <translation>Standards and projects</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="95"/>
        <source>Lägg till standarder eller projekt…</source>
        <translation>Add standards or projects…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="97"/>
        <source>Ta bort markerade</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="100"/>
        <source>Kursplanekälla</source>
        <translation>Curriculum source</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="101"/>
        <source>Skolverkets arkiv, mapp eller fil; tomt: det första projektets</source>
        <translation>Skolverket's archive, folder or file; empty: the first project's</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="102"/>
        <source>Välj fil…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="104"/>
        <source>Välj mapp…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="107"/>
        <source>Examensmål eller paket</source>
        <translation>Vocational outcome or package</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="108"/>
        <source>tomt: hela katalogen</source>
        <translation>empty: the whole catalog</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="110"/>
        <source>Arbetsbok att skriva</source>
        <translation>Workbook to write</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="111"/>
        <source>Spara som…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="115"/>
        <source>Standarder och projekt:</source>
        <translation>Standards and projects:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="117"/>
        <source>Kursplaner:</source>
        <translation>Curricula:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="118"/>
        <source>Examensmål/paket:</source>
        <translation>Outcome/package:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="119"/>
        <source>Excel-arbetsbok:</source>
        <translation>Excel workbook:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="121"/>
        <source>Skapa översikt</source>
        <translation>Create overview</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="124"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="127"/>
        <source>Öppna arbetsboken</source>
        <translation>Open the workbook</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="131"/>
        <source>Förlopp</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="159"/>
        <source>Välj standarder eller projekt</source>
        <translation>Choose standards or projects</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="160"/>
        <source>Standarder och projekt (*.xlsx *.csv *.tsv *.txt *.docx *.json *.cmpproj);;Alla filer (*)</source>
        <translation>Standards and projects (*.xlsx *.csv *.tsv *.txt *.docx *.json *.cmpproj);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="168"/>
        <source>Välj kursplanekälla</source>
        <translation>Choose curriculum source</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="169"/>
        <source>Kursplaner (*.tgz *.tar.gz *.zip *.tar *.xml *.json);;Alla filer (*)</source>
        <translation>Curricula (*.tgz *.tar.gz *.zip *.tar *.xml *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="174"/>
        <source>Välj mapp med kursplaner</source>
        <translation>Choose folder with syllabuses</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="179"/>
        <source>Spara översikten</source>
        <translation>Save the overview</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="179"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="187"/>
        <source>minst en standard eller ett projekt</source>
        <translation>at least one standard or project</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="188"/>
        <source>en kursplanekälla</source>
        <translation>a curriculum source</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="189"/>
        <source>en fil att skriva arbetsboken till</source>
        <translation>a file to write the workbook to</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="192"/>
        <source>Ange {0}.</source>
        <translation>Give {0}.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="208"/>
        <source>Avbrutet; ingen arbetsbok skrevs.</source>
        <translation>Cancelled; no workbook was written.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="213"/>
        <source>Läser in kursplanerna…</source>
        <translation>Reading the curricula…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="221"/>
        <source>Avbryter…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="233"/>
        <source>Skrev {0}: {1} standarder, {2} kurser som tjänar något krav.</source>
        <translation>Wrote {0}: {1} standards, {2} courses that serve some requirement.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="240"/>
        <source>Ett oväntat fel inträffade:
{0}</source>
        <translation>An unexpected error occurred:
{0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="243"/>
        <source>Översikten kunde inte skapas</source>
        <translation>The overview could not be created</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="257"/>
        <source>Regional översikt</source>
        <translation>Regional overview</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="271"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="271"/>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="271"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="272"/>
        <source>Krav</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="272"/>
        <source>Täckta</source>
        <translation>Covered</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="272"/>
        <source>Delvis</source>
        <translation>Partial</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="273"/>
        <source>Luckor</source>
        <translation>Gaps</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="273"/>
        <source>Täckningsgrad</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="273"/>
        <source>Beslutade</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="274"/>
        <source>Kurs</source>
        <translation>Course</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="274"/>
        <source>Poäng</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="274"/>
        <source>Standarder</source>
        <translation>Standards</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="275"/>
        <source>Täckta krav</source>
        <translation>Requirements covered</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="276"/>
        <source>Delvis täckta krav</source>
        <translation>Requirements partly covered</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="277"/>
        <source>Täckning (krav)</source>
        <translation>Coverage (requirements)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="277"/>
        <source>Poäng per täckt krav</source>
        <translation>Points per requirement covered</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="278"/>
        <source>Tjänar standarderna</source>
        <translation>Serves the standards</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="279"/>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="280"/>
        <source>Krav i enheten</source>
        <translation>Requirements in the unit</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="280"/>
        <source>Kursinnehåll</source>
        <translation>Course content</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="281"/>
        <source>Innehålls-id</source>
        <translation>Content id</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="281"/>
        <source>Kurser</source>
        <translation>Courses</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="281"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="282"/>
        <source>Krav-id</source>
        <translation>Requirement id</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="283"/>
        <source>Koppling</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="284"/>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="284"/>
        <source>Standarder i gruppen</source>
        <translation>Standards in the group</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="285"/>
        <source>Gemensamma ord</source>
        <translation>Shared words</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="286"/>
        <source>Kompetensområde</source>
        <translation>Competence area</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="288"/>
        <source>Kurskod</source>
        <translation>Course code</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="289"/>
        <source>Matris</source>
        <translation>Matrix</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/overview_dialog.py" line="290"/>
        <source>Gemensamma enheter</source>
        <translation>Shared units</translation>
    </message>
</context>
<context>
    <name>PlannerView</name>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="149"/>
        <source>Budget</source>
        <extracomment>emitted when a plan arrives (after the worker finished) or failed</extracomment>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="154"/>
        <source> poäng</source>
        <translation> points</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="158"/>
        <location filename="../../compare_app/ui/planner_view.py" line="160"/>
        <source>kurskoder, kommaseparerade</source>
        <translation>course codes, comma separated</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="162"/>
        <source>Räkna delvis matchat innehåll som täckning</source>
        <translation>Count partially matched content as coverage</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="163"/>
        <source>Planera</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="173"/>
        <source>Poäng:</source>
        <translation>Points:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="174"/>
        <source>Måste ingå:</source>
        <translation>Must include:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="175"/>
        <source>Uteslut:</source>
        <translation>Exclude:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="176"/>
        <source>Jämför med:</source>
        <translation>Compare with:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="187"/>
        <source>Med</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="187"/>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="187"/>
        <source>Kurs</source>
        <translation>Course</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="187"/>
        <source>Poäng</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="187"/>
        <source>Täcker</source>
        <translation>Covers</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="193"/>
        <source>Lägg till kurs: skriv kod eller namn</source>
        <translation>Add course: type code or name</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="195"/>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="197"/>
        <source>Återställ till planen</source>
        <translation>Reset to the plan</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="199"/>
        <source>Utgå från jämförelsepaketet</source>
        <translation>Start from the comparison package</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="213"/>
        <source>Paketet</source>
        <translation>The package</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="221"/>
        <source>Krav</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="221"/>
        <source>Täcks av</source>
        <translation>Covered by</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="221"/>
        <source>Väsentligt</source>
        <translation>Essential</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="227"/>
        <source>Jämförelsen med paketet under Jämför med visas när du har planerat.</source>
        <translation>The comparison with the package chosen under Compare with appears once you have planned.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="250"/>
        <source>(inget)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="257"/>
        <source>Inget projekt är öppet.</source>
        <translation>No project is open.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="303"/>
        <source>Matchar standarden mot hela katalogen och löser planen …</source>
        <translation>Matching the standard against the whole catalog and solving the plan …</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="304"/>
        <source>Löser planen …</source>
        <translation>Solving the plan …</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="314"/>
        <source>Matchar krav %1 av %2 …</source>
        <translation>Matching requirement %1 of %2 …</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="330"/>
        <source>Avbrutet.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="332"/>
        <source>Fel: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="334"/>
        <source>Planen kunde inte beräknas: %1</source>
        <translation>The plan could not be computed: %1</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="338"/>
        <source>Plan: %1 kurser, %2 poäng, täcker %3 av %4 krav.</source>
        <translation>Plan: %1 courses, %2 points, covers %3 of %4 requirements.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="342"/>
        <source>Exakt lösning (HiGHS), bevisat optimal.</source>
        <translation>Exact solution (HiGHS), proven optimal.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="344"/>
        <source>Exakt lösare stoppad av tidsgränsen: högst %1 % från optimum.</source>
        <translation>Exact solver stopped by the time limit: at most %1 % from optimum.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="347"/>
        <source>Girig metod (exakt lösare ej tillgänglig): högst %1 % från optimum.</source>
        <translation>Greedy method (exact solver not available): at most %1 % from optimum.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="349"/>
        <source>Girig metod: %1 poäng.</source>
        <translation>Greedy method: %1 points.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="371"/>
        <source>Okänd kurskod: %1</source>
        <translation>Unknown course code: %1</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="416"/>
        <source>inget krav</source>
        <translation>no requirement</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="451"/>
        <source>Tryck Planera för att föreslå kurser ur hela katalogen.</source>
        <translation>Press Plan to propose courses from the whole catalog.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="457"/>
        <source>Paketet: %1 kurser, %2 poäng, täcker %3 av %4 krav.</source>
        <translation>The package: %1 courses, %2 points, covers %3 of %4 requirements.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="480"/>
        <source>(utan område)</source>
        <translation>(no area)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="495"/>
        <source>ingen kurs i paketet</source>
        <translation>no course in the package</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="496"/>
        <source>ingen kurs i katalogen</source>
        <translation>no course in the catalog</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="506"/>
        <source>Jämfört med %1 (%2 kurser, %3 poäng, täcker %4 krav):</source>
        <translation>Compared with %1 (%2 courses, %3 points, covers %4 requirements):</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="509"/>
        <source>Planen täcker, paketet inte: %1</source>
        <translation>Covered by the plan, not the package: %1</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="511"/>
        <source>Paketet täcker, planen inte: %1</source>
        <translation>Covered by the package, not the plan: %1</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="513"/>
        <source>Kurser i paketet som inte täcker något krav (%1 poäng): %2</source>
        <translation>Courses in the package that cover no requirement (%1 points): %2</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="516"/>
        <source>Finns inte i katalogen: %1</source>
        <translation>Not in the catalog: %1</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="542"/>
        <source>Markera som väsentligt</source>
        <translation>Mark as essential</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="542"/>
        <source>Ta bort väsentligt</source>
        <translation>Remove essential</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="358"/>
        <source>%1 räknas som täckta i granskningen men inte här: där täcker flera innehåll kravet tillsammans, och ingen kurs ensam.</source>
        <translation>%1 count as covered in the review but not here: several content items cover each of them together, no single course does.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="166"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/planner_view.py" line="167"/>
        <source>Avbryt matchningen mot katalogen (första gången byggs även sökindexet)</source>
        <translation>Cancel matching against the catalog (the first time this also builds the search index)</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="42"/>
        <source>Förlopp</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="43"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/main_window.py" line="44"/>
        <source>Avbryt det pågående arbetet (Esc)</source>
        <translation>Cancel the running work (Esc)</translation>
    </message>
</context>
<context>
    <name>ProjectController</name>
    <message>
        <location filename="../../compare_app/ui/controller.py" line="119"/>
        <source>Godkänn länk</source>
        <extracomment>a different project was opened, created or closed something in the project changed (an edit, undo/redo, a new alignment) the requirement the user is looking at (its id) the project now has (True) or no longer has (False) unsaved changes a project opened read-only takes no review edits (the window disables them too)</extracomment>
        <translation>Accept link</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/controller.py" line="122"/>
        <source>Avvisa länk</source>
        <translation>Reject link</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/controller.py" line="125"/>
        <source>Länka för hand</source>
        <translation>Link by hand</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/controller.py" line="128"/>
        <source>Ta bort länk</source>
        <translation>Remove link</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/controller.py" line="131"/>
        <source>Ändra status</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/controller.py" line="134"/>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/controller.py"/>
        <source>Formellt krav</source>
        <translation>Formal requirement</translation>
    </message>
</context>
<context>
    <name>ProposalPanel</name>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="73"/>
        <source>Kravets text</source>
        <translation>Requirement text</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="77"/>
        <source>Poäng</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="77"/>
        <source>Läge</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="77"/>
        <source>Kurs</source>
        <translation>Course</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="77"/>
        <source>Innehåll</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="86"/>
        <source>Föreslagna länkar</source>
        <translation>Proposed links</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="87"/>
        <source>Förslag, bäst först. {0} godkänner, {1} avvisar, Delete tar bort beslutet.</source>
        <translation>Proposals, best first. {0} accepts, {1} rejects, Delete removes the decision.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="91"/>
        <source>Kursinnehållets text</source>
        <translation>Course content text</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="94"/>
        <source>&amp;Godkänn</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="95"/>
        <source>Godkänn markerad länk ({0})</source>
        <translation>Accept the selected link ({0})</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="96"/>
        <source>&amp;Avvisa</source>
        <translation>&amp;Reject</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="97"/>
        <source>Avvisa markerad länk ({0})</source>
        <translation>Reject the selected link ({0})</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="98"/>
        <source>Ta bort beslut</source>
        <translation>Remove decision</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="99"/>
        <source>Glöm beslutet om markerad länk; en manuell länk tas bort (Delete)</source>
        <translation>Forget the decision on the selected link; a manual link is removed (Delete)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="103"/>
        <source>Status för kravet</source>
        <translation>Status of the requirement</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="104"/>
        <source>Sätt status för hand (1 täckt, 2 delvis, 3 lucka, 0 automatisk)</source>
        <translation>Set the status by hand (1 covered, 2 partial, 3 gap, 0 automatic)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="113"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="117"/>
        <source>Sök i hela kursutbudet och länka… (Ctrl+K)</source>
        <translation>Search all courses and link… (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="118"/>
        <source>Sök kursinnehåll att länka</source>
        <translation>Search course content to link</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="128"/>
        <source>Länka</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="129"/>
        <source>Länka innehållet i sökrutan till kravet</source>
        <translation>Link the content in the search box to the requirement</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="136"/>
        <source>Anteckning om kravet (sparas när du lämnar kravet eller trycker Spara anteckning)</source>
        <translation>Note on the requirement (saved when you leave the requirement or press Save note)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="137"/>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="139"/>
        <source>Spara anteckning</source>
        <translation>Save note</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="140"/>
        <source>Spara anteckningen (Ctrl+Retur)</source>
        <translation>Save the note (Ctrl+Return)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="182"/>
        <source>Välj ett krav i listan till vänster.</source>
        <translation>Choose a requirement in the list on the left.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="210"/>
        <location filename="../../compare_app/ui/review_view.py" line="269"/>
        <source>Samma text finns även i: {0}</source>
        <translation>The same text is also in: {0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="238"/>
        <source>granskad av {0} {1}</source>
        <translation>reviewed by {0} {1}</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="240"/>
        <source>granskad {0}</source>
        <translation>reviewed {0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="241"/>
        <source>granskad</source>
        <translation>reviewed</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="233"/>
        <source>ej granskad</source>
        <translation>not reviewed</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="208"/>
        <location filename="../../compare_app/ui/review_view.py" line="266"/>
        <source>Skäl: {0}</source>
        <translation>Reason: {0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="223"/>
        <source>&lt;i&gt;Inga förslag. Länka för hand via sökrutan eller genom att dra från kursträdet.&lt;/i&gt;</source>
        <translation>&lt;i&gt;No proposals. Link by hand with the search box or by dragging from the course tree.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py"/>
        <source>Formellt krav</source>
        <translation>Formal requirement</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py"/>
        <source>Ett formellt krav (betyg, poäng, tid i yrket, behörighet, prov) redovisas för sig och räknas inte i täckningen</source>
        <translation>A formal requirement (grade, points, time in the trade, licence, exam) is reported apart and not counted in the coverage</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py"/>
        <source>, {0} poäng</source>
        <translation>, {0} points</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py"/>
        <source>Kravet anger kursen; hela kursen är länkad. Kursens centrala innehåll ({0} punkter) visas under den som detaljer.</source>
        <translation>The requirement names the course; the whole course is linked. Its central content ({0} items) is listed below it as detail.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="191"/>
        <source>nivå</source>
        <translation>level</translation>
    </message>
</context>
<context>
    <name>ReviewImportDialog</name>
    <message>
        <location filename="../../compare_app/ui/review_import_dialog.py" line="40"/>
        <source>Läs in granskning</source>
        <extracomment>filled by accept(): (requirement id, previous review) pairs, for undo</extracomment>
        <translation>Read review</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_import_dialog.py" line="47"/>
        <source>Verkställ ändringarna</source>
        <translation>Apply the changes</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_import_dialog.py" line="49"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_import_dialog.py" line="56"/>
        <source>(granskaren har inte skrivit sitt namn)</source>
        <translation>(the reviewer did not write a name)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_import_dialog.py" line="58"/>
        <source>Filen {0} innehåller inga ändringar.</source>
        <translation>The file {0} contains no changes.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_import_dialog.py" line="59"/>
        <source>{0} ändringar i {1}, granskade av {2}. Ändringarna sparas som beslut av granskaren.</source>
        <translation>{0} changes in {1}, reviewed by {2}. The changes are saved as decisions by the reviewer.</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="353"/>
        <source>Sök bland kraven… (Ctrl+F)</source>
        <translation>Search requirements… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="354"/>
        <source>Sök bland kraven</source>
        <translation>Search requirements</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="357"/>
        <source>Alla statusar</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="360"/>
        <source>Filtrera på status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="362"/>
        <source>Filtrera på område</source>
        <translation>Filter by area</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="364"/>
        <source>Granskade och ogranskade</source>
        <translation>Reviewed and unreviewed</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="365"/>
        <source>Bara ogranskade</source>
        <translation>Only unreviewed</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="366"/>
        <source>Bara granskade</source>
        <translation>Only reviewed</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="367"/>
        <source>Filtrera på granskning</source>
        <translation>Filter by review</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="369"/>
        <source>Filtrera på kurs</source>
        <translation>Filter by course</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="370"/>
        <source>Visa krav som är länkade till en kurs, och bara den kursen i kursträdet</source>
        <translation>Show requirements linked to a course, and only that course in the course tree</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="405"/>
        <source>Sök i kursinnehållet…</source>
        <translation>Search course content…</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="406"/>
        <source>Sök i kursinnehållet</source>
        <translation>Search course content</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="409"/>
        <source>Visa alla kurser</source>
        <translation>Show all courses</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="410"/>
        <source>Visa hela kursutbudet, inte bara kurserna i urvalet (jämförs hela katalogen: kurserna med förslag)</source>
        <translation>Show the whole course catalogue, not only the courses in the selection (for a whole-catalogue comparison: the courses with proposals)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="487"/>
        <source>Alla områden</source>
        <translation>All areas</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="488"/>
        <source>Alla kurser</source>
        <translation>All courses</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/review_view.py" line="491"/>
        <source>(utan område)</source>
        <translation>(no area)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="45"/>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="50"/>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="52"/>
        <source>Granskarens namn</source>
        <translation>Reviewer name</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="53"/>
        <source>Skrivs in i varje beslut och i rapporterna</source>
        <translation>Written into every decision and the reports</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="60"/>
        <source>Timmar per gymnasiepoäng</source>
        <translation>Hours per upper-secondary point</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="61"/>
        <source>Omräkning från gymnasiepoäng till timmar för enheternas omfattning</source>
        <translation>Conversion from upper-secondary points to hours for the size of units</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="66"/>
        <source>Förslag per krav</source>
        <translation>Proposals per requirement</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="67"/>
        <source>Lär av mina tidigare sparade projekt</source>
        <translation>Learn from my earlier saved projects</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="71"/>
        <source>Ordpar som dina godkända kopplingar i andra projekt har lärt verktyget hjälper förslagen (motiveringen säger då ”dina tidigare projekt”). Endast ordstammar sparas, ingen text.</source>
        <translation>Word pairs that your accepted links in other projects taught the tool help the proposals (the reason then says “your earlier projects”). Only word stems are stored, no text.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="74"/>
        <source>Språk (gäller efter omstart):</source>
        <translation>Language (after restart):</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="75"/>
        <source>Granskarens namn:</source>
        <translation>Reviewer name:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="76"/>
        <source>Timmar per poäng:</source>
        <translation>Hours per point:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/dialogs.py" line="77"/>
        <source>Förslag per krav:</source>
        <translation>Proposals per requirement:</translation>
    </message>
</context>
<context>
    <name>StandardImportDialog</name>
    <message>
        <location filename="../../compare_app/ui/import_dialog.py" line="29"/>
        <source>Importera kompetensstandard — {0}</source>
        <translation>Import competence standard — {0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/import_dialog.py" line="34"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/import_dialog.py" line="35"/>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/import_dialog.py" line="36"/>
        <source>Typ (kunskap/färdighet/kompetens)</source>
        <translation>Kind (knowledge/skill/competence)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/import_dialog.py" line="37"/>
        <source>Kravtext</source>
        <translation>Requirement text</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/import_dialog.py" line="38"/>
        <source>Nivå (SeQF)</source>
        <translation>Level (SeQF)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/import_dialog.py" line="45"/>
        <source>Vilken kolumn som innehåller {0}</source>
        <translation>Which column holds {0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/import_dialog.py" line="51"/>
        <source>Förhandsvisning av raderna</source>
        <translation>Preview of the rows</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/import_dialog.py" line="53"/>
        <source>Importera</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/import_dialog.py" line="78"/>
        <source>blad {0}, </source>
        <translation>sheet {0}, </translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/import_dialog.py" line="79"/>
        <source>Rubrikraden hittades på {0}rad {1}. Ändra kolumnerna nedan om gissningen är fel.</source>
        <translation>The header row was found at {0}row {1}. Change the columns below if the guess is wrong.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/import_dialog.py" line="85"/>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/import_dialog.py"/>
        <source>Kolumnerna {0} delar in kraven under området (t.ex. Område › Moment).</source>
        <translation>The columns {0} group the requirements below their area (e.g. Area › Topic).</translation>
    </message>
</context>
<context>
    <name>StandardTree</name>
    <message>
        <location filename="../../compare_app/ui/trees.py" line="32"/>
        <source>Krav</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/trees.py" line="32"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/trees.py" line="32"/>
        <source>Poäng</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/trees.py" line="42"/>
        <source>Kompetensstandardens krav</source>
        <translation>Requirements of the competence standard</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/trees.py" line="43"/>
        <source>Krav grupperade per område. Dra kursinnehåll hit för att länka för hand.</source>
        <translation>Requirements grouped by area. Drag course content here to link by hand.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/trees.py" line="57"/>
        <source>(utan område)</source>
        <translation>(no area)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/trees.py" line="82"/>
        <source>Granskad</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/trees.py" line="82"/>
        <source>Inte granskad</source>
        <translation>Not reviewed</translation>
    </message>
</context>
<context>
    <name>SummaryTable</name>
    <message>
        <location filename="../../compare_app/ui/summary.py" line="22"/>
        <source>Täckning totalt</source>
        <translation>Total coverage</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/summary.py" line="25"/>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/summary.py" line="25"/>
        <source>Täckt</source>
        <translation>Covered</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/summary.py" line="25"/>
        <source>Delvis</source>
        <translation>Partial</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/summary.py" line="25"/>
        <source>Lucka</source>
        <translation>Gap</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/summary.py" line="25"/>
        <source>Täckning</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/summary.py" line="34"/>
        <source>Täckning per område</source>
        <translation>Coverage per area</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/summary.py" line="53"/>
        <source>(utan område)</source>
        <translation>(no area)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/summary.py" line="55"/>
        <source>Totalt</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/summary.py" line="81"/>
        <source>&lt;b&gt;Täckning {0}&lt;/b&gt; — täckt {1}, delvis {2}, luckor {3} av {4} krav; granskade {5}</source>
        <translation>&lt;b&gt;Coverage {0}&lt;/b&gt; — covered {1}, partial {2}, gap {3} of {4} requirements; reviewed {5}</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/summary.py"/>
        <source>Formella</source>
        <translation>Formal</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/summary.py"/>
        <source>Formella krav (betyg, behörighet, tid i yrket): räknas inte i täckningen</source>
        <translation>Formal requirements (grades, licences, time in the trade): not counted in the coverage</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/summary.py"/>
        <source>; formella krav {0} (utanför täckningen)</source>
        <translation>; formal requirements {0} (outside the coverage)</translation>
    </message>
</context>
<context>
    <name>UnitsView</name>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="142"/>
        <source>per kompetensområde</source>
        <extracomment>unit fields edited in the detail panel: (field, label, multi-line)</extracomment>
        <translation>by competence area</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="143"/>
        <source>per kurs (kluster)</source>
        <translation>by course (cluster)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="144"/>
        <source>Metod för förslag</source>
        <translation>Proposal method</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="145"/>
        <location filename="../../compare_app/ui/units_view.py" line="574"/>
        <source>Föreslå enheter</source>
        <translation>Propose units</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="146"/>
        <source>Gruppera kraven i enheter på nytt; låsta enheter behålls</source>
        <translation>Group the requirements into units again; locked units are kept</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="147"/>
        <source>Dela ut valda krav</source>
        <translation>Split off selected requirements</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="148"/>
        <source>Flytta de markerade kraven till en ny enhet</source>
        <translation>Move the selected requirements to a new unit</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="149"/>
        <source>Slå ihop</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="150"/>
        <source>Slå ihop de markerade enheterna till den första</source>
        <translation>Merge the selected units into the first</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="151"/>
        <location filename="../../compare_app/ui/units_view.py" line="545"/>
        <source>Lås</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="152"/>
        <source>En låst enhet behålls när enheter föreslås på nytt</source>
        <translation>A locked unit is kept when units are proposed again</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="153"/>
        <location filename="../../compare_app/ui/units_view.py" line="632"/>
        <source>Ta bort enhet</source>
        <translation>Delete unit</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="157"/>
        <source>Enhet / krav</source>
        <translation>Unit / requirement</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="157"/>
        <source>Täckning</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="157"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="157"/>
        <source>Poäng</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="162"/>
        <source>Enheter</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="163"/>
        <source>Inga enheter ännu. Välj metod och klicka på Föreslå enheter.</source>
        <translation>No units yet. Choose a method and click Propose units.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="219"/>
        <source>Söker kurser i hela katalogen som kan täcka luckorna …</source>
        <translation>Searching the whole catalog for courses that can close the gaps …</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="223"/>
        <source>Kurs</source>
        <translation>Course</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="223"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="223"/>
        <source>Kursens poäng</source>
        <translation>Course points</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="223"/>
        <source>Punkter</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="223"/>
        <source>Tillskrivna poäng</source>
        <translation>Attributed points</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="230"/>
        <source>Kurser som enheten bygger på</source>
        <translation>Courses the unit builds on</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="250"/>
        <source>EU-element</source>
        <translation>EU element</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="250"/>
        <source>Värde</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="254"/>
        <source>EU:s element för mikromeriter</source>
        <translation>EU elements for micro-credentials</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="262"/>
        <source>EU:s rekommendation om mikromeriter (2022)</source>
        <translation>EU recommendation on micro-credentials (2022)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="331"/>
        <source>Krav utan enhet (%1)</source>
        <translation>Requirements without a unit (%1)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="332"/>
        <source>Dra kraven till en enhet, eller hit för att ta ut dem ur sin enhet</source>
        <translation>Drag requirements to a unit, or here to take them out of their unit</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="344"/>
        <source>(kravet finns inte längre i standarden)</source>
        <translation>(the requirement is no longer in the standard)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="365"/>
        <source>%1 täckta, %2 delvis, %3 luckor</source>
        <translation>%1 covered, %2 partial, %3 gaps</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="366"/>
        <source>låst</source>
        <translation>locked</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="378"/>
        <source>Kursinnehåll som räknas:</source>
        <translation>Course content counted:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="448"/>
        <source>%1 gymnasiepoäng, ca %2 timmar. %3 av %4 krav täckta.</source>
        <translation>%1 upper-secondary points, about %2 hours. %3 of %4 requirements covered.</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="468"/>
        <source>ingen nivå i standarden</source>
        <translation>no level in the standard</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="478"/>
        <source>%1 gymnasiepoäng, %2 timmar, ca %3 ECTS</source>
        <translation>%1 upper-secondary points, %2 hours, about %3 ECTS</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="489"/>
        <source>Flytta till enhet</source>
        <translation>Move to unit</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="493"/>
        <source>Ny enhet av markerade krav</source>
        <translation>New unit from selected requirements</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="495"/>
        <source>Ta ut ur enheten</source>
        <translation>Take out of the unit</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="498"/>
        <location filename="../../compare_app/ui/units_view.py" line="600"/>
        <source>Slå ihop enheter</source>
        <translation>Merge units</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="545"/>
        <source>Lås upp</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="577"/>
        <source>Byt namn på enhet</source>
        <translation>Rename unit</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="580"/>
        <source>Ändra enhet</source>
        <translation>Change unit</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="587"/>
        <location filename="../../compare_app/ui/units_view.py" line="592"/>
        <source>Dela enhet</source>
        <translation>Split unit</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="587"/>
        <source>Namn på den nya enheten:</source>
        <translation>Name of the new unit:</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="615"/>
        <source>Flytta krav</source>
        <translation>Move requirements</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="618"/>
        <source>Ny enhet</source>
        <translation>New unit</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="621"/>
        <source>Ta ut krav ur enhet</source>
        <translation>Take requirements out of unit</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="626"/>
        <source>Lås upp enhet</source>
        <translation>Unlock unit</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py" line="626"/>
        <source>Lås enhet</source>
        <translation>Lock unit</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py"/>
        <source>Poängen är varje kurs poäng gånger den andel av kursens punkter som enheten använder (kolumnen Punkter, som i rapporterna); timmarna är poängen gånger timmar per poäng i Inställningar.</source>
        <translation>The points are each course's points times the share of the course's content items the unit uses (column Items, as in the reports); the hours are the points times hours per point in Settings.</translation>
    </message>
</context>
<context>
    <name>bridge</name>
    <message>
        <location filename="../../compare_app/ui/style.py"/>
        <source>liknande betydelse</source>
        <translation>similar meaning</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="44"/>
        <source>grundform</source>
        <translation>base form</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="45"/>
        <source>sammansättning</source>
        <translation>compound</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="46"/>
        <source>förkortning</source>
        <translation>abbreviation</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="47"/>
        <source>synonym</source>
        <translation>synonym</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="48"/>
        <source>över- eller underbegrepp</source>
        <translation>broader or narrower term</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="49"/>
        <source>förekommer ihop i kursplanerna</source>
        <translation>used together in the syllabi</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="50"/>
        <source>liknande stavning</source>
        <translation>similar spelling</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="51"/>
        <source>dina beslut i projektet</source>
        <translation>your decisions in this project</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="52"/>
        <source>dina tidigare projekt</source>
        <translation>your earlier projects</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="53"/>
        <source>kursens namn eller rubrik</source>
        <translation>course name or heading</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="54"/>
        <source>ämne som passar standardens övriga krav</source>
        <translation>subject that fits the standard's other requirements</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py"/>
        <source>kursen anges i kravet</source>
        <translation>the requirement names the course</translation>
    </message>
</context>
<context>
    <name>units</name>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Deltagarens identitet</source>
        <translation>Identification of the learner</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Land/region för utfärdaren</source>
        <translation>Country/region of the issuer</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Utfärdande organisation</source>
        <translation>Awarding body</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Utfärdandedatum</source>
        <translation>Date of issuing</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Läranderesultat</source>
        <translation>Learning outcomes</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Beräknad arbetsbelastning</source>
        <translation>Notional workload</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Nivå (SeQF/EQF)</source>
        <translation>Level (SeQF/EQF)</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Typ av bedömning</source>
        <translation>Type of assessment</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Deltagandeform</source>
        <translation>Form of participation</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Kvalitetssäkring</source>
        <translation>Quality assurance</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Fylls i av utfärdaren</source>
        <translation>Filled in by the issuer</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Helt täckt enligt bedömarens beslut</source>
        <translation>Fully covered by the assessor's decision</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Helt täckt av {0}</source>
        <translation>Fully covered by {0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Täckt utom {0}</source>
        <translation>Covered except {0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Inget krav helt täckt: {0}</source>
        <translation>No requirement fully covered: {0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>{0}; kan kompletteras med {1}</source>
        <translation>{0}; can be completed with {1}</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Bara formella krav, som redovisas för sig</source>
        <translation>Only formal requirements, reported apart</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Inga krav i enheten</source>
        <translation>No requirements in the unit</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Inte täckt: kräver kompletterande utbildning, t.ex. {0}</source>
        <translation>Not covered: needs further training, e.g. {0}</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>Inte täckt: kräver kompletterande utbildning</source>
        <translation>Not covered: needs further training</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>{0} (delvis)</source>
        <translation>{0} (partly)</translation>
    </message>
    <message>
        <location filename="../../compare_app/units/compute.py"/>
        <source>{0} och {1}</source>
        <translation>{0} and {1}</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py"/>
        <source>Bedömningsform</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py"/>
        <source>Förkunskaper</source>
        <translation>Prerequisites</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py"/>
        <source>Utfärdare</source>
        <translation>Awarding body</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/units_view.py"/>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>shortcut</name>
    <message>
        <location filename="../../compare_app/ui/style.py" line="40"/>
        <source>G</source>
        <comment>key that accepts a link (Godkänn)</comment>
        <translation>A</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="41"/>
        <source>A</source>
        <comment>key that rejects a link (Avvisa)</comment>
        <translation>R</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <location filename="../../compare_app/ui/workers.py"/>
        <source>språkmodellen läser nya texter</source>
        <translation>the language model reads new texts</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/workers.py" line="22"/>
        <source>läser kursplaner</source>
        <translation>reading syllabuses</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/workers.py" line="23"/>
        <source>bygger sökindex (bara första gången)</source>
        <translation>building the search index (first time only)</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/workers.py" line="24"/>
        <source>jämför krav</source>
        <translation>comparing requirements</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../compare_app/ui/style.py" line="23"/>
        <source>Täckt</source>
        <extracomment>(background, strong) colour per status; the status is always also written out in words</extracomment>
        <translation>Covered</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="24"/>
        <source>Delvis</source>
        <translation>Partial</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="25"/>
        <source>Lucka</source>
        <translation>Gap</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="26"/>
        <source>Automatisk</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="33"/>
        <source>Förslag</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="34"/>
        <source>Godkänd</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="35"/>
        <source>Manuell</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py" line="36"/>
        <source>Avvisad</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../compare_app/ui/style.py"/>
        <source>Formellt krav</source>
        <translation>Formal requirement</translation>
    </message>
</context>
</TS>
