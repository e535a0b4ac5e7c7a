"""The journey templates in Italian: the same keys, stages, lanes and cards, other words.

Why a table of texts and not a second set of templates: the English templates stay the one
definition of what a template contains (which cards, emotions, goals); a language only changes
what people read. Stage and lane names are translated consistently, so the cards still point at
their stage and lane. A text missing here stays English, and tests/model/test_templates_it.py
fails, so a new card cannot ship untranslated.
"""

from __future__ import annotations

ITALIAN: dict[str, str] = {
    # lanes every template shares, and the blank journey's grid
    "Customer actions": "Azioni del cliente",
    "Thoughts": "Pensieri",
    "Emotions": "Emozioni",
    "Pain points": "Punti critici",
    "Opportunities": "Opportunità",
    "Backstage": "Retroscena",
    "Touchpoints": "Punti di contatto",
    "Stage 1": "Fase 1",
    "Stage 2": "Fase 2",
    "Stage 3": "Fase 3",
    # ecommerce
    "E-commerce purchase": "Acquisto e-commerce",
    "From first inspiration to delivery and returns in an online shop.": (
        "Dalla prima ispirazione alla consegna e ai resi in un negozio online."
    ),
    "Discover": "Scoperta",
    "Consider": "Valutazione",
    "Purchase": "Acquisto",
    "Delivery": "Consegna",
    "Use & return": "Uso e reso",
    "Website": "Sito web",
    "Mobile app": "App mobile",
    "E-mail": "E-mail",
    "Landing page from an ad": "Pagina di atterraggio da un annuncio",
    "Searches for a product": "Cerca un prodotto",
    "Product detail page": "Scheda prodotto",
    "Is this the right size?": "È la taglia giusta?",
    "Checkout": "Cassa",
    "Surprise shipping costs": "Spese di spedizione inattese",
    "Order confirmation": "Conferma d'ordine",
    "Track the parcel": "Traccia il pacco",
    "Warehouse picks and ships": "Il magazzino prepara e spedisce",
    "Start a return": "Avvia un reso",
    "Free pick-up for returns": "Ritiro gratuito dei resi",
    "Review request": "Richiesta di recensione",
    # saas_onboarding
    "SaaS onboarding": "Onboarding SaaS",
    "A trial user signs up, reaches the first value moment and converts.": (
        "Un utente in prova si iscrive, arriva al primo momento di valore e si abbona."
    ),
    "Sign up": "Iscrizione",
    "Set up": "Configurazione",
    "First value": "Primo valore",
    "Adopt": "Adozione",
    "Convert": "Conversione",
    "Product": "Prodotto",
    "Help centre": "Centro assistenza",
    "Sign-up form": "Modulo di iscrizione",
    "Verify e-mail address": "Verifica dell'indirizzo e-mail",
    "Onboarding checklist": "Lista di avvio",
    "Data import fails on large files": "L'importazione dei dati fallisce sui file grandi",
    "Getting-started guide": "Guida introduttiva",
    "First report created": "Primo report creato",
    "This saves me hours": "Mi fa risparmiare ore",
    "Invite teammates": "Invita i colleghi",
    "Tips & tricks series": "Serie di consigli e trucchi",
    "Upgrade to a paid plan": "Passa a un piano a pagamento",
    "Billing system creates the account": "Il sistema di fatturazione crea l'account",
    "Offer onboarding call to big teams": "Offri una chiamata di avvio ai team grandi",
    # bank_account
    "Bank account opening": "Apertura di un conto corrente",
    "A new customer opens a current account, from comparison to first payment.": (
        "Un nuovo cliente apre un conto corrente, dal confronto al primo pagamento."
    ),
    "Research": "Ricerca",
    "Apply": "Richiesta",
    "Verify identity": "Verifica dell'identità",
    "Activate": "Attivazione",
    "First use": "Primo utilizzo",
    "Branch": "Filiale",
    "Call centre": "Call center",
    "Compare account types": "Confronta i tipi di conto",
    "Which fees will I really pay?": "Quali commissioni pagherò davvero?",
    "Application form": "Modulo di richiesta",
    "Appointment with an adviser": "Appuntamento con un consulente",
    "Video identification": "Identificazione via video",
    "ID check fails in poor light": "Il controllo del documento fallisce con poca luce",
    "Compliance and KYC checks": "Controlli di conformità e antiriciclaggio",
    "Set PIN and activate card": "Imposta il PIN e attiva la carta",
    "Help with activation": "Aiuto con l'attivazione",
    "First card payment": "Primo pagamento con carta",
    "Welcome bonus for salary transfer": "Bonus di benvenuto per l'accredito dello stipendio",
    # customer_support
    "Customer support": "Assistenza clienti",
    "A customer with a problem looks for help until the issue is resolved.": (
        "Un cliente con un problema cerca aiuto finché il problema non è risolto."
    ),
    "Problem occurs": "Nasce il problema",
    "Seek help": "Ricerca di aiuto",
    "Contact": "Contatto",
    "Resolution": "Soluzione",
    "Follow-up": "Seguito",
    "Chat": "Chat",
    "Phone": "Telefono",
    "Notices the product fails": "Si accorge che il prodotto non funziona",
    "Why does this happen now?": "Perché succede proprio ora?",
    "Searches the FAQ": "Cerca nelle domande frequenti",
    "FAQ does not cover the error": "Le domande frequenti non trattano l'errore",
    "Chatbot triage": "Smistamento del chatbot",
    "Waits in the phone queue": "Attende in coda al telefono",
    "Ticket confirmation": "Conferma della richiesta",
    "Agent solves the issue": "L'operatore risolve il problema",
    "Second-level support investigates": "L'assistenza di secondo livello indaga",
    "Satisfaction survey": "Sondaggio di soddisfazione",
    "Proactive status updates": "Aggiornamenti di stato proattivi",
    "Will it happen again?": "Succederà di nuovo?",
}
