<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>About</name>
    <message>
        <source>Customer-journey mapping with event-log analysis.</source>
        <translation>Mappatura del customer journey con analisi dei log di eventi.</translation>
    </message>
    <message>
        <source>Errors in background work are written to the log file</source>
        <translation>Gli errori delle attività in background vengono scritti nel file di log</translation>
    </message>
    <message>
        <source>Please attach it to a bug report.</source>
        <translation>Allegatelo a una segnalazione di errore.</translation>
    </message>
    <message>
        <source>About cxmapper</source>
        <translation>Informazioni su cxmapper</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>Clear</source>
        <translation>Cancella</translation>
    </message>
    <message>
        <source>Tabs</source>
        <translation>Schede</translation>
    </message>
    <message>
        <source>Journey map</source>
        <translation>Mappa del percorso</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Elenco</translation>
    </message>
    <message>
        <source>The journey map: cards in stages and lanes</source>
        <translation>La mappa del percorso: schede in fasi e corsie</translation>
    </message>
</context>
<context>
    <name>ActionRating</name>
    <message>
        <source>Re-rate action {title}</source>
        <translation>Rivaluta l&apos;azione {title}</translation>
    </message>
</context>
<context>
    <name>ActionVerdict</name>
    <message>
        <source>{value} s</source>
        <translation>{value} s</translation>
    </message>
    <message>
        <source>{sign}{value} points</source>
        <translation>{sign}{value} punti</translation>
    </message>
    <message>
        <source>Verdict: {verdict} (done on {date})</source>
        <translation>Esito: {verdict} (fatta il {date})</translation>
    </message>
    <message>
        <source>Before: {b0} to {b1}; after: {a0} to {a1} (end excluded)</source>
        <translation>Prima: dal {b0} al {b1}; dopo: dal {a0} al {a1} (fine esclusa)</translation>
    </message>
    <message>
        <source>Too few cases or responses in a window to test a measure.</source>
        <translation>Troppo pochi casi o risposte in un periodo per verificare una misura.</translation>
    </message>
    <message>
        <source>{measure}: {before} → {after}, effect {effect}, p {p} (n = {n_before} before, {n_after} after)</source>
        <translation>{measure}: {before} → {after}, effetto {effect}, p {p} (n = {n_before} prima, {n_after} dopo)</translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>Import events…</source>
        <translation>Importa eventi…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>Remove the selected dataset (undoable)</source>
        <translation>Rimuovi il dataset selezionato (annullabile)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Confronta con</translation>
    </message>
    <message>
        <source>By stage</source>
        <translation>Per fase</translation>
    </message>
    <message>
        <source>Selected cards</source>
        <translation>Schede selezionate</translation>
    </message>
    <message>
        <source>One funnel step per stage, or per card selected on the map</source>
        <translation>Un passo del funnel per fase, o per scheda selezionata sulla mappa</translation>
    </message>
    <message>
        <source>no window</source>
        <translation>nessuna finestra</translation>
    </message>
    <message>
        <source> days</source>
        <translation> giorni</translation>
    </message>
    <message>
        <source>Conversion window from the first funnel step</source>
        <translation>Finestra di conversione dal primo passo del funnel</translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation>Analizza</translation>
    </message>
    <message>
        <source>Measure the journey with this dataset (Ctrl+R)</source>
        <translation>Misura il percorso con questo dataset (Ctrl+R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Import an event log to see where customers drop off, loop and wait.</source>
        <translation>Importate un log di eventi per vedere dove i clienti abbandonano, tornano indietro e attendono.</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Sovrapposizione</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>Funnel</translation>
    </message>
    <message>
        <source>The journey changed since the analysis: press Analyse to update.</source>
        <translation>Il percorso è cambiato dopo l&apos;analisi: premete Analizza per aggiornare.</translation>
    </message>
    <message>
        <source>{name} ({n_events} events, {n_cases} cases)</source>
        <translation>{name} ({n_events} eventi, {n_cases} casi)</translation>
    </message>
    <message>
        <source>Imported {n_events} events of {n_cases} cases.</source>
        <translation>Importati {n_events} eventi di {n_cases} casi.</translation>
    </message>
    <message>
        <source>Analysis cancelled.</source>
        <translation>Analisi annullata.</translation>
    </message>
    <message>
        <source>Analysis failed: {message}</source>
        <translation>Analisi non riuscita: {message}</translation>
    </message>
    <message>
        <source>{cases} cases, {events} events (of {total} cases in the dataset); {reached} touchpoints reached, {unmatched} event names unmatched.</source>
        <translation>{cases} casi, {events} eventi (su {total} casi nel dataset); {reached} punti di contatto raggiunti, {unmatched} nomi di eventi senza corrispondenza.</translation>
    </message>
    <message>
        <source>No suggestion to apply: pick rows that have a suggested touchpoint.</source>
        <translation>Nessun suggerimento da applicare: scegliete righe con un punto di contatto suggerito.</translation>
    </message>
    <message>
        <source>Map {value} event names to touchpoints</source>
        <translation>Associa {value} nomi di eventi ai punti di contatto</translation>
    </message>
    <message>
        <source>Create touchpoints</source>
        <translation>Crea punti di contatto</translation>
    </message>
    <message>
        <source>Add at least one stage and one lane first.</source>
        <translation>Aggiungete prima almeno una fase e una corsia.</translation>
    </message>
    <message>
        <source>Every frequent event already has a touchpoint.</source>
        <translation>Ogni evento frequente ha già un punto di contatto.</translation>
    </message>
    <message>
        <source>Created {value} touchpoints in lane {name!r} from the top events.</source>
        <translation>Creati {value} punti di contatto nella corsia {name!r} dagli eventi principali.</translation>
    </message>
</context>
<context>
    <name>BackgroundJob</name>
    <message>
        <source>Starting</source>
        <translation>Avvio</translation>
    </message>
</context>
<context>
    <name>CanvasEditing</name>
    <message>
        <source>Change emotion</source>
        <translation>Cambia emozione</translation>
    </message>
    <message>
        <source>Rename card</source>
        <translation>Rinomina scheda</translation>
    </message>
    <message>
        <source>Rename stage</source>
        <translation>Rinomina fase</translation>
    </message>
    <message>
        <source>Rename lane</source>
        <translation>Rinomina corsia</translation>
    </message>
    <message>
        <source>Rename connector label</source>
        <translation>Rinomina etichetta del collegamento</translation>
    </message>
    <message>
        <source>Delete card</source>
        <translation>Elimina scheda</translation>
    </message>
    <message>
        <source>Delete connector</source>
        <translation>Elimina collegamento</translation>
    </message>
    <message>
        <source>Delete stage</source>
        <translation>Elimina fase</translation>
    </message>
    <message>
        <source>Delete lane</source>
        <translation>Elimina corsia</translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation>Elimina elemento</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>Aggiungi fase</translation>
    </message>
    <message>
        <source>Move stage</source>
        <translation>Sposta fase</translation>
    </message>
    <message>
        <source>Resize stage</source>
        <translation>Ridimensiona fase</translation>
    </message>
    <message>
        <source>Add lane</source>
        <translation>Aggiungi corsia</translation>
    </message>
    <message>
        <source>Move lane</source>
        <translation>Sposta corsia</translation>
    </message>
    <message>
        <source>Resize lane</source>
        <translation>Ridimensiona corsia</translation>
    </message>
    <message>
        <source>New card</source>
        <translation>Nuova scheda</translation>
    </message>
    <message>
        <source>Move card</source>
        <translation>Sposta scheda</translation>
    </message>
    <message>
        <source>Move {n} cards</source>
        <translation>Sposta {n} schede</translation>
    </message>
    <message>
        <source>Connect cards</source>
        <translation>Collega schede</translation>
    </message>
    <message>
        <source>Delete {n} items</source>
        <translation>Elimina {n} elementi</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Scheda</translation>
    </message>
    <message>
        <source>Paste card</source>
        <translation>Incolla scheda</translation>
    </message>
    <message>
        <source>Paste {n} cards</source>
        <translation>Incolla {n} schede</translation>
    </message>
    <message>
        <source>Duplicate card</source>
        <translation>Duplica scheda</translation>
    </message>
    <message>
        <source>Duplicate {n} cards</source>
        <translation>Duplica {n} schede</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>Nuova fase</translation>
    </message>
    <message>
        <source>New lane</source>
        <translation>Nuova corsia</translation>
    </message>
</context>
<context>
    <name>CanvasGrid</name>
    <message>
        <source>1 touchpoint</source>
        <translation>1 punto di contatto</translation>
    </message>
    <message>
        <source>{n} touchpoints</source>
        <translation>{n} punti di contatto</translation>
    </message>
</context>
<context>
    <name>CanvasItemsEmotionCurve</name>
    <message>
        <source>{value} (drag up or down to change)</source>
        <translation>{value} (trascina su o giù per cambiare)</translation>
    </message>
</context>
<context>
    <name>CanvasView</name>
    <message>
        <source>&amp;New Card</source>
        <translation>&amp;Nuova scheda</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Rinomina</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Elimina</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copia</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Incolla</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplica</translation>
    </message>
    <message>
        <source>&amp;Connect Tool</source>
        <translation>Strumento &amp;collega</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Seleziona &amp;tutto</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Ingrandisci</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Riduci</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Adatta alla finestra</translation>
    </message>
    <message>
        <source>&amp;Actual Size (100%)</source>
        <translation>Dimensione &amp;reale (100%)</translation>
    </message>
    <message>
        <source>Add &amp;Stage</source>
        <translation>Aggiungi &amp;fase</translation>
    </message>
    <message>
        <source>Rename Stage</source>
        <translation>Rinomina fase</translation>
    </message>
    <message>
        <source>Delete Stage</source>
        <translation>Elimina fase</translation>
    </message>
    <message>
        <source>Add &amp;Lane</source>
        <translation>Aggiungi &amp;corsia</translation>
    </message>
    <message>
        <source>Rename Lane</source>
        <translation>Rinomina corsia</translation>
    </message>
    <message>
        <source>Delete Lane</source>
        <translation>Elimina corsia</translation>
    </message>
    <message>
        <source>Move Stage Left</source>
        <translation>Sposta fase a sinistra</translation>
    </message>
    <message>
        <source>Move Stage Right</source>
        <translation>Sposta fase a destra</translation>
    </message>
    <message>
        <source>Move Lane Up</source>
        <translation>Sposta corsia su</translation>
    </message>
    <message>
        <source>Move Lane Down</source>
        <translation>Sposta corsia giù</translation>
    </message>
</context>
<context>
    <name>ChannelArcs</name>
    <message>
        <source>{source} → {target}: {hops} hops by {cases} cases; median {wait}</source>
        <extracomment>One channel hop pair: (from channel key, to channel key, hops, cases, median seconds).</extracomment>
        <translation>{source} → {target}: {hops} passaggi di {cases} casi; mediana {wait}</translation>
    </message>
</context>
<context>
    <name>ChannelBadges</name>
    <message>
        <source>↗ {rate} to assisted</source>
        <translation>↗ {rate} all&apos;assistenza</translation>
    </message>
    <message>
        <source>FCR {fcr} / target {target}</source>
        <translation>FCR {fcr} / obiettivo {target}</translation>
    </message>
    <message>
        <source>{n} of {total} digital events here were followed by an assisted contact (escalation to an assisted channel)</source>
        <translation>{n} eventi digitali su {total} qui sono stati seguiti da un contatto assistito (passaggio a un canale assistito)</translation>
    </message>
    <message>
        <source>First-contact resolution: {n} of {total} contacts here not followed by another; the FCR KPI&apos;s target is {target} ({status})</source>
        <translation>Risoluzione al primo contatto: {n} contatti su {total} qui non seguiti da un altro; l&apos;obiettivo del KPI FCR è {target} ({status})</translation>
    </message>
</context>
<context>
    <name>ChannelsView</name>
    <message>
        <source>Analyse a dataset to see how customers move between channels.</source>
        <translation>Analizza un dataset per vedere come i clienti passano da un canale all&apos;altro.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>To</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Hops</source>
        <translation>Passaggi</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casi</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>Median gap</source>
        <translation>Mediana</translation>
    </message>
    <message>
        <source>Share of cases: those cases ÷ all cases with a channel</source>
        <translation>Quota di casi: questi casi ÷ tutti i casi con un canale</translation>
    </message>
    <message>
        <source>Median time between: from the event before the hop to the one after it</source>
        <translation>Tempo mediano tra i due: dall&apos;evento prima del passaggio a quello successivo</translation>
    </message>
    <message>
        <source>The channel of the event before the hop</source>
        <translation>Il canale dell&apos;evento prima del passaggio</translation>
    </message>
    <message>
        <source>The channel of the next event of the same case</source>
        <translation>Il canale dell&apos;evento successivo dello stesso caso</translation>
    </message>
    <message>
        <source>Consecutive events of a case in these two channels, within the hop window</source>
        <translation>Eventi consecutivi di un caso in questi due canali, entro la finestra dei passaggi</translation>
    </message>
    <message>
        <source>Distinct cases with at least one such hop</source>
        <translation>Casi distinti con almeno uno di questi passaggi</translation>
    </message>
    <message>
        <source>This analysis has no channel figures.</source>
        <translation>Questa analisi non ha dati sui canali.</translation>
    </message>
    <message>
        <source>{hop_cases} of {cases} cases change channel ({hop_rate}); {switched} finish in another channel than they started in. Repeat contacts: {repeat}; first-contact resolution: {fcr}.</source>
        <translation>{hop_cases} casi su {cases} cambiano canale ({hop_rate}); {switched} finiscono in un canale diverso da quello in cui sono iniziati. Contatti ripetuti: {repeat}; risoluzione al primo contatto: {fcr}.</translation>
    </message>
</context>
<context>
    <name>CompareVersions</name>
    <message>
        <source>Compare Versions on the Map</source>
        <translation>Confronta versioni sulla mappa</translation>
    </message>
    <message>
        <source>Compare from</source>
        <translation>Confronta da</translation>
    </message>
    <message>
        <source>Compare to</source>
        <translation>Confronta con</translation>
    </message>
    <message>
        <source>Now (current state)</source>
        <translation>Adesso (stato attuale)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>To</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Show on the Map</source>
        <translation>Mostra sulla mappa</translation>
    </message>
    <message>
        <source>This journey has no saved versions yet.</source>
        <translation>Questo percorso non ha ancora versioni salvate.</translation>
    </message>
    <message>
        <source>Open a journey first</source>
        <translation>Aprite prima un percorso</translation>
    </message>
    <message>
        <source>Compare Versions</source>
        <translation>Confronta versioni</translation>
    </message>
    <message>
        <source>Compare &amp;Versions on the Map…</source>
        <translation>Confronta &amp;versioni sulla mappa…</translation>
    </message>
    <message>
        <source>&amp;Leave Diff View</source>
        <translation>&amp;Esci dal confronto</translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>Import the demo&apos;s event log and survey</source>
        <translation>Importa il registro eventi e il sondaggio della demo</translation>
    </message>
    <message>
        <source>Importing the demo&apos;s event log and survey…</source>
        <translation>Importazione del registro eventi e del sondaggio della demo…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Cannot import the demo&apos;s data</source>
        <translation>Impossibile importare i dati della demo</translation>
    </message>
    <message>
        <source>Imported the demo&apos;s {events} events and {responses} survey responses</source>
        <translation>Importati {events} eventi e {responses} risposte al sondaggio della demo</translation>
    </message>
</context>
<context>
    <name>DialogsPeopleKpis</name>
    <message>
        <source>New KPI</source>
        <translation>Nuovo KPI</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Aggiungi persona</translation>
    </message>
    <message>
        <source>Add team</source>
        <translation>Aggiungi team</translation>
    </message>
    <message>
        <source>e.g. Web lead</source>
        <translation>es. Responsabile web</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nome@esempio.it</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>New team</source>
        <translation>Nuovo team</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Nuova persona</translation>
    </message>
    <message>
        <source>Add KPI</source>
        <translation>Aggiungi KPI</translation>
    </message>
    <message>
        <source>%, s, score, €…</source>
        <translation>%, s, punteggio, €…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuno</translation>
    </message>
    <message>
        <source>default: 10 % of the target</source>
        <translation>predefinita: 10 % dell&apos;obiettivo</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unità</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direzione</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Obiettivo</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>Tolleranza</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsabile</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>Scale: {scale}</source>
        <translation>Scala: {scale}</translation>
    </message>
    <message>
        <source>The {field} must be a number, not {text!r}.</source>
        <translation>Il campo {field} deve essere un numero, non {text!r}.</translation>
    </message>
    <message>
        <source>People, teams &amp; KPIs</source>
        <translation>Persone, team e KPI</translation>
    </message>
    <message>
        <source>People &amp;&amp; teams</source>
        <translation>Persone e team</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPI</translation>
    </message>
</context>
<context>
    <name>DialogsStart</name>
    <message>
        <source>Welcome to cxmapper</source>
        <translation>Benvenuti in cxmapper</translation>
    </message>
    <message>
        <source>Map customer journeys live in the workshop; owners annotate their touchpoints later in the same file.</source>
        <translation>Mappate i percorsi dei clienti dal vivo nel workshop; i responsabili annotano poi i loro punti di contatto nello stesso file.</translation>
    </message>
    <message>
        <source>New workspace…</source>
        <translation>Nuova area di lavoro…</translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation>Apri area di lavoro…</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Apri la demo</translation>
    </message>
    <message>
        <source>A sample workspace with journeys, KPIs and comments</source>
        <translation>Un&apos;area di lavoro d&apos;esempio con percorsi, KPI e commenti</translation>
    </message>
    <message>
        <source>Recent workspaces</source>
        <translation>Aree di lavoro recenti</translation>
    </message>
</context>
<context>
    <name>DiffLayer</name>
    <message>
        <source>removed</source>
        <translation>rimossa</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Aggiunta</translation>
    </message>
    <message>
        <source>Removed (ghost)</source>
        <translation>Rimossa (fantasma)</translation>
    </message>
    <message>
        <source>Changed: hover for old → new</source>
        <translation>Modificata: passate sopra per vecchio → nuovo</translation>
    </message>
    <message>
        <source>Moved to another stage or lane</source>
        <translation>Spostata in un&apos;altra fase o corsia</translation>
    </message>
    <message>
        <source>Connector added</source>
        <translation>Connettore aggiunto</translation>
    </message>
    <message>
        <source>Connector removed (ghost)</source>
        <translation>Connettore rimosso (fantasma)</translation>
    </message>
    <message>
        <source>Connector changed: hover for old → new</source>
        <translation>Connettore modificato: passa sopra per vedere vecchio → nuovo</translation>
    </message>
    <message>
        <source>RACI or owner changed: hover the badge</source>
        <translation>RACI o responsabile modificato: passa sopra il badge</translation>
    </message>
    <message>
        <source>KPI target changed: hover the badge</source>
        <translation>Obiettivo KPI modificato: passa sopra il badge</translation>
    </message>
    <message>
        <source>Not on the current map: {n}</source>
        <translation>Non sulla mappa attuale: {n}</translation>
    </message>
    <message>
        <source>Stages, lanes or the journey (see the list): {n}</source>
        <translation>Fasi, corsie o il percorso (vedi l&apos;elenco): {n}</translation>
    </message>
    <message>
        <source>Changes from {a} to {b}</source>
        <translation>Modifiche da {a} a {b}</translation>
    </message>
    <message>
        <source>now</source>
        <translation>adesso</translation>
    </message>
    <message>
        <source>Roles and owners:</source>
        <translation>Ruoli e responsabili:</translation>
    </message>
    <message>
        <source>Removed connector: {arrow}</source>
        <translation>Connettore rimosso: {arrow}</translation>
    </message>
    <message>
        <source>Added connector: {arrow}</source>
        <translation>Connettore aggiunto: {arrow}</translation>
    </message>
    <message>
        <source>Changed connector: {arrow}</source>
        <translation>Connettore modificato: {arrow}</translation>
    </message>
    <message>
        <source>added {who}</source>
        <translation>aggiunto {who}</translation>
    </message>
    <message>
        <source>removed {who}</source>
        <translation>rimosso {who}</translation>
    </message>
    <message>
        <source>KPI {name}:</source>
        <translation>KPI {name}:</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Spostata</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificata</translation>
    </message>
    <message>
        <source>Removed: {title} (was in {where})</source>
        <translation>Rimossa: {title} (era in {where})</translation>
    </message>
</context>
<context>
    <name>FeedbackBadges</name>
    <message>
        <source>Survey answers linked to this card</source>
        <translation>Risposte ai sondaggi collegate a questa scheda</translation>
    </message>
    <message>
        <source>Feedback &amp;Badges</source>
        <translation>&amp;Etichette dei sondaggi</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>Cartella</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>{suffix} file</source>
        <translation>File {suffix}</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Cerca in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>File di &amp;tipo:</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Title</source>
        <extracomment>Check-box labels, one per field of the find rule (cxmapper/model/find.py).</extracomment>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsabile</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canale</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etichetta</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>Find touchpoints…</source>
        <translation>Trova punti di contatto…</translation>
    </message>
    <message>
        <source>Dim the rest</source>
        <translation>Attenua il resto</translation>
    </message>
    <message>
        <source>Filter: fade every card that does not match</source>
        <translation>Filtro: attenua ogni scheda che non corrisponde</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Chiudi (Esc)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Trova</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Trova &amp;successivo</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>Trova &amp;precedente</translation>
    </message>
</context>
<context>
    <name>GovernanceDialog</name>
    <message>
        <source>Governance</source>
        <translation>Governance</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Cronologia</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versioni</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Differenze</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>Lignaggio</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>Responsabili</translation>
    </message>
    <message>
        <source>Card, field or operation contains…</source>
        <translation>Scheda, campo o operazione contiene…</translation>
    </message>
    <message>
        <source>Since (YYYY-MM-DD)</source>
        <translation>Dal (AAAA-MM-GG)</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Chi</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operazione</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campi</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tutti</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Salvata</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>Live from</source>
        <translation>In vigore dal</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Schede</translation>
    </message>
    <message>
        <source>New cards</source>
        <translation>Schede nuove</translation>
    </message>
    <message>
        <source>Save Version…</source>
        <translation>Salva versione…</translation>
    </message>
    <message>
        <source>Restore Selected</source>
        <translation>Ripristina selezionata</translation>
    </message>
    <message>
        <source>Select a version to restore</source>
        <translation>Seleziona una versione da ripristinare</translation>
    </message>
    <message>
        <source>Now (current state)</source>
        <translation>Adesso (stato attuale)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>To</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modifica</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>Nessuna differenza</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>Punto di contatto</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsabile</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Scadenza il</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Giorni di ritardo</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Mark Selected Done</source>
        <translation>Segna selezionate come fatte</translation>
    </message>
    <message>
        <source>Overdue readings</source>
        <translation>Letture in ritardo</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>Azioni di follow-up aperte</translation>
    </message>
    <message>
        <source>Exactly one Accountable: {a} · KPIs with an owner: {k} · readings up to date: {r}</source>
        <translation>Un solo Accountable: {a} · KPI con responsabile: {k} · letture aggiornate: {r}</translation>
    </message>
    <message>
        <source>Select a follow-up</source>
        <translation>Seleziona un follow-up</translation>
    </message>
</context>
<context>
    <name>ImpactMatrix</name>
    <message>
        <source>Analyse a dataset to place this journey&apos;s actions by impact.</source>
        <translation>Analizzate un dataset per collocare le azioni di questo percorso per impatto.</translation>
    </message>
    <message>
        <source>{title}
Estimated yearly impact {money} (impact {impact} of 5)
Effort {effort} of 5 · priority {priority} per effort point</source>
        <translation>{title}
Impatto annuo stimato {money} (impatto {impact} su 5)
Sforzo {effort} su 5 · priorità {priority} per punto di sforzo</translation>
    </message>
    <message>
        <source>This journey has no open action.</source>
        <translation>Questo percorso non ha azioni aperte.</translation>
    </message>
    <message>
        <source>Up: estimated yearly impact (the money at stake at the action&apos;s card over a year × its impact rating ÷ 5). Drag an action to re-rate it.</source>
        <translation>In verticale: impatto annuo stimato (il denaro in gioco alla scheda dell&apos;azione in un anno × la sua valutazione d&apos;impatto ÷ 5). Trascinate un&apos;azione per rivalutarla.</translation>
    </message>
    <message>
        <source>Up: impact rating (no money figures: set the journey&apos;s value model and analyse). Drag an action to re-rate it.</source>
        <translation>In verticale: valutazione d&apos;impatto (nessun dato economico: impostate il modello di valore del percorso e analizzate). Trascinate un&apos;azione per rivalutarla.</translation>
    </message>
    <message>
        <source>Effort →</source>
        <translation>Sforzo →</translation>
    </message>
    <message>
        <source>Quick wins</source>
        <translation>Vittorie rapide</translation>
    </message>
</context>
<context>
    <name>InspectorJourneyComments</name>
    <message>
        <source>Show resolved</source>
        <translation>Mostra risolti</translation>
    </message>
    <message>
        <source>No open comments in this journey.</source>
        <translation>Nessun commento aperto in questo percorso.</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Select a journey, or a card, stage, lane or connector on the map.</source>
        <translation>Selezionate un percorso, oppure una scheda, fase, corsia o connettore sulla mappa.</translation>
    </message>
</context>
<context>
    <name>InspectorStructure</name>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Larghezza</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Altezza</translation>
    </message>
    <message>
        <source>Joins</source>
        <translation>Collega</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etichetta</translation>
    </message>
</context>
<context>
    <name>InspectorTouchpointActions</name>
    <message>
        <source>New action</source>
        <translation>Nuova azione</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>Selected action</source>
        <translation>Azione selezionata</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-GG</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Impact / effort</source>
        <translation>Impatto / sforzo</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsabile</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>{text!r} is not a date; write it as YYYY-MM-DD.</source>
        <translation>{text!r} non è una data; scrivetela come AAAA-MM-GG.</translation>
    </message>
</context>
<context>
    <name>InspectorTouchpointComments</name>
    <message>
        <source>Resolve</source>
        <translation>Risolvi</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Riapri</translation>
    </message>
    <message>
        <source>Write a comment…</source>
        <translation>Scrivete un commento…</translation>
    </message>
</context>
<context>
    <name>InspectorTouchpointDetails</name>
    <message>
        <source>web, app, phone, branch…</source>
        <translation>web, app, telefono, filiale…</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>separati da virgole</translation>
    </message>
    <message>
        <source>This touchpoint is a goal of the journey</source>
        <translation>Questo punto di contatto è un obiettivo del percorso</translation>
    </message>
    <message>
        <source>one event name per line, matched exactly</source>
        <translation>un nome di evento per riga, confrontato esattamente</translation>
    </message>
    <message>
        <source>one glob per line, e.g. checkout_*</source>
        <translation>un modello glob per riga, es. checkout_*</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canale</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Componente</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>Emozione</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etichette</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsabile</translation>
    </message>
    <message>
        <source>Events from imported logs count for this touchpoint when they match:</source>
        <translation>Gli eventi dei log importati contano per questo punto di contatto quando corrispondono a:</translation>
    </message>
    <message>
        <source>Event names</source>
        <translation>Nomi degli eventi</translation>
    </message>
    <message>
        <source>Patterns</source>
        <translation>Modelli</translation>
    </message>
</context>
<context>
    <name>InspectorTouchpointKpis</name>
    <message>
        <source>KPI to show and to add readings for</source>
        <translation>KPI da mostrare e per cui aggiungere misurazioni</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Obiettivo</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuno</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valore</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fonte</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsabile</translation>
    </message>
    <message>
        <source>Remove reading</source>
        <translation>Rimuovi misurazione</translation>
    </message>
    <message>
        <source>Add a reading</source>
        <translation>Aggiungi una misurazione</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valore</translation>
    </message>
    <message>
        <source>survey, analytics, call centre…</source>
        <translation>sondaggio, analytics, call center…</translation>
    </message>
    <message>
        <source>Add reading</source>
        <translation>Aggiungi misurazione</translation>
    </message>
    <message>
        <source>Value / date</source>
        <translation>Valore / data</translation>
    </message>
    <message>
        <source>Define KPIs under Journey ▸ People &amp; KPIs</source>
        <translation>Definite i KPI in Percorso ▸ Persone e KPI</translation>
    </message>
    <message>
        <source>no readings</source>
        <translation>nessuna misurazione</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{colour}&apos;&gt;●&lt;/span&gt; {words}</source>
        <translation>&lt;span style=&apos;color:{colour}&apos;&gt;●&lt;/span&gt; {words}</translation>
    </message>
    <message>
        <source>The target must be a number, not {text!r}.</source>
        <translation>L&apos;obiettivo deve essere un numero, non {text!r}.</translation>
    </message>
    <message>
        <source>Type a number for the reading&apos;s value.</source>
        <translation>Scrivete un numero come valore della misurazione.</translation>
    </message>
</context>
<context>
    <name>InspectorTouchpointRaci</name>
    <message>
        <source>Responsible</source>
        <translation>Responsabile</translation>
    </message>
    <message>
        <source>Accountable</source>
        <translation>Approvatore</translation>
    </message>
    <message>
        <source>Consulted</source>
        <translation>Consultato</translation>
    </message>
    <message>
        <source>Informed</source>
        <translation>Informato</translation>
    </message>
    <message>
        <source>Person / team</source>
        <translation>Persona / team</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Assegna</translation>
    </message>
    <message>
        <source>Remove assignment</source>
        <translation>Rimuovi assegnazione</translation>
    </message>
    <message>
        <source>⚠ {value}{value2} for this touchpoint.</source>
        <translation>⚠ {value}{value2} per questo punto di contatto.</translation>
    </message>
    <message>
        <source>✓ Exactly one Accountable.</source>
        <translation>✓ Esattamente un Accountable.</translation>
    </message>
    <message>
        <source>The customer&apos;s own view: no RACI needed.</source>
        <translation>Il punto di vista del cliente: nessuna RACI necessaria.</translation>
    </message>
    <message>
        <source>Add people and teams under Journey ▸ People &amp; KPIs</source>
        <translation>Aggiungete persone e team in Percorso ▸ Persone e KPI</translation>
    </message>
</context>
<context>
    <name>InspectorTrendChart</name>
    <message>
        <source>No readings yet</source>
        <translation>Ancora nessuna misurazione</translation>
    </message>
    <message>
        <source>target</source>
        <translation>obiettivo</translation>
    </message>
</context>
<context>
    <name>InspectorWidgets</name>
    <message>
        <source>— nobody —</source>
        <translation>— nessuno —</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>Nuova persona…</translation>
    </message>
    <message>
        <source>{name} (team)</source>
        <translation>{name} (team)</translation>
    </message>
    <message>
        <source>Name of the new person:</source>
        <translation>Nome della nuova persona:</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Importazione annullata; non è stato importato nulla.</translation>
    </message>
    <message>
        <source>Cannot import: {message}</source>
        <translation>Impossibile importare: {message}</translation>
    </message>
</context>
<context>
    <name>JourneyPanel</name>
    <message>
        <source>New journey</source>
        <translation>Nuovo percorso</translation>
    </message>
    <message>
        <source>New blank journey</source>
        <translation>Nuovo percorso vuoto</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rinomina</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplica</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Sposta su</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Sposta giù</translation>
    </message>
    <message>
        <source>New journey from template</source>
        <translation>Nuovo percorso da modello</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Altro</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Aggiungi</translation>
    </message>
    <message>
        <source>Add a persona</source>
        <translation>Aggiungi una persona</translation>
    </message>
    <message>
        <source>Delete the selected persona</source>
        <translation>Elimina la persona selezionata</translation>
    </message>
    <message>
        <source>Journeys</source>
        <translation>Percorsi</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>{tip}. Double-click to rename, drag to reorder.</source>
        <translation>{tip}. Doppio clic per rinominare, trascinate per riordinare.</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (copia)</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language (applies on restart)</source>
        <translation>&amp;Lingua (al prossimo avvio)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Come il sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>The new language is used the next time cxmapper starts.</source>
        <translation>La nuova lingua sarà usata al prossimo avvio di cxmapper.</translation>
    </message>
</context>
<context>
    <name>LineageTab</name>
    <message>
        <source>The same card keeps its lineage ID in every version and in copies of the journey.</source>
        <translation>La stessa scheda conserva il suo ID di lignaggio in ogni versione e nelle copie del percorso.</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Scheda</translation>
    </message>
    <message>
        <source>Lineage ID</source>
        <translation>ID di lignaggio</translation>
    </message>
    <message>
        <source>First saved in</source>
        <translation>Salvata la prima volta in</translation>
    </message>
    <message>
        <source>Copied from journey</source>
        <translation>Copiata dal percorso</translation>
    </message>
    <message>
        <source>not in a version yet</source>
        <translation>non ancora in una versione</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The journey map canvas is not available in this build.</source>
        <translation>L&apos;area della mappa non è disponibile in questa versione.</translation>
    </message>
    <message>
        <source>Opened workspace</source>
        <translation>Area di lavoro aperta</translation>
    </message>
    <message>
        <source>Journeys</source>
        <translation>Percorsi</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Ispettore</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Cronologia</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commenti</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Nuova area di lavoro…</translation>
    </message>
    <message>
        <source>Create an empty workspace file</source>
        <translation>Crea un file di area di lavoro vuoto</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Apri…</translation>
    </message>
    <message>
        <source>Open a .cxmap workspace</source>
        <translation>Apri un&apos;area di lavoro .cxmap</translation>
    </message>
    <message>
        <source>Open &amp;Demo</source>
        <translation>Apri &amp;demo</translation>
    </message>
    <message>
        <source>Open a sample workspace</source>
        <translation>Apri un&apos;area di lavoro d&apos;esempio</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Salva &amp;con nome…</translation>
    </message>
    <message>
        <source>Save a copy of the workspace; you keep working in this one</source>
        <translation>Salva una copia dell&apos;area di lavoro; continuate a lavorare in questa</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
    <message>
        <source>Close the workspace</source>
        <translation>Chiudi l&apos;area di lavoro</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ripeti</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Trova…</translation>
    </message>
    <message>
        <source>Find touchpoints by title, owner, channel or tag</source>
        <translation>Trova punti di contatto per titolo, responsabile, canale o etichetta</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>Modalità &amp;presentazione</translation>
    </message>
    <message>
        <source>Full screen with larger text; Esc leaves</source>
        <translation>Schermo intero con testo più grande; Esc per uscire</translation>
    </message>
    <message>
        <source>People &amp;&amp; &amp;KPIs…</source>
        <translation>Persone e &amp;KPI…</translation>
    </message>
    <message>
        <source>People, teams and KPI definitions</source>
        <translation>Persone, team e definizioni dei KPI</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>Impossibile aprire l&apos;area di lavoro</translation>
    </message>
    <message>
        <source>Cannot create workspace</source>
        <translation>Impossibile creare l&apos;area di lavoro</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Tutte le modifiche salvate</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Nuova area di lavoro</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>Salva una copia come</translation>
    </message>
    <message>
        <source>Cannot save a copy</source>
        <translation>Impossibile salvare una copia</translation>
    </message>
    <message>
        <source>Saved a copy as {path}</source>
        <translation>Copia salvata come {path}</translation>
    </message>
    <message>
        <source>Cannot write the demo</source>
        <translation>Impossibile scrivere la demo</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Svuota elenco</translation>
    </message>
    <message>
        <source>Updated with changes made in another window</source>
        <translation>Aggiornato con le modifiche fatte in un&apos;altra finestra</translation>
    </message>
    <message>
        <source>Last action: {text}</source>
        <translation>Ultima azione: {text}</translation>
    </message>
    <message>
        <source>That change was not made</source>
        <translation>La modifica non è stata fatta</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Il vostro nome</translation>
    </message>
    <message>
        <source>Sign your comments as:</source>
        <translation>Firmate i commenti come:</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Apri &amp;recenti</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importa</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Esporta</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Pannelli</translation>
    </message>
    <message>
        <source>&amp;Journey</source>
        <translation>&amp;Percorso</translation>
    </message>
    <message>
        <source>&amp;Governance: History, Versions, Changes…</source>
        <translation>&amp;Governance: cronologia, versioni, differenze…</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analisi</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>&amp;About cxmapper</source>
        <translation>&amp;Informazioni su cxmapper</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>cxmapper workspaces (*.cxmap);;All files (*)</source>
        <translation>Aree di lavoro cxmapper (*.cxmap);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Apri area di lavoro</translation>
    </message>
</context>
<context>
    <name>MoneyOverlay</name>
    <message>
        <source>Money: value at risk</source>
        <translation>Denaro: valore a rischio</translation>
    </message>
    <message>
        <source>&amp;Money at risk</source>
        <translation>&amp;Denaro a rischio</translation>
    </message>
    <message>
        <source>Value at risk: {money} ({n} conversions lost)</source>
        <translation>Valore a rischio: {money} ({n} conversioni perse)</translation>
    </message>
    <message>
        <source>Cost to serve: {money} ({n} contacts)</source>
        <translation>Costo di servizio: {money} ({n} contatti)</translation>
    </message>
    <message>
        <source>Repeat-contact cost: {money} ({n} repeat contacts)</source>
        <translation>Costo dei contatti ripetuti: {money} ({n} contatti ripetuti)</translation>
    </message>
    <message>
        <source>Failure demand: {money} ({n} contacts)</source>
        <translation>Domanda da disservizio: {money} ({n} contatti)</translation>
    </message>
    <message>
        <source>Money: this journey has no value model (Journey ▸ Value model…), so there is no value at risk to show</source>
        <translation>Denaro: questo percorso non ha un modello di valore (Percorso ▸ Modello di valore…), quindi non c&apos;è valore a rischio da mostrare</translation>
    </message>
    <message>
        <source>palest = least at risk ({value})</source>
        <translation>più chiaro = meno a rischio ({value})</translation>
    </message>
    <message>
        <source>darkest = most at risk ({value})</source>
        <translation>più scuro = più a rischio ({value})</translation>
    </message>
    <message>
        <source>Value at risk: conversions lost here × value of a conversion; journey total {total}</source>
        <translation>Valore a rischio: conversioni perse qui × valore di una conversione; totale del percorso {total}</translation>
    </message>
</context>
<context>
    <name>OverlayCharts</name>
    <message>
        <source>cases</source>
        <translation>casi</translation>
    </message>
    <message>
        <source>{step}: {n} cases</source>
        <translation>{step}: {n} casi</translation>
    </message>
    <message>
        <source>cases per week</source>
        <translation>casi per settimana</translation>
    </message>
    <message>
        <source>drop-off (%)</source>
        <translation>abbandoni (%)</translation>
    </message>
</context>
<context>
    <name>OverlayDock</name>
    <message>
        <source>Analysis</source>
        <translation>Analisi</translation>
    </message>
    <message>
        <source>Import an event log (Analysis ▸ Import events…) to overlay behaviour.</source>
        <translation>Importate un log di eventi (Analisi ▸ Importa eventi…) per sovrapporre il comportamento.</translation>
    </message>
    <message>
        <source>&amp;All unexpected paths</source>
        <translation>&amp;Tutti i percorsi inattesi</translation>
    </message>
    <message>
        <source>Draw every path seen in the data but not on the map, not only the most walked few</source>
        <translation>Disegna ogni percorso presente nei dati ma non sulla mappa, non solo i pochi più battuti</translation>
    </message>
    <message>
        <source>Import &amp;events…</source>
        <translation>Importa &amp;eventi…</translation>
    </message>
    <message>
        <source>Import an event log (CSV, Excel, Parquet, JSON Lines, XES)</source>
        <translation>Importa un log di eventi (CSV, Excel, Parquet, JSON Lines, XES)</translation>
    </message>
    <message>
        <source>Analysis &amp;panel</source>
        <translation>&amp;Pannello di analisi</translation>
    </message>
    <message>
        <source>Show the analysis panel (funnel, trends, top friction)</source>
        <translation>Mostra il pannello di analisi (funnel, andamenti, attriti principali)</translation>
    </message>
    <message>
        <source>&amp;Analyse</source>
        <translation>&amp;Analizza</translation>
    </message>
    <message>
        <source>&amp;Overlay</source>
        <translation>&amp;Sovrapposizione</translation>
    </message>
    <message>
        <source>&amp;Drop-off</source>
        <translation>&amp;Abbandoni</translation>
    </message>
    <message>
        <source>E&amp;xits (no goal card)</source>
        <translation>&amp;Uscite (nessuna scheda obiettivo)</translation>
    </message>
</context>
<context>
    <name>OverlayImportDialog</name>
    <message>
        <source>Event logs and Spark summaries (*.csv *.tsv *.txt *.xlsx *.parquet *.jsonl *.ndjson *.xes *.xes.gz *.gz *.json);;All files (*)</source>
        <translation>Log di eventi e riepiloghi Spark (*.csv *.tsv *.txt *.xlsx *.parquet *.jsonl *.ndjson *.xes *.xes.gz *.gz *.json);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>(detect)</source>
        <translation>(rileva)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nessuna)</translation>
    </message>
    <message>
        <source>Import event data</source>
        <translation>Importa dati di eventi</translation>
    </message>
    <message>
        <source>CSV, TSV, XLSX, Parquet, JSON Lines or XES file</source>
        <translation>File CSV, TSV, XLSX, Parquet, JSON Lines o XES</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Sfoglia…</translation>
    </message>
    <message>
        <source>complete events</source>
        <translation>eventi completati</translation>
    </message>
    <message>
        <source>all events</source>
        <translation>tutti gli eventi</translation>
    </message>
    <message>
        <source>With a lifecycle column, keep only &apos;complete&apos; events (default) or all</source>
        <translation>Con una colonna lifecycle, tieni solo gli eventi &apos;complete&apos; (predefinito) o tutti</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importa</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Preimpostazione</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>Id del caso</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>Orario</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canale</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Ciclo di vita</translation>
    </message>
    <message>
        <source>Dataset name</source>
        <translation>Nome del dataset</translation>
    </message>
    <message>
        <source>Preview (first rows as read from the file):</source>
        <translation>Anteprima (prime righe come lette dal file):</translation>
    </message>
    <message>
        <source>columns detected</source>
        <translation>colonne riconosciute</translation>
    </message>
    <message>
        <source>choose the columns</source>
        <translation>scegliete le colonne</translation>
    </message>
    <message>
        <source>{value} columns ({details}); {found}.</source>
        <translation>{value} colonne ({details}); {found}.</translation>
    </message>
    <message>
        <source>Spark summary of {events} events, {cases} cases.</source>
        <translation>Riepilogo Spark di {events} eventi, {cases} casi.</translation>
    </message>
    <message>
        <source>Event logs (*.csv *.tsv *.txt *.xlsx *.parquet *.jsonl *.ndjson *.xes *.gz);;All files (*)</source>
        <extracomment>Files at least this large are offered linked by default (the user can still copy them).</extracomment>
        <translation>Log di eventi (*.csv *.tsv *.txt *.xlsx *.parquet *.jsonl *.ndjson *.xes *.gz);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Link instead of copy</source>
        <translation>Collega invece di copiare</translation>
    </message>
    <message>
        <source>For large files: the workspace keeps the file&apos;s path, size, time and a fingerprint instead of its events, and analysis reads the file. The file must stay; if it changes or moves, the app says so and offers to relink it.</source>
        <translation>Per i file grandi: l&apos;area di lavoro conserva percorso, dimensione, data e un&apos;impronta del file invece dei suoi eventi, e l&apos;analisi legge il file. Il file deve restare dov&apos;è; se cambia o viene spostato, l&apos;app lo segnala e propone di ricollegarlo.</translation>
    </message>
