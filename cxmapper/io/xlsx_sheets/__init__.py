"""One module per worksheet of the Excel export; each has `write(wb, ctx)`."""
