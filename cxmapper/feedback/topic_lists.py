"""Starter topic lists in English and Italian; users edit them (saved in the workspace).

Keywords are matched on word starts after a light stem (see `topics.stem`), so "consegna"
also finds "consegnato" and "deliver" finds "delivered". Multi-word keywords match as phrases.
"""

from __future__ import annotations

STARTER_TOPICS: dict[str, dict[str, list[str]]] = {
    "delivery": {
        "en": [
            "delivery",
            "deliver",
            "shipping",
            "shipment",
            "parcel",
            "courier",
            "arrived",
            "tracking",
            "late",
        ],
        "it": [
            "consegna",
            "spedizione",
            "pacco",
            "corriere",
            "arrivato",
            "tracciamento",
            "ritardo",
        ],
    },
    "payment": {
        "en": ["payment", "pay", "card", "checkout", "declined", "charged", "paypal"],
        "it": ["pagamento", "pagare", "carta", "addebito", "rifiutata", "cassa"],
    },
    "price": {
        "en": ["price", "expensive", "cheap", "cost", "discount", "fees"],
        "it": ["prezzo", "caro", "costo", "sconto", "economico", "spese"],
    },
    "returns": {
        "en": ["return", "refund", "exchange", "reimburse"],
        "it": ["reso", "resi", "rimborso", "cambio", "restituire"],
    },
    "waiting": {
        "en": ["wait", "slow", "days", "forever", "queue", "on hold", "took ages"],
        "it": ["attesa", "aspettato", "lento", "giorni", "coda", "in linea"],
    },
    "staff": {
        "en": ["staff", "agent", "operator", "employee", "rude", "helpful", "friendly"],
        "it": [
            "personale",
            "operatore",
            "operatrice",
            "commesso",
            "gentile",
            "scortese",
            "disponibile",
        ],
    },
    "usability": {
        "en": [
            "website",
            "app",
            "site",
            "crash",
            "error",
            "login",
            "confusing",
            "easy to use",
            "button",
        ],
        "it": [
            "sito",
            "app",
            "applicazione",
            "errore",
            "bloccata",
            "accesso",
            "complicato",
            "facile da usare",
        ],
    },
    "communication": {
        "en": ["email", "e-mail", "message", "notification", "informed", "update", "answer"],
        "it": [
            "email",
            "messaggio",
            "notifica",
            "informato",
            "aggiornamento",
            "risposta",
            "comunicazione",
        ],
    },
    "product": {
        "en": ["quality", "size", "product", "damaged", "broken", "fit"],
        "it": ["qualità", "taglia", "prodotto", "danneggiato", "rotto", "misura"],
    },
}