</context>
<context>
    <name>OverlayPanel</name>
    <message>
        <source>Funnel</source>
        <translation>Funnel</translation>
    </message>
    <message>
        <source>Weekly trend</source>
        <translation>Andamento settimanale</translation>
    </message>
    <message>
        <source>Top friction</source>
        <translation>Attriti principali</translation>
    </message>
    <message>
        <source>Unmatched events</source>
        <translation>Eventi senza corrispondenza</translation>
    </message>
    <message>
        <source>Paths</source>
        <translation>Percorsi seguiti</translation>
    </message>
    <message>
        <source>Before / after</source>
        <translation>Prima / dopo</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canali</translation>
    </message>
    <message>
        <source>Impact × effort</source>
        <translation>Impatto × sforzo</translation>
    </message>
    <message>
        <source>Relink…</source>
        <translation>Ricollega…</translation>
    </message>
    <message>
        <source>Choose the linked event file again (moved, or changed)</source>
        <translation>Scegli di nuovo il file di eventi collegato (spostato o modificato)</translation>
    </message>
    <message>
        <source>Relink event file</source>
        <translation>Ricollega il file di eventi</translation>
    </message>
    <message>
        <source>Relink dataset</source>
        <translation>Ricollega il dataset</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>Importa {name}</translation>
    </message>
    <message>
        <source>Remove dataset</source>
        <translation>Rimuovi dataset</translation>
    </message>
    <message>
        <source>Import notes: {notes}</source>
        <translation>Note d&apos;importazione: {notes}</translation>
    </message>
    <message>
        <source>Map events</source>
        <translation>Associa eventi</translation>
    </message>
    <message>
        <source>Create {n} touchpoints from data</source>
        <translation>Crea {n} punti di contatto dai dati</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>(tutti)</translation>
    </message>
