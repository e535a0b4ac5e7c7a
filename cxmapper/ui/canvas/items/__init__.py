"""Graphics items of the journey canvas. They paint and report gestures; they never edit."""
