"""The demo workspace in Italian (`cxmapper demo PATH --lang it`): the words, not the data.

Why a table of texts beside demo_content and not a second copy of it: the demo's structure
(which cards, emotions, owners, events, readings) must stay one definition, so the Italian demo
analyses exactly like the English one; only what people read changes. Names of people and
brands (Qualtrics, Instagram, NPS) stay as they are. tests/model/test_demo_languages.py fails
when a demo text has no entry here.
"""

from __future__ import annotations

ITALIAN: dict[str, str] = {
    # lanes
    "Thoughts": "Pensieri",
    "Emotions": "Emozioni",
    "Web": "Web",
    "App": "App",
    "E-mail": "E-mail",
    "Store": "Negozio",
    "Call centre": "Call center",
    "Chat": "Chat",
    "Social": "Social",
    "Pain points": "Punti critici",
    "Opportunities": "Opportunità",
    "Backstage": "Retroscena",
    # teams and roles
    "E-commerce": "E-commerce",
    "Digital sales": "Vendite digitali",
    "Customer Service": "Servizio clienti",
    "Contact centre and chat": "Contact center e chat",
    "Logistics": "Logistica",
    "Fulfilment and delivery": "Evasione ordini e consegne",
    "Marketing": "Marketing",
    "Campaigns and social": "Campagne e social",
    "CX Office": "Ufficio CX",
    "Journey governance": "Governo dei percorsi",
    "Head of E-commerce": "Responsabile e-commerce",
    "Web product owner": "Product owner del sito",
    "App product owner": "Product owner dell'app",
    "Contact centre manager": "Responsabile del contact center",
    "Chat team lead": "Capo squadra chat",
    "Delivery operations lead": "Responsabile operazioni di consegna",
    "CRM & e-mail manager": "Responsabile CRM ed e-mail",
    "Social media lead": "Responsabile social media",
    "CX manager": "Responsabile CX",
    "Store operations manager": "Responsabile operazioni negozi",
    # KPIs (name, unit, description)
    "score": "punteggio",
    "Net Promoter Score (-100..100)": "Net Promoter Score (da -100 a 100)",
    "Customer satisfaction after the touchpoint": "Soddisfazione del cliente dopo il contatto",
    "Customer effort score (lower is easier)": "Sforzo del cliente (più basso è più facile)",
    "First-contact resolution": "Risoluzione al primo contatto",
    "Solved in the first contact": "Risolto al primo contatto",
    "Conversion rate": "Tasso di conversione",
    "Sessions that end in an order": "Sessioni che finiscono con un ordine",
    "Drop-off rate": "Tasso di abbandono",
    "Visitors who leave at this step": "Visitatori che abbandonano in questo passo",
    "First response time": "Tempo di prima risposta",
    "Until the first human answer": "Fino alla prima risposta di una persona",
    "Average handling time": "Tempo medio di gestione",
    "Talk + after-call work": "Conversazione + lavoro dopo la chiamata",
    "Resolution time": "Tempo di risoluzione",
    "From first contact to solved": "Dal primo contatto alla soluzione",
    "Churn rate": "Tasso di abbandono dei clienti",
    "Customers lost per month": "Clienti persi al mese",
    # the purchase journey
    "Online purchase": "Acquisto online",
    "From first inspiration to using the product: the omnichannel fashion purchase.": (
        "Dalla prima ispirazione all'uso del prodotto: l'acquisto di moda omnicanale."
    ),
    "Busy parent": "Genitore indaffarato",
    "Buys for the family on a phone in the evening; values speed and easy returns.": (
        "Compra per la famiglia dal telefono la sera; apprezza velocità e resi facili."
    ),
    "Discover": "Scoperta",
    "Research": "Ricerca",
    "Choose": "Scelta",
    "Purchase": "Acquisto",
    "Delivery": "Consegna",
    "Use & return": "Uso e reso",
    "Instagram ad": "Annuncio su Instagram",
    "Search result landing": "Arrivo da un risultato di ricerca",
    "Weekly newsletter": "Newsletter settimanale",
    "Store window": "Vetrina del negozio",
    "Product listing": "Elenco prodotti",
    "Product page": "Pagina prodotto",
    "App product page": "Pagina prodotto nell'app",
    "Reviews": "Recensioni",
    "Pre-sales chat": "Chat pre-vendita",
    "Size guide": "Guida alle taglie",
    "Add to cart": "Aggiunta al carrello",
    "Wishlist": "Lista dei desideri",
    "Try on in store": "Prova in negozio",
    "Cart": "Carrello",
    "Checkout: address": "Cassa: indirizzo",
    "Checkout: payment": "Cassa: pagamento",
    "Order confirmed": "Ordine confermato",
    "Order confirmation e-mail": "E-mail di conferma d'ordine",
    "Order by phone": "Ordine per telefono",
    "Shipping notice": "Avviso di spedizione",
    "Track parcel": "Tracciamento del pacco",
    "Where-is-my-order call": "Chiamata «dov'è il mio ordine»",
    "Click & collect": "Ritiro in negozio",
    "Return request": "Richiesta di reso",
    "Review request": "Richiesta di recensione",
    "Social post": "Post sui social",
    "Support chat": "Chat di assistenza",
    "“I need school shoes by Monday”": "«Mi servono le scarpe per la scuola entro lunedì»",
    "“Will this size fit?”": "«Questa taglia andrà bene?»",
    "“Why is shipping extra?”": "«Perché la spedizione si paga a parte?»",
    "Card payment fails on mobile": "Il pagamento con carta fallisce da telefono",
    "No delivery time slot": "Nessuna fascia oraria di consegna",
    "Fit predictor from past orders": "Previsione della taglia dagli ordini passati",
    "Proactive delay SMS": "SMS proattivo sui ritardi",
    "Fraud check": "Controllo antifrode",
    "Warehouse picking": "Prelievo in magazzino",
    # the support journey
    "Customer support": "Assistenza clienti",
    "A customer with a problem after purchase, from noticing it to a solved case.": (
        "Un cliente con un problema dopo l'acquisto, da quando se ne accorge al caso risolto."
    ),
    "Frustrated first-time buyer": "Primo acquirente deluso",
    "Ordered once, something went wrong, wants a fast human answer.": (
        "Ha ordinato una volta, qualcosa è andato storto, vuole una risposta rapida da una persona."
    ),
    "Problem occurs": "Nasce il problema",
    "Seek help": "Ricerca di aiuto",
    "Contact": "Contatto",
    "Diagnose": "Diagnosi",
    "Resolve": "Soluzione",
    "Follow-up": "Seguito",
    "Error message in app": "Messaggio di errore nell'app",
    "Delay notification": "Avviso di ritardo",
    "Faulty item at home": "Articolo difettoso a casa",
    "Help centre search": "Ricerca nel centro assistenza",
    "FAQ article": "Articolo delle domande frequenti",
    "In-app help": "Aiuto nell'app",
    "Complaint on X": "Reclamo su X",
    "Chatbot": "Chatbot",
    "Live chat agent": "Operatore in chat",
    "IVR menu": "Menu del risponditore automatico",
    "Phone agent": "Operatore telefonico",
    "Contact form": "Modulo di contatto",
    "Identity check": "Verifica dell'identità",
    "Upload photo of damage": "Invio della foto del danno",
    "Order lookup": "Ricerca dell'ordine",
    "Refund issued": "Rimborso emesso",
    "Exchange in store": "Cambio in negozio",
    "Replacement shipped": "Sostituzione spedita",
    "Escalation to 2nd line": "Passaggio al secondo livello",
    "Satisfaction survey": "Sondaggio di soddisfazione",
    "Survey answered": "Sondaggio compilato",
    "Voucher in app": "Buono nell'app",
    "Public thank-you": "Ringraziamento pubblico",
    "“Why can't I find a phone number?”": "«Perché non trovo un numero di telefono?»",
    "“I have to explain everything again”": "«Devo spiegare tutto di nuovo»",
    "Long IVR with no 'agent' option": "Risponditore lungo senza l'opzione «operatore»",
    "Repeated identity checks": "Verifiche dell'identità ripetute",
    "Callback instead of queue": "Richiamata invece della coda",
    "Instant refund for small orders": "Rimborso immediato per i piccoli ordini",
    "CRM case created": "Pratica aperta nel CRM",
    # comments
    "Payment errors doubled after the PSP update in March.": (
        "Gli errori di pagamento sono raddoppiati dopo l'aggiornamento del PSP a marzo."
    ),
    "3-D Secure redirect breaks in the in-app browser; fix planned.": (
        "Il reindirizzamento 3-D Secure si blocca nel browser dell'app; correzione prevista."
    ),
    "Returns reason #1 is 'wrong size' (38 %).": (
        "Il primo motivo di reso è la «taglia sbagliata» (38 %)."
    ),
    "WISMO is 22 % of all calls in Q1.": (
        "Le chiamate «dov'è il mio ordine» sono il 22 % del totale nel primo trimestre."
    ),
    "Conversion target for H2 raised to 3.8 %.": (
        "Obiettivo di conversione del secondo semestre alzato al 3,8 %."
    ),
    "Customers press 0 repeatedly: the IVR has no agent option.": (
        "I clienti premono 0 più volte: il risponditore non offre un operatore."
    ),
    "Bot hands over without the conversation history.": (
        "Il bot passa la conversazione senza la sua cronologia."
    ),
    "Asked twice when the chat is transferred to phone.": (
        "Chiesta due volte quando la chat passa al telefono."
    ),
    "Refund approvals now within 24 h.": "Rimborsi ora approvati entro 24 ore.",
    # actions
    "Fix 3-D Secure flow in in-app browser": "Correggere il flusso 3-D Secure nel browser dell'app",
    "Add Apple Pay / Google Pay": "Aggiungere Apple Pay / Google Pay",
    "Fit predictor based on past orders": "Previsione della taglia basata sugli ordini passati",
    "Show shipping cost before checkout": "Mostrare le spese di spedizione prima della cassa",
    "Address autocomplete": "Completamento automatico dell'indirizzo",
    "Add 'speak to an agent' option": "Aggiungere l'opzione «parla con un operatore»",
    "Pass chat transcript to agent": "Passare la trascrizione della chat all'operatore",
    "Single identity check across channels": "Un'unica verifica dell'identità per tutti i canali",
    "Empower 1st line to refund up to 50 EUR": (
        "Autorizzare il primo livello a rimborsare fino a 50 EUR"
    ),
    # survey verbatims (the English ones; the Italian ones are written in Italian already)
    "Payment was declined twice before it went through, very frustrating": (
        "Il pagamento è stato rifiutato due volte prima di passare, molto frustrante"
    ),
    "The card payment failed and I had to retry, almost gave up": (
        "Il pagamento con carta non è andato e ho dovuto riprovare, stavo per rinunciare"
    ),
    "Checkout kept rejecting my card. Fix your payment page!": (
        "La cassa continuava a rifiutare la mia carta. Sistemate la pagina di pagamento!"
    ),
    "Delivery took ages, the parcel arrived a week late": (
        "La consegna è durata un'eternità, il pacco è arrivato con una settimana di ritardo"
    ),
    "I waited days for the shipping notice, no updates at all": (
        "Ho aspettato giorni l'avviso di spedizione, nessun aggiornamento"
    ),
    "Slow delivery, the courier never showed up on the promised day": (
        "Consegna lenta, il corriere non si è presentato il giorno promesso"
    ),
    "Quick and easy, great products": "Veloce e semplice, prodotti ottimi",
    "Everything arrived on time, friendly staff on the chat": (
        "Tutto arrivato in tempo, personale gentile in chat"
    ),
    "Easy to use website and good prices": "Sito facile da usare e buoni prezzi",
    "Fine, but the price of shipping is a bit high": (
        "Bene, ma il costo della spedizione è un po' alto"
    ),
    "The app is ok, sometimes confusing to find my order": (
        "L'app va bene, a volte è difficile trovare il mio ordine"
    ),
    "Return process could be clearer": "La procedura di reso potrebbe essere più chiara",
    "I was on hold for too long before an agent answered": (
        "Sono rimasto in attesa troppo a lungo prima che rispondesse un operatore"
    ),
    "The agent was helpful and the refund came quickly": (
        "L'operatore è stato disponibile e il rimborso è arrivato presto"
    ),
    "Had to explain my problem three times, poor communication": (
        "Ho dovuto spiegare il problema tre volte, comunicazione scarsa"
    ),
    " Call me on +39 333 123 4567.": " Chiamatemi al +39 333 123 4567.",
    " Write to me at mario.rossi@example.com": " Scrivetemi a mario.rossi@example.com",
    # card tags (channel keys and "goal" are shown as tags, which are free text)
    "store": "negozio",
    "call centre": "call center",
    "goal": "obiettivo",
}


def say(text: str, lang: str) -> str:
    """`text` in `lang`: the Italian entry for "it", else the text as written (English)."""
    return ITALIAN.get(text, text) if lang == "it" else text