</context>
<context>
    <name>OverlayViewsBeforeAfter</name>
    <message>
        <source>Tick “Compare with”, choose the two periods and press Analyse to compare them.</source>
        <translation>Spuntate “Confronta con”, scegliete i due periodi e premete Analizza per confrontarli.</translation>
    </message>
    <message>
        <source>Drop-off</source>
        <translation>Abbandono</translation>
    </message>
    <message>
        <source>Exits</source>
        <translation>Uscite</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>Punto di contatto</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Copertura</translation>
    </message>
    <message>
        <source>Share of cases that leave at this card without reaching a goal: before → after</source>
        <translation>Quota di casi che escono da questa scheda senza raggiungere un obiettivo: prima → dopo</translation>
    </message>
    <message>
        <source>Share of cases whose last step is this card (no goal card): before → after</source>
        <translation>Quota di casi il cui ultimo passo è questa scheda (nessuna scheda obiettivo): prima → dopo</translation>
    </message>
    <message>
        <source>Click a card&apos;s name to select it on the map</source>
        <translation>Fai clic sul nome di una scheda per selezionarla sulla mappa</translation>
    </message>
    <message>
        <source>Cases that reached the card: before → after</source>
        <translation>Casi che hanno raggiunto la scheda: prima → dopo</translation>
    </message>
    <message>
        <source>{delta} pts</source>
        <translation>{delta} pt</translation>
    </message>
    <message>
        <source>After minus before, in percentage points</source>
        <translation>Dopo meno prima, in punti percentuali</translation>
    </message>
    <message>
        <source>Stage: {stage}</source>
        <translation>Fase: {stage}</translation>
    </message>
    <message>
        <source>Click to select this card on the map</source>
        <translation>Fate clic per selezionare questa scheda sulla mappa</translation>
    </message>
