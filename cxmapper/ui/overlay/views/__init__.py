"""One module per analysis view (funnel, trend, friction, unmatched events, paths, before/after):
each takes a finished analysis and shows it; clicking a card name asks the map to select it."""
