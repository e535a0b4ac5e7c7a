"""Presentation without a window: what the canvas, the pictures and the workbook share.

Stored values are keys ("green", "email", "touchpoint_id"); what people read is made here from
them: the label catalogue (`labels`), the heat scale (`heat`), the channel palette (`palette`),
number formats (`units`), money per locale (`money`), the overlay values of an analysis
(`overlay`) and the text of a KPI reading on a card (`card_text`). Pure Python with no Qt and
no dependency on the rest of cxmapper, so every layer may use it (the import contracts in
pyproject.toml check this): the model words its errors with the same labels the UI shows.
"""