</context>
<context>
    <name>OverlayViewsFriction</name>
    <message>
        <source>Touchpoint</source>
        <translation>Punto di contatto</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Friction</source>
        <translation>Attrito</translation>
    </message>
    <message>
        <source>Drop-off</source>
        <translation>Abbandono</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Ripetizioni</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Perché</translation>
    </message>
    <message>
        <source>Rank: the worst friction first</source>
        <translation>Posizione: prima l&apos;attrito peggiore</translation>
    </message>
    <message>
        <source>Click a card&apos;s name to select it on the map</source>
        <translation>Fate clic sul nome di una scheda per selezionarla sulla mappa</translation>
    </message>
    <message>
        <source>Friction score 0–100 (docs/metrics.md)</source>
        <translation>Punteggio di attrito 0–100 (docs/metrics.md)</translation>
    </message>
    <message>
        <source>Share of the card&apos;s cases that leave here without reaching a goal</source>
        <translation>Quota dei casi della scheda che escono qui senza raggiungere un obiettivo</translation>
    </message>
    <message>
        <source>Share of the card&apos;s cases with two or more events here</source>
        <translation>Quota dei casi della scheda con due o più eventi qui</translation>
    </message>
    <message>
        <source>Share of the card&apos;s cases whose last step is here (no goal card is marked)</source>
        <translation>Quota dei casi della scheda il cui ultimo passo è qui (nessuna scheda obiettivo è segnata)</translation>
    </message>
    <message>
        <source>no single strong cause</source>
        <translation>nessuna causa principale evidente</translation>
    </message>
    <message>
        <source>Click to select this card on the map</source>
        <translation>Fate clic per selezionare questa scheda sulla mappa</translation>
    </message>
</context>
<context>
    <name>OverlayViewsNames</name>
    <message>
        <source>No goal card is marked, so every case&apos;s last step counts as an exit, including natural ends such as “Closed”. To see drop-off, select the card where the journey succeeds and tick “This touchpoint is a goal of the journey” in the Inspector.</source>
        <translation>Nessuna scheda obiettivo è segnata, quindi l&apos;ultimo passo di ogni caso conta come uscita, comprese le conclusioni naturali come “Chiuso”. Per vedere l&apos;abbandono, selezionate la scheda in cui il percorso riesce e spuntate “Questo punto di contatto è un obiettivo del percorso” nell&apos;Ispettore.</translation>
    </message>
    <message>
        <source>Drop-off</source>
        <translation>Abbandono</translation>
    </message>
    <message>
        <source>Exits</source>
        <translation>Uscite</translation>
    </message>
</context>
<context>
    <name>OverlayViewsPaths</name>
    <message>
        <source>From</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>To</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Volte</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casi</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Percorso</translation>
    </message>
    <message>
        <source>not drawn</source>
        <translation>non disegnato</translation>
    </message>
    <message>
        <source>unwalked</source>
        <translation>non percorso</translation>
    </message>
    <message>
        <source>Click a card&apos;s name to select it on the map</source>
        <translation>Fate clic sul nome di una scheda per selezionarla sulla mappa</translation>
    </message>
    <message>
        <source>How often the step happens</source>
        <translation>Quante volte avviene il passaggio</translation>
    </message>
    <message>
        <source>Cases that take the step at least once</source>
        <translation>Casi che compiono il passaggio almeno una volta</translation>
    </message>
    <message>
        <source>Not drawn: customers go this way but the map has no arrow for it; unwalked: the map has an arrow nobody follows</source>
        <translation>Non disegnato: i clienti passano di qui ma la mappa non ha una freccia; non percorso: la mappa ha una freccia che nessuno segue</translation>
    </message>
</context>
<context>
    <name>OverlayViewsTrend</name>
    <message>
        <source>Card</source>
        <translation>Scheda</translation>
    </message>
    <message>
        <source>Press Analyse to see how each card changes week by week.</source>
        <translation>Premete Analizza per vedere come cambia ogni scheda settimana per settimana.</translation>
    </message>
    <message>
        <source>{card}: cases and drop-off per week</source>
        <translation>{card}: casi e abbandoni per settimana</translation>
    </message>
    <message>
        <source>{card}: cases and exits per week</source>
        <translation>{card}: casi e uscite per settimana</translation>
    </message>
    <message>
        <source>drop-off (%)</source>
        <translation>abbandoni (%)</translation>
    </message>
    <message>
        <source>exits (%)</source>
        <translation>uscite (%)</translation>
    </message>
</context>
<context>
    <name>OverlayViewsUnmatched</name>
    <message>
        <source>Event name</source>
        <translation>Nome dell&apos;evento</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventi</translation>
    </message>
    <message>
        <source>Suggested touchpoint</source>
        <translation>Punto di contatto suggerito</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>The card whose title or event names read like this event</source>
        <translation>La scheda il cui titolo o i cui nomi di eventi somigliano a questo evento</translation>
    </message>
    <message>
        <source>Map to suggested cards</source>
        <translation>Associa alle schede suggerite</translation>
    </message>
    <message>
        <source>Add the selected event names (all, if none is selected) to the suggested cards</source>
        <translation>Aggiungi i nomi di eventi selezionati (tutti, se nessuno è selezionato) alle schede suggerite</translation>
    </message>
    <message>
        <source>Cards from top events…</source>
        <translation>Schede dagli eventi principali…</translation>
    </message>
    <message>
        <source>Create one card per frequent event name (one undo step)</source>
        <translation>Crea una scheda per ogni nome di evento frequente (un solo passo di annullamento)</translation>
    </message>
</context>
<context>
    <name>RenderPdf</name>
    <message>
        <source>Stages {stages} · lanes {lanes}</source>
        <translation>Fasi {stages} · corsie {lanes}</translation>
    </message>
    <message>
        <source>Exported {date}</source>
        <translation>Esportato il {date}</translation>
    </message>
    <message>
        <source>page {n} of {total}</source>
        <translation>pagina {n} di {total}</translation>
    </message>
</context>
<context>
    <name>SaveVersion</name>
    <message>
        <source>Save Version</source>
        <translation>Salva versione</translation>
    </message>
    <message>
        <source>Version name</source>
        <translation>Nome della versione</translation>
    </message>
    <message>
        <source>As-is Q1 2026</source>
        <translation>As-is T1 2026</translation>
    </message>
    <message>
        <source>Live from</source>
        <translation>In uso dal</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional)</source>
        <translation>AAAA-MM-GG (facoltativo)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
</context>
<context>
    <name>SummaryStatus</name>
    <message>
        <source>medians and p90 approximate (no error bound stated)</source>
        <translation>mediane e p90 approssimati (nessun limite d&apos;errore indicato)</translation>
    </message>
    <message>
        <source>medians and p90 within {pct} of rank</source>
        <translation>mediane e p90 entro il {pct} del rango</translation>
    </message>
    <message>
        <source>Spark summary: counts exact, {quantiles}; {n} note(s), hover for details.</source>
        <translation>Riepilogo Spark: conteggi esatti, {quantiles}; {n} note, passate il mouse per i dettagli.</translation>
    </message>
    <message>
        <source>Imported from a summary computed by Spark; no events were imported.</source>
        <translation>Importato da un riepilogo calcolato da Spark; non sono stati importati eventi.</translation>
    </message>
    <message>
        <source>Counts: {counts}.</source>
        <translation>Conteggi: {counts}.</translation>
    </message>
    <message>
        <source>Medians and p90: {method} (accuracy {accuracy}); each figure&apos;s rank is within {pct} of the requested rank (relative rank error {rank}).</source>
        <translation>Mediane e p90: {method} (accuratezza {accuracy}); il rango di ogni valore è entro il {pct} del rango richiesto (errore di rango relativo {rank}).</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Nota: {note}</translation>
    </message>
</context>
<context>
    <name>SurveyImport</name>
    <message>
        <source>(detect)</source>
        <translation>(rileva)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nessuna)</translation>
    </message>
    <message>
        <source>Import survey</source>
        <translation>Importa sondaggio</translation>
    </message>
    <message>
        <source>(every journey)</source>
        <translation>(tutti i percorsi)</translation>
    </message>
    <message>
        <source>Keep no comments</source>
        <translation>Non conservare i commenti</translation>
    </message>
    <message>
        <source>Store the scores only; the comment column is not read</source>
        <translation>Salva solo i punteggi; la colonna dei commenti non viene letta</translation>
    </message>
    <message>
        <source>Store respondent ids pseudonymised</source>
        <translation>Salva gli id dei rispondenti pseudonimizzati</translation>
    </message>
    <message>
        <source>Keyed hashes instead of the ids; the key stays in the workspace, so the answers still link to the event log</source>
        <translation>Hash con chiave al posto degli id; la chiave resta nell&apos;area di lavoro, così le risposte si collegano ancora al registro eventi</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Leggi</translation>
    </message>
    <message>
        <source>Respondent / case id</source>
        <translation>Id rispondente / caso</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punteggio</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commento</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>Punto di contatto</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>(detect): every column whose name holds nps, csat, ces, score or rating, each on its detected scale</source>
        <translation>(rileva): ogni colonna il cui nome contiene nps, csat, ces, score o rating, ciascuna sulla scala rilevata</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Scala</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Percorso</translation>
    </message>
    <message>
        <source>Preview (first rows as read from the file):</source>
        <translation>Anteprima (prime righe come lette dal file):</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Salva</translation>
    </message>
    <message>
        <source>Survey responses (*.csv *.tsv *.txt *.xlsx *.jsonl *.ndjson);;All files (*)</source>
        <translation>Risposte a sondaggi (*.csv *.tsv *.txt *.xlsx *.jsonl *.ndjson);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>e-mail addresses</source>
        <translation>indirizzi e-mail</translation>
    </message>
    <message>
        <source>phone numbers</source>
        <translation>numeri di telefono</translation>
    </message>
    <message>
        <source>IBANs</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>card numbers</source>
        <translation>numeri di carta</translation>
    </message>
    <message>
        <source>Import survey {name}</source>
        <translation>Importa il sondaggio {name}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nulla</translation>
    </message>
    <message>
        <source>Read {n} survey responses; masked in comments: {masked}.</source>
        <translation>Lette {n} risposte al sondaggio; mascherati nei commenti: {masked}.</translation>
    </message>
    <message>
        <source>Stored {n} survey responses</source>
        <translation>Salvate {n} risposte al sondaggio</translation>
    </message>
</context>
<context>
    <name>Toolbar</name>
    <message>
        <source>Main toolbar</source>
        <translation>Barra degli strumenti principale</translation>
    </message>
</context>
<context>
    <name>TouchpointHistory</name>
    <message>
        <source>added</source>
        <translation>aggiunta</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>rimossa</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modificata</translation>
    </message>
    <message>
        <source>{kind} added</source>
        <translation>aggiunta di {kind}</translation>
    </message>
    <message>
        <source>{kind} removed</source>
        <translation>rimozione di {kind}</translation>
    </message>
    <message>
        <source>{kind} changed</source>
        <translation>modifica di {kind}</translation>
    </message>
    <message>
        <source>No changes logged for this card yet.</source>
        <translation>Nessuna modifica registrata per questa scheda.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Chi</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
</context>
<context>
    <name>TouchpointMoney</name>
    <message>
        <source>Value at risk</source>
        <translation>Valore a rischio</translation>
    </message>
    <message>
        <source>Cost to serve</source>
        <translation>Costo di servizio</translation>
    </message>
    <message>
        <source>Repeat-contact cost</source>
        <translation>Costo dei contatti ripetuti</translation>
    </message>
    <message>
        <source>Failure-demand cost</source>
        <translation>Costo della domanda da disservizio</translation>
    </message>
    <message>
        <source>Cases whose last mapped event is here and that never reach a goal, × the value of a conversion</source>
        <translation>Casi il cui ultimo evento mappato è qui e che non raggiungono mai un obiettivo, × il valore di una conversione</translation>
    </message>
    <message>
        <source>Contacts in assisted channels here × the cost of a contact</source>
        <translation>Contatti nei canali assistiti qui × il costo di un contatto</translation>
    </message>
    <message>
        <source>Contacts here that follow another contact of the case within the repeat window</source>
        <translation>Contatti qui che seguono un altro contatto dello stesso caso entro la finestra di ripetizione</translation>
    </message>
    <message>
        <source>Assisted contacts soon after this digital step, by cases that have not converted</source>
        <translation>Contatti assistiti poco dopo questo passo digitale, di casi che non hanno convertito</translation>
    </message>
    <message>
        <source>This card</source>
        <translation>Questa scheda</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Percorso</translation>
    </message>
    <message>
        <source>Analyse a dataset of this journey with a value model (Journey ▸ Value model…) to see what this card&apos;s problems cost.</source>
        <translation>Analizzate un dataset di questo percorso con un modello di valore (Percorso ▸ Modello di valore…) per vedere quanto costano i problemi di questa scheda.</translation>
    </message>
    <message>
        <source>No event of the analysed dataset is mapped to this card.</source>
        <translation>Nessun evento del dataset analizzato è associato a questa scheda.</translation>
    </message>
    <message>
        <source>In {currency}, over the analysed period.</source>
        <translation>In {currency}, nel periodo analizzato.</translation>
    </message>
</context>
<context>
    <name>TouchpointPage</name>
    <message>
        <source>Details</source>
        <translation>Dettagli</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>RACI</source>
        <translation>RACI</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commenti</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Azioni</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Voce del cliente</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Denaro</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Cronologia</translation>
    </message>
</context>
<context>
    <name>TouchpointVoice</name>
    <message>
        <source>{topic}: {count} comments, {negative:.0%} negative</source>
        <translation>{topic}: {count} commenti, {negative:.0%} negativi</translation>
    </message>
    <message>
        <source>Top topics</source>
        <translation>Temi principali</translation>
    </message>
    <message>
        <source>Follow up…</source>
        <translation>Crea un follow-up…</translation>
    </message>
    <message>
        <source>Make the selected topic an action: owner, due date, evidence</source>
        <translation>Trasforma il tema selezionato in un&apos;azione: responsabile, scadenza, evidenze</translation>
    </message>
    <message>
        <source>What customers said</source>
        <translation>Cosa hanno detto i clienti</translation>
    </message>
    <message>
        <source>What customers said ({shown} of {total})</source>
        <translation>Cosa hanno detto i clienti ({shown} su {total})</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>&amp;Excel workbook…</source>
        <translation>Cartella di lavoro &amp;Excel…</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Cartella di lavoro Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>&amp;PNG image…</source>
        <translation>Immagine &amp;PNG…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Immagine PNG (*.png)</translation>
    </message>
    <message>
        <source>&amp;SVG image…</source>
        <translation>Immagine &amp;SVG…</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>Immagine SVG (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>&amp;JSON (journey exchange)…</source>
        <translation>&amp;JSON (scambio di percorsi)…</translation>
    </message>
    <message>
        <source>cxmapper journey JSON (*.json)</source>
        <translation>Percorso cxmapper in JSON (*.json)</translation>
    </message>
    <message>
        <source>PDF, the whole journey on one page (*.pdf)</source>
        <translation>PDF, tutto il percorso su una pagina (*.pdf)</translation>
    </message>
    <message>
        <source>PDF, tiled across A4 pages for large print (*.pdf)</source>
        <translation>PDF, suddiviso su pagine A4 per la stampa in grande (*.pdf)</translation>
    </message>
    <message>
        <source>Import updates from Excel</source>
        <translation>Importa aggiornamenti da Excel</translation>
    </message>
    <message>
        <source>{value} change(s) will be applied as one step (Edit ▸ Undo reverts them). {value2} conflict(s) will not be applied.</source>
        <translation>{value} modifiche saranno applicate in un solo passo (Modifica ▸ Annulla le ripristina). {value2} conflitti non saranno applicati.</translation>
    </message>
    <message>
        <source>Apply changes</source>
        <translation>Applica modifiche</translation>
    </message>
    <message>
        <source>&amp;Updates from Excel…</source>
        <translation>&amp;Aggiornamenti da Excel…</translation>
    </message>
    <message>
        <source>Journeys from &amp;JSON…</source>
        <translation>Percorsi da &amp;JSON…</translation>
    </message>
    <message>
        <source>Export {what}</source>
        <translation>Esporta {what}</translation>
    </message>
    <message>
        <source>Exporting {name}…</source>
        <translation>Esportazione di {name}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Esportazione non riuscita</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>Esportato {path}</translation>
    </message>
    <message>
        <source>Cannot import the workbook</source>
        <translation>Impossibile importare la cartella di lavoro</translation>
    </message>
    <message>
        <source>Import journeys from JSON</source>
        <translation>Importa percorsi da JSON</translation>
    </message>
    <message>
        <source>Cannot import journeys</source>
        <translation>Impossibile importare i percorsi</translation>
    </message>
</context>
<context>
    <name>UndoText</name>
    <message>
        <source>New journey from template {name}</source>
        <translation>Nuovo percorso dal modello {name}</translation>
    </message>
    <message>
        <source>Duplicate journey {name}</source>
        <translation>Duplica percorso {name}</translation>
    </message>
    <message>
        <source>Import updates from {name}</source>
        <translation>Importa aggiornamenti da {name}</translation>
    </message>
    <message>
        <source>Import journeys from {name}</source>
        <translation>Importa percorsi da {name}</translation>
    </message>
    <message>
        <source>description</source>
        <translation>descrizione</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>unità</translation>
    </message>
    <message>
        <source>email</source>
        <translation>email</translation>
    </message>
    <message>
        <source>team</source>
        <translation>team</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>responsabile</translation>
    </message>
    <message>
        <source>persona</source>
        <translation>persona</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>canale</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>etichette</translation>
    </message>
    <message>
        <source>label</source>
        <translation>etichetta</translation>
    </message>
    <message>
        <source>goal flag</source>
        <translation>obiettivo</translation>
    </message>
    <message>
        <source>event names</source>
        <translation>nomi degli eventi</translation>
    </message>
    <message>
        <source>event patterns</source>
        <translation>modelli di eventi</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>scadenza</translation>
    </message>
    <message>
        <source>live from</source>
        <translation>in vigore dal</translation>
    </message>
    <message>
        <source>Edit {field}</source>
        <translation>Modifica {field}</translation>
    </message>
    <message>
        <source>Set {field} of {name}</source>
        <translation>Imposta {field} di {name}</translation>
    </message>
    <message>
        <source>{change} of {name}</source>
        <translation>{change} di {name}</translation>
    </message>
    <message>
        <source>Save version {name}</source>
        <translation>Salva versione {name}</translation>
    </message>
    <message>
        <source>Restore version {name}</source>
        <translation>Ripristina versione {name}</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>Rimuovi {name}</translation>
    </message>
    <message>
        <source>Add team {name}</source>
        <translation>Aggiungi team {name}</translation>
    </message>
    <message>
        <source>Add person {name}</source>
        <translation>Aggiungi persona {name}</translation>
    </message>
    <message>
        <source>Set kind of {name} to {kind}</source>
        <translation>Imposta il tipo di {name} a {kind}</translation>
    </message>
    <message>
        <source>Add KPI {name}</source>
        <translation>Aggiungi KPI {name}</translation>
    </message>
    <message>
        <source>Mark {title} done</source>
        <translation>Segna {title} come fatta</translation>
    </message>
    <message>
        <source>Rename journey</source>
        <translation>Rinomina percorso</translation>
    </message>
    <message>
        <source>Set persona</source>
        <translation>Imposta persona</translation>
    </message>
    <message>
        <source>Set state</source>
        <translation>Imposta stato</translation>
    </message>
    <message>
        <source>Rename stage</source>
        <translation>Rinomina fase</translation>
    </message>
    <message>
        <source>Resize stage</source>
        <translation>Ridimensiona fase</translation>
    </message>
    <message>
        <source>Rename lane</source>
        <translation>Rinomina corsia</translation>
    </message>
    <message>
        <source>Set lane kind</source>
        <translation>Imposta tipo di corsia</translation>
    </message>
    <message>
        <source>Resize lane</source>
        <translation>Ridimensiona corsia</translation>
    </message>
    <message>
        <source>Label connector</source>
        <translation>Etichetta collegamento</translation>
    </message>
    <message>
        <source>Set connector kind</source>
        <translation>Imposta tipo di collegamento</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>Aggiungi azione</translation>
    </message>
    <message>
        <source>Remove action</source>
        <translation>Rimuovi azione</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Aggiungi commento</translation>
    </message>
    <message>
        <source>Resolve comment</source>
        <translation>Risolvi commento</translation>
    </message>
    <message>
        <source>Reopen comment</source>
        <translation>Riapri commento</translation>
    </message>
    <message>
        <source>Rename touchpoint</source>
        <translation>Rinomina punto di contatto</translation>
    </message>
    <message>
        <source>Set channel</source>
        <translation>Imposta canale</translation>
    </message>
    <message>
        <source>Set component</source>
        <translation>Imposta componente</translation>
    </message>
    <message>
        <source>Set emotion</source>
        <translation>Imposta emozione</translation>
    </message>
    <message>
        <source>Set tags</source>
        <translation>Imposta etichette</translation>
    </message>
    <message>
        <source>Set owner</source>
        <translation>Imposta responsabile</translation>
    </message>
    <message>
        <source>Set goal flag</source>
        <translation>Imposta obiettivo</translation>
    </message>
    <message>
        <source>Set event names</source>
        <translation>Imposta nomi degli eventi</translation>
    </message>
    <message>
        <source>Set event patterns</source>
        <translation>Imposta modelli di eventi</translation>
    </message>
    <message>
        <source>Add {kpi} reading {value}</source>
        <translation>Aggiungi rilevazione {kpi} {value}</translation>
    </message>
    <message>
        <source>Remove KPI reading</source>
        <translation>Rimuovi rilevazione KPI</translation>
    </message>
    <message>
        <source>Make {name} {role}</source>
        <translation>Rendi {name} {role}</translation>
    </message>
    <message>
        <source>Remove RACI assignment</source>
        <translation>Rimuovi assegnazione RACI</translation>
    </message>
    <message>
        <source>Add journey {name}</source>
        <translation>Aggiungi percorso {name}</translation>
    </message>
    <message>
        <source>Delete journey {name}</source>
        <translation>Elimina percorso {name}</translation>
    </message>
    <message>
        <source>Rename journey to {name}</source>
        <translation>Rinomina percorso in {name}</translation>
    </message>
    <message>
        <source>Move journey {name}</source>
        <translation>Sposta percorso {name}</translation>
    </message>
    <message>
        <source>Add persona {name}</source>
        <translation>Aggiungi persona {name}</translation>
    </message>
    <message>
        <source>Delete persona {name}</source>
        <translation>Elimina persona {name}</translation>
    </message>
    <message>
        <source>Rename persona to {name}</source>
        <translation>Rinomina persona in {name}</translation>
    </message>
</context>
<context>
    <name>ValueModel</name>
    <message>
        <source>Edit value model</source>
        <translation>Modifica il modello di valore</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importo</translation>
    </message>
    <message>
        <source>Value model</source>
        <translation>Modello di valore</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canale</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>Value of a conversion</source>
        <translation>Valore di una conversione</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <source>Cost of a contact per channel</source>
        <translation>Costo di un contatto per canale</translation>
    </message>
    <message>
        <source>Segment attribute</source>
        <translation>Attributo di segmento</translation>
    </message>
    <message>
        <source>Value of a conversion per segment</source>
        <translation>Valore di una conversione per segmento</translation>
    </message>
    <message>
        <source>&amp;Value model…</source>
        <translation>&amp;Modello di valore…</translation>
    </message>
</context>
<context>
    <name>VersionPeriods</name>
    <message>
        <source>Live before</source>
        <translation>In uso prima</translation>
    </message>
    <message>
        <source>Live after</source>
        <translation>In uso dopo</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Usa</translation>
    </message>
    <message>
        <source>Compare the two versions&apos; live periods: the first as “Compare with”, the second as “Period”</source>
        <translation>Confronta i periodi d&apos;uso delle due versioni: la prima come “Confronta con”, la seconda come “Periodo”</translation>
    </message>
    <message>
        <source>Versions live:</source>
        <translation>Versioni in uso:</translation>
    </message>
    <message>
        <source>today</source>
        <translation>oggi</translation>
    </message>
    <message>
        <source>Save two versions with a live-from date to compare them.</source>
        <translation>Salvate due versioni con una data di entrata in uso per confrontarle.</translation>
    </message>
    <message>
        <source>Choose two different versions</source>
        <translation>Scegliete due versioni diverse</translation>
    </message>
</context>
<context>
    <name>VoiceDock</name>
    <message>
        <source>Voice</source>
        <translation>Voce</translation>
    </message>
    <message>
        <source>&amp;Voice of the Customer</source>
        <translation>&amp;Voce del cliente</translation>
    </message>
    <message>
        <source>Drivers, topics and improvements from the journey&apos;s survey</source>
        <translation>Driver, temi e miglioramenti dal sondaggio del percorso</translation>
    </message>
    <message>
        <source>Import &amp;Survey…</source>
        <translation>Importa &amp;sondaggio…</translation>
    </message>
    <message>
        <source>Read survey responses (CSV/TSV, XLSX, JSON Lines) into the workspace</source>
        <translation>Leggi le risposte a un sondaggio (CSV/TSV, XLSX, JSON Lines) nell&apos;area di lavoro</translation>
    </message>
    <message>
        <source>Voice of the customer</source>
        <translation>Voce del cliente</translation>
    </message>
    <message>
        <source>Drivers</source>
        <translation>Driver</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Temi</translation>
    </message>
    <message>
        <source>Improvements</source>
        <translation>Miglioramenti</translation>
    </message>
    <message>
        <source>Responses linked to the journey</source>
        <translation>Risposte collegate al percorso</translation>
    </message>
    <message>
        <source>{n} responses about this journey: {card} linked to a card, {case} to a case.</source>
        <translation>{n} risposte su questo percorso: {card} collegate a una scheda, {case} a un caso.</translation>
    </message>
    <message>
        <source>Not linked: {n} ({reason}; e.g. {examples})</source>
        <translation>Non collegate: {n} ({reason}; per es. {examples})</translation>
    </message>
</context>
<context>
    <name>VoiceDrivers</name>
    <message>
        <source>Rank</source>
        <translation>Posizione</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Scheda</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Comportamento</translation>
    </message>
    <message>
        <source>Score with</source>
        <translation>Punteggio con</translation>
    </message>
    <message>
        <source>Score without</source>
        <translation>Punteggio senza</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenza</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>Intervallo al 95 %</translation>
    </message>
    <message>
        <source>n did it</source>
        <translation>n che l&apos;hanno fatto</translation>
    </message>
    <message>
        <source>Affected</source>
        <translation>Interessati</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Dati</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>da {low} a {high}</translation>
    </message>
    <message>
        <source>Driver {card}, {behaviour}: {scale} points {did} for those who did it against {not_} for those who did not, difference {diff} (95 % interval {interval}), p {p}</source>
        <translation>Driver {card}, {behaviour}: punti {scale} {did} per chi l&apos;ha fatto contro {not_} per chi non l&apos;ha fatto, differenza {diff} (intervallo al 95 % {interval}), p {p}</translation>
    </message>
    <message>
        <source>n = {n_did} who did it, {n_not} who did not ({share} affected)</source>
        <translation>n = {n_did} che l&apos;hanno fatto, {n_not} che non l&apos;hanno fatto ({share} interessati)</translation>
    </message>
    <message>
        <source>Make the selected driver an action: owner, due date, evidence</source>
        <translation>Trasforma il driver selezionato in un&apos;azione: responsabile, scadenza, evidenze</translation>
    </message>
    <message>
        <source>{n_did} respondents did it, {n_not} did not; p {p}</source>
        <translation>{n_did} rispondenti l&apos;hanno fatto, {n_not} no; p {p}</translation>
    </message>
    <message>
        <source>No drivers: the survey&apos;s answers need cases in the journey&apos;s event log.</source>
        <translation>Nessun driver: le risposte al sondaggio devono avere casi nel log eventi del percorso.</translation>
    </message>
    <message>
        <source>Follow up a driver</source>
        <translation>Dai seguito a un driver</translation>
    </message>
</context>
<context>
    <name>VoiceFollowUp</name>
    <message>
        <source>Topic {topic}: {count} comments, {negative:.0%} negative</source>
        <translation>Tema {topic}: {count} commenti, {negative:.0%} negativi</translation>
    </message>
    <message>
        <source>Follow up a topic</source>
        <translation>Follow-up di un tema</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-GG</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsabile</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidenze</translation>
    </message>
    <message>
        <source>The due date is not a date; write it as YYYY-MM-DD.</source>
        <translation>La scadenza non è una data; scrivila come AAAA-MM-GG.</translation>
    </message>
    <message>
        <source>The title is empty.</source>
        <translation>Il titolo è vuoto.</translation>
    </message>
    <message>
        <source>Follow up {title}</source>
        <translation>Follow-up: {title}</translation>
    </message>
</context>
<context>
    <name>VoiceImprovements</name>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Scheda</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsabile</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Due / done</source>
        <translation>Scadenza / fatta</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Effetto</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>valore p</translation>
    </message>
    <message>
        <source>{measure} ({unit}): {before} before (n {n_before}), {after} after (n {n_after}), effect {effect}, p {p}: {verdict}</source>
        <translation>{measure} ({unit}): {before} prima (n {n_before}), {after} dopo (n {n_after}), effetto {effect}, p {p}: {verdict}</translation>
    </message>
    <message>
        <source>No improvement actions yet: add one on a card, or follow up a driver or topic.</source>
        <translation>Ancora nessuna azione di miglioramento: aggiungine una su una scheda, o dai seguito a un driver o a un tema.</translation>
    </message>
    <message>
        <source>{card}; owner: {owner}</source>
        <translation>{card}; responsabile: {owner}</translation>
    </message>
    <message>
        <source>Done, without a verdict: it needs a due date and the journey&apos;s event log.</source>
        <translation>Fatta, senza esito: servono una scadenza e il log eventi del percorso.</translation>
    </message>
    <message>
        <source>Not done yet: the verdict comes when it is marked done.</source>
        <translation>Non ancora fatta: l&apos;esito arriva quando è segnata come fatta.</translation>
    </message>
    <message>
        <source>{verdict}: before {before}, after {after}</source>
        <translation>{verdict}: prima {before}, dopo {after}</translation>
    </message>
</context>
<context>
    <name>VoiceTopics</name>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Scheda</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commenti</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativi</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostra</translation>
    </message>
    <message>
        <source>Across the journey</source>
        <translation>Sull&apos;intero percorso</translation>
    </message>
    <message>
        <source>Per card</source>
        <translation>Per scheda</translation>
    </message>
    <message>
        <source>Topics shown</source>
        <translation>Temi mostrati</translation>
    </message>
    <message>
        <source>Make the selected topic of a card an action: owner, due date, evidence</source>
        <translation>Trasforma il tema selezionato di una scheda in un&apos;azione: responsabile, scadenza, evidenze</translation>
    </message>
    <message>
        <source>All cards</source>
        <translation>Tutte le schede</translation>
    </message>
    <message>
        <source>No topics: the journey&apos;s answers have no comments on the topic list.</source>
        <translation>Nessun tema: le risposte del percorso non hanno commenti sui temi dell&apos;elenco.</translation>
    </message>
    <message>
        <source>{topic}: {count} comments, {negative} negative. Customers said:</source>
        <translation>{topic}: {count} commenti, {negative} negativi. I clienti hanno detto:</translation>
    </message>
</context>
<context>
    <name>VoiceViews</name>
    <message>
        <source>No survey for this journey yet: import one with Analysis ▸ Import Survey… (or cxmapper import-survey WORKSPACE FILE).</source>
        <translation>Nessun sondaggio per questo percorso: importane uno con Analisi ▸ Importa sondaggio… (o cxmapper import-survey WORKSPACE FILE).</translation>
    </message>
    <message>
        <source>Import Survey…</source>
        <translation>Importa sondaggio…</translation>
    </message>
    <message>
        <source>Follow up…</source>
        <translation>Dai seguito…</translation>
    </message>
</context>
</TS>
